import Foundation

/// Settings a fleet executor applies to every check of a run.
public struct ExecutionOptions: Sendable {
  /// The repository root; each check's workdir is relative to it.
  public var repositoryRoot: String
  /// `HOME` for checks.
  public var home: String
  /// Names of variables copied from `callerEnvironment` when set; a name ending in `*`
  /// matches every variable with that prefix.
  public var allowedEnvironment: [String]
  public var callerEnvironment: [String: String]
  public var redactor: Redactor
  /// Bytes kept from the start and from the end of each output stream.
  public var headLimit: Int
  public var tailLimit: Int
  /// Seconds between SIGTERM and SIGKILL when a check is stopped.
  public var killGrace: Double
  /// Stored output is written once this many bytes are pending or `flushInterval` seconds
  /// have passed, whichever comes first.
  public var flushBytes: Int
  public var flushInterval: Double
  public var heartbeatInterval: Double
  /// The largest report file kept whole as an artifact; larger ones keep only their digest.
  public var maxArtifactBytes: Int
  /// The largest stdout read as TAP.
  public var maxTAPBytes: Int
  /// The commit the checks run against, recorded on each attempt.
  public var commit: String?

  public init(repositoryRoot: String,
              home: String = NSTemporaryDirectory(),
              allowedEnvironment: [String] = [],
              callerEnvironment: [String: String] = ProcessInfo.processInfo.environment,
              redactor: Redactor = Redactor(),
              headLimit: Int = 256 * 1024, tailLimit: Int = 256 * 1024,
              killGrace: Double = 5, flushBytes: Int = 64 * 1024, flushInterval: Double = 0.2,
              heartbeatInterval: Double = 2, maxArtifactBytes: Int = 4 * 1024 * 1024,
              maxTAPBytes: Int = 16 * 1024 * 1024, commit: String? = nil) {
    self.repositoryRoot = repositoryRoot
    self.home = home
    self.allowedEnvironment = allowedEnvironment
    self.callerEnvironment = callerEnvironment
    self.redactor = redactor
    self.headLimit = headLimit
    self.tailLimit = tailLimit
    self.killGrace = killGrace
    self.flushBytes = flushBytes
    self.flushInterval = flushInterval
    self.heartbeatInterval = heartbeatInterval
    self.maxArtifactBytes = maxArtifactBytes
    self.maxTAPBytes = maxTAPBytes
    self.commit = commit
  }
}
