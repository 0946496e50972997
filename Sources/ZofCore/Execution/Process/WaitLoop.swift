import CPosix
import Foundation
import Glibc

/// The state of one child between spawn and reaping: reading its pipes, watching the
/// timeout and cancellation, and stopping and reaping its process group.
struct WaitLoop {
  let runner: ProcessRunner
  let pid: Int32
  let pipes: PipeSet
  let start: Date

  var exitCode: Int32?
  var signal: Int32?
  var timedOut = false
  var cancelled = false
  var byteCounts = [0, 0]

  private var open = [true, true]
  private var exited = false
  private var killAt: Date?
  private var killed = false
  private var drainDeadline: Date?
  /// A descriptor that becomes readable when the child exits, or -1 where the kernel lacks
  /// `pidfd_open`; then exit is noticed by polling with `idleWait`.
  private var exitDescriptor: Int32 = -1
  /// Poll wait while both pipes are closed but the child has not exited yet, doubled up to
  /// the tick interval so a child that closes its output just before exiting is seen fast.
  private var idleWait = 0.001

  init(runner: ProcessRunner, pid: Int32, pipes: PipeSet, start: Date) {
    self.runner = runner
    self.pid = pid
    self.pipes = pipes
    self.start = start
    self.exitDescriptor = pidfd_open(pid, 0)
  }

  mutating func run(tickInterval: Double, tick: () -> Void,
                    output: (OutputStream, UnsafeRawBufferPointer) -> Void) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    defer {
      buffer.deallocate()
      if exitDescriptor >= 0 { SystemCall.close(exitDescriptor) }
    }
    let deadline = runner.timeout.map { start.addingTimeInterval($0) }
    var lastTick = Date()
    while true {
      if !exited { try reapIfExited() }
      if exited && !open[0] && !open[1] { return }
      let now = Date()
      // NOTE: output still held open by a process outside the group ends the read here.
      if let drainDeadline, now >= drainDeadline { return }
      if !exited { escalate(now: now, deadline: deadline) }
      let wait = pollWait(now: now, deadline: deadline, tickInterval: tickInterval)
      try pollAndRead(wait: wait, buffer: buffer, output: output)
      if Date().timeIntervalSince(lastTick) >= tickInterval {
        tick()
        lastTick = Date()
      }
    }
  }

  /// Sends SIGTERM to the group on timeout or cancellation, then SIGKILL after the grace.
  mutating func stop(cancelled: Bool) {
    guard killAt == nil else { return }
    if cancelled { self.cancelled = true } else { timedOut = true }
    _ = kill(-pid, SIGTERM)
    killAt = Date().addingTimeInterval(runner.killGrace)
  }

  private mutating func escalate(now: Date, deadline: Date?) {
    if killAt == nil {
      if runner.takeCancelRequest() {
        stop(cancelled: true)
      } else if let deadline, now >= deadline {
        stop(cancelled: false)
      }
    }
    if let killAt, !killed, now >= killAt {
      _ = kill(-pid, SIGKILL)
      killed = true
    }
  }

  private mutating func pollWait(now: Date, deadline: Date?, tickInterval: Double) -> Double {
    var wait = exitDescriptor >= 0 ? tickInterval : min(tickInterval, 0.05)
    if exitDescriptor < 0 && !open[0] && !open[1] {
      wait = min(idleWait, tickInterval)
      idleWait *= 2
    }
    for moment in [killAt == nil ? deadline : nil, killed ? nil : killAt, drainDeadline] {
      if let moment { wait = min(wait, max(0, moment.timeIntervalSince(now))) }
    }
    return wait
  }

  private mutating func pollAndRead(
    wait: Double, buffer: UnsafeMutableRawBufferPointer,
    output: (OutputStream, UnsafeRawBufferPointer) -> Void
  ) throws {
    var descriptors = [
      pollfd(fd: open[0] ? pipes.stdout.read : -1, events: Int16(POLLIN), revents: 0),
      pollfd(fd: open[1] ? pipes.stderr.read : -1, events: Int16(POLLIN), revents: 0),
      pollfd(fd: pipes.wake.read, events: Int16(POLLIN), revents: 0),
      pollfd(fd: exited ? -1 : exitDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    let milliseconds = Int32((wait * 1000).rounded(.up))
    let ready = try SystemCall.retrying("poll") {
      poll(&descriptors, nfds_t(descriptors.count), milliseconds)
    }
    guard ready > 0 else { return }
    if descriptors[2].revents != 0 { drainWakePipe(buffer) }
    for index in 0..<2 where open[index] && descriptors[index].revents != 0 {
      try readOnce(index: index, buffer: buffer, output: output)
    }
  }

  private mutating func readOnce(
    index: Int, buffer: UnsafeMutableRawBufferPointer,
    output: (OutputStream, UnsafeRawBufferPointer) -> Void
  ) throws {
    let descriptor = index == 0 ? pipes.stdout.read : pipes.stderr.read
    let count = read(descriptor, buffer.baseAddress, buffer.count)
    if count > 0 {
      byteCounts[index] += count
      output(index == 0 ? .stdout : .stderr, UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    } else if count == 0 {
      open[index] = false
    } else if errno != EINTR && errno != EAGAIN {
      throw SystemCallError("read", code: errno)
    }
  }

  private func drainWakePipe(_ buffer: UnsafeMutableRawBufferPointer) {
    while read(pipes.wake.read, buffer.baseAddress, buffer.count) > 0 {}
  }

  /// Reaps the child once it has exited, after killing what is left of its group.
  ///
  /// `waitid` with WNOWAIT leaves the child a zombie, so its pid, which is the group id,
  /// cannot be reused by an unrelated process before the group is killed.
  ///
  /// NOTE: a member stuck in uninterruptible sleep can outlive the wait of `drainLimit`.
  private mutating func reapIfExited() throws {
    var info = siginfo_t()
    try SystemCall.retrying("waitid") {
      waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
    }
    guard info._sifields._sigchld.si_pid == pid else { return }
    _ = kill(-pid, SIGKILL)
    var status: Int32 = 0
    try SystemCall.retrying("waitpid") { waitpid(pid, &status, 0) }
    // Once reaped, the leader no longer counts as a member. Its pid stays reserved while
    // other members keep the group alive, so the group id cannot be reused meanwhile.
    ProcessGroup.waitUntilGone(pid, limit: runner.drainLimit)
    let low = status & 0x7f
    if low == 0 {
      exitCode = (status >> 8) & 0xff
    } else {
      signal = low
    }
    exited = true
    drainDeadline = Date().addingTimeInterval(runner.drainLimit)
  }
}
