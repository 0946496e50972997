import Foundation
import CPosix
import Glibc

/// Runs one command as the leader of its own process group and streams its output.
///
/// The child gets stdin from `/dev/null`, stdout and stderr through pipes that are read as
/// data arrives, and only the environment in its `ProcessCommand`. On timeout or
/// cancellation the whole group receives SIGTERM, then SIGKILL after `killGrace` seconds.
/// When the child exits, whatever is left in its group is killed with SIGKILL, so helpers it
/// started do not outlive it.
///
/// NOTE: a descendant that calls `setsid` or `setpgid` leaves the group and is not killed.
///
/// One runner runs one command once; `cancel()` may be called from any thread.
public final class ProcessRunner: @unchecked Sendable {
  // Sendable because the mutable state is the cancellation pipe, whose write end is only
  // written to, and the `cancelled` flag, which is guarded by `lock`.
  public let command: ProcessCommand
  /// Seconds before the group is stopped; nil waits forever.
  public let timeout: Double?
  /// Seconds between SIGTERM and SIGKILL.
  public let killGrace: Double
  /// Seconds to keep reading after the group was killed, for output already in the pipes.
  let drainLimit: Double = 2

  private let lock = NSLock()
  private var cancelRequested = false
  private var wakeWrite: Int32 = -1

  public init(command: ProcessCommand, timeout: Double? = nil, killGrace: Double = 5) {
    self.command = command
    self.timeout = timeout
    self.killGrace = killGrace
  }

  /// Requests that the running child be stopped as on timeout; harmless before or after.
  public func cancel() {
    lock.lock()
    defer { lock.unlock() }
    cancelRequested = true
    if wakeWrite >= 0 {
      var byte: UInt8 = 1
      _ = write(wakeWrite, &byte, 1)
    }
  }

  /// Starts the command and blocks until it has ended and its group is gone.
  ///
  /// - Parameters:
  ///   - started: called once with the child's pid, which is also its process group id.
  ///   - tick: called at least every `tickInterval` seconds while the child runs.
  ///   - output: called on this thread with each chunk read; the buffer is valid only
  ///     during the call.
  public func run(
    tickInterval: Double = 0.2,
    started: (Int32) -> Void = { _ in },
    tick: () -> Void = {},
    output: (OutputStream, UnsafeRawBufferPointer) -> Void
  ) throws -> ProcessResult {
    let pipes = try PipeSet()
    defer { pipes.closeAll() }
    lock.lock()
    wakeWrite = pipes.wake.write
    let cancelledEarly = cancelRequested
    lock.unlock()
    defer {
      lock.lock()
      wakeWrite = -1
      lock.unlock()
    }
    let start = Date()
    let pid = try spawn(pipes: pipes)
    pipes.closeChildEnds()
    started(pid)
    var loop = WaitLoop(runner: self, pid: pid, pipes: pipes, start: start)
    if cancelledEarly { loop.stop(cancelled: true) }
    try loop.run(tickInterval: tickInterval, tick: tick, output: output)
    return ProcessResult(
      exitCode: loop.exitCode, signal: loop.signal, timedOut: loop.timedOut,
      cancelled: loop.cancelled, duration: Date().timeIntervalSince(start),
      stdoutBytes: loop.byteCounts[0], stderrBytes: loop.byteCounts[1], pid: pid)
  }

  func takeCancelRequest() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelRequested
  }

  // MARK: - Spawning

  private func spawn(pipes: PipeSet) throws -> Int32 {
    guard let path = command.resolvedExecutable() else {
      throw SystemCallError("posix_spawn \(command.executable)", code: ENOENT)
    }
    var actions = posix_spawn_file_actions_t()
    try SystemCall.checkReturn("posix_spawn_file_actions_init",
                               posix_spawn_file_actions_init(&actions))
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    try SystemCall.checkReturn("posix_spawnattr_init", posix_spawnattr_init(&attributes))
    defer { posix_spawnattr_destroy(&attributes) }

    try addFileActions(&actions, pipes: pipes)
    try configure(&attributes)

    let argv = [path] + command.arguments
    let envp = command.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    return try withCStrings(argv) { argvPointer in
      try withCStrings(envp) { envPointer in
        var pid: pid_t = 0
        try SystemCall.checkReturn(
          "posix_spawn \(path)",
          posix_spawn(&pid, path, &actions, &attributes, argvPointer, envPointer))
        return pid
      }
    }
  }

  private func addFileActions(_ actions: inout posix_spawn_file_actions_t,
                              pipes: PipeSet) throws {
    try SystemCall.checkReturn(
      "posix_spawn_file_actions_addopen",
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0))
    try SystemCall.checkReturn(
      "posix_spawn_file_actions_adddup2",
      posix_spawn_file_actions_adddup2(&actions, pipes.stdout.write, 1))
    try SystemCall.checkReturn(
      "posix_spawn_file_actions_adddup2",
      posix_spawn_file_actions_adddup2(&actions, pipes.stderr.write, 2))
    // Descriptors zof inherited without close-on-exec (a parent's pipes, for example) must
    // not reach the check: a check holding a caller's pipe would keep that caller waiting.
    try SystemCall.checkReturn(
      "posix_spawn_file_actions_addclosefrom_np",
      posix_spawn_file_actions_addclosefrom_np(&actions, 3))
    try SystemCall.checkReturn(
      "posix_spawn_file_actions_addchdir_np \(command.workingDirectory)",
      posix_spawn_file_actions_addchdir_np(&actions, command.workingDirectory))
  }

  private func configure(_ attributes: inout posix_spawnattr_t) throws {
    // Group id 0 makes the child the leader of a new group whose id is its pid. Signal
    // dispositions and the mask are reset because ignored signals survive exec.
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    var empty = sigset_t()
    sigemptyset(&empty)
    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    try SystemCall.checkReturn("posix_spawnattr_setflags",
                               posix_spawnattr_setflags(&attributes, Int16(flags)))
    try SystemCall.checkReturn("posix_spawnattr_setpgroup",
                               posix_spawnattr_setpgroup(&attributes, 0))
    try SystemCall.checkReturn("posix_spawnattr_setsigdefault",
                               posix_spawnattr_setsigdefault(&attributes, &defaults))
    try SystemCall.checkReturn("posix_spawnattr_setsigmask",
                               posix_spawnattr_setsigmask(&attributes, &empty))
  }
}

/// Calls `body` with a nil-terminated array of C strings copied from `strings`.
func withCStrings<T>(_ strings: [String],
                     _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) throws -> T)
  rethrows -> T {
  var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  pointers.append(nil)
  defer { pointers.forEach { free($0) } }
  return try pointers.withUnsafeBufferPointer { try body($0.baseAddress!) }
}
