import Foundation

/// The checks one fleet still has to run, taken by its workers in plan order.
final class CheckQueue: @unchecked Sendable {
  // Sendable because `nextIndex` is only touched under `lock`.
  private let lock = NSLock()
  private let checks: [PlannedCheck]
  private var nextIndex = 0

  init(_ checks: [PlannedCheck]) {
    self.checks = checks
  }

  var count: Int { checks.count }

  /// Takes the next check, or nil when none are left.
  func next() -> PlannedCheck? {
    lock.lock()
    defer { lock.unlock() }
    guard nextIndex < checks.count else { return nil }
    nextIndex += 1
    return checks[nextIndex - 1]
  }
}

/// Final statuses of checks and attempt counts, collected from all workers of a run.
final class Outcomes: @unchecked Sendable {
  // Sendable because both dictionaries are only touched under `lock`.
  private let lock = NSLock()
  private var statuses: [RunCheckStatus] = []
  private var attemptCounts: [String: Int] = [:]

  func record(_ status: RunCheckStatus) {
    lock.lock()
    defer { lock.unlock() }
    statuses.append(status)
  }

  func addAttempt(_ checkRef: String) {
    lock.lock()
    defer { lock.unlock() }
    attemptCounts[checkRef, default: 0] += 1
  }

  func attempts(of checkRef: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return attemptCounts[checkRef] ?? 0
  }

  /// Returns the run's status: failed when any check failed or timed out, else errored when
  /// any errored, else interrupted when any was interrupted or missing, else passed. A
  /// flaky check counts as passed.
  func runStatus(expected: Int) -> RunStatus {
    lock.lock()
    defer { lock.unlock() }
    if statuses.contains(where: { $0 == .failed || $0 == .timedOut }) { return .failed }
    if statuses.contains(.errored) { return .errored }
    if statuses.contains(.interrupted) || statuses.count < expected { return .interrupted }
    return .passed
  }
}

/// A thread that updates a run's heartbeat every `interval` seconds until stopped.
final class Heartbeat: @unchecked Sendable {
  // Sendable because `stopped` is guarded by `condition`.
  private let store: RunStore
  private let runID: Int64
  private let interval: Double
  private let logger: Logger
  private let condition = NSCondition()
  private var stopped = false
  private var finished = false

  init(store: RunStore, runID: Int64, interval: Double, logger: Logger) {
    self.store = store
    self.runID = runID
    self.interval = interval
    self.logger = logger
  }

  func start() {
    let thread = Thread { [self] in self.beat() }
    thread.name = "zof-heartbeat"
    thread.start()
  }

  /// Stops the thread and waits for it to end.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }

  private func beat() {
    condition.lock()
    defer {
      finished = true
      condition.broadcast()
      condition.unlock()
    }
    while !stopped {
      _ = condition.wait(until: Date().addingTimeInterval(interval))
      if stopped { break }
      do {
        try store.heartbeat(runID)
      } catch {
        logger.warning("run.heartbeat", [("run", runID), ("error", error)])
      }
    }
  }
}
