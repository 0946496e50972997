/// Which output stream of a child a chunk of bytes came from.
public enum OutputStream: String, Sendable, CaseIterable, Codable {
  case stdout
  case stderr
}

/// How a child process ended and what it wrote.
public struct ProcessResult: Sendable, Equatable {
  /// The exit status when the child exited normally.
  public var exitCode: Int32?
  /// The signal that terminated the child, when one did.
  public var signal: Int32?
  /// Whether the runner stopped the child because the timeout passed.
  public var timedOut: Bool
  /// Whether the runner stopped the child because `cancel()` was called.
  public var cancelled: Bool
  /// Wall-clock time from spawn to reaping, in seconds.
  public var duration: Double
  public var stdoutBytes: Int
  public var stderrBytes: Int
  public var pid: Int32

  /// Whether the child exited with status 0 on its own.
  public var succeeded: Bool { exitCode == 0 && !timedOut && !cancelled }
}
