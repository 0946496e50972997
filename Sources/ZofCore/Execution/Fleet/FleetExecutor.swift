import Foundation

/// Runs the checks of a run on fleets of workers and records everything in a `RunStore`.
///
/// Each fleet is a pool of `concurrency` worker threads, named `fleet:NAME/worker-N`, that
/// take the fleet's checks in plan order. A failed attempt is retried up to the check's
/// `retries`; a check that fails and then passes is flaky. While the run lasts, a heartbeat
/// thread updates the run so a later process can tell a live run from an abandoned one.
public final class FleetExecutor: @unchecked Sendable {
  // Sendable because the mutable state (the cancel flag and the active runners) is only
  // touched under `lock`; the store serializes its own access.
  public let store: RunStore
  public let options: ExecutionOptions
  let logger: Logger

  private let lock = NSLock()
  private var cancelled = false
  /// The runner of each busy worker, by worker identity.
  private var activeRunners: [String: ProcessRunner] = [:]

  public init(store: RunStore, options: ExecutionOptions, logger: Logger = .disabled) {
    self.store = store
    self.options = options
    self.logger = logger
  }

  /// Runs `checks` for the run `runID` and returns the run's final status.
  ///
  /// Blocks until every check has finished. `events` is called from worker threads.
  @discardableResult
  public func run(runID: Int64, checks: [PlannedCheck],
                  events: @escaping @Sendable (ExecutionEvent) -> Void = { _ in })
    throws -> RunStatus {
    try store.setRunStatus(runID, .running)
    logger.info("run.start", [("run", runID), ("checks", checks.count)])
    let heartbeat = Heartbeat(store: store, runID: runID, interval: options.heartbeatInterval,
                              logger: logger)
    heartbeat.start()
    let outcomes = Outcomes()
    let group = DispatchGroup()
    for (fleet, queue) in Self.queues(checks) {
      for number in 1...min(fleet.concurrency, queue.count) {
        let worker = "fleet:\(fleet.name)/worker-\(number)"
        group.enter()
        let thread = Thread { [self] in
          defer { group.leave() }
          self.work(worker: worker, queue: queue, runID: runID, outcomes: outcomes,
                    events: events)
        }
        thread.name = worker
        thread.start()
      }
    }
    group.wait()
    heartbeat.stop()
    let status = isCancelled ? .interrupted : outcomes.runStatus(expected: checks.count)
    try store.setRunStatus(runID, status)
    logger.info("run.finish", [("run", runID), ("status", status.rawValue)])
    return status
  }

  /// Stops the run: running checks get SIGTERM then SIGKILL and queued ones do not start.
  public func cancel() {
    lock.lock()
    cancelled = true
    let runners = Array(activeRunners.values)
    lock.unlock()
    runners.forEach { $0.cancel() }
  }

  var isCancelled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return cancelled
  }

  // MARK: - Workers

  private func work(worker: String, queue: CheckQueue, runID: Int64, outcomes: Outcomes,
                    events: @escaping @Sendable (ExecutionEvent) -> Void) {
    while let check = queue.next() {
      let status: RunCheckStatus
      if isCancelled {
        status = .interrupted
      } else {
        status = runCheck(check, worker: worker, runID: runID, outcomes: outcomes,
                          events: events)
      }
      outcomes.record(status)
      do {
        try store.setCheckStatus(run: runID, check: check.checkRef, status)
      } catch {
        logger.error("check.status", [("run", runID), ("check", check.checkRef),
                                      ("error", error)])
      }
      events(.checkFinished(check: check.checkRef, status: status,
                            attempts: outcomes.attempts(of: check.checkRef)))
    }
  }

  private func runCheck(
    _ check: PlannedCheck, worker: String, runID: Int64, outcomes: Outcomes,
    events: @escaping @Sendable (ExecutionEvent) -> Void
  ) -> RunCheckStatus {
    var last: AttemptStatus = .errored
    for number in 1...(check.spec.retries + 1) {
      outcomes.addAttempt(check.checkRef)
      let attempt = AttemptRunner(store: store, options: options, runID: runID, check: check,
                                  number: number, worker: worker, logger: logger)
      do {
        last = try attempt.run(register: { self.register($0, for: worker) }, events: events)
      } catch {
        logger.error("attempt.store", [("run", runID), ("check", check.checkRef),
                                       ("error", error)])
        last = .errored
      }
      if last == .passed { return number == 1 ? .passed : .flaky }
      if last == .interrupted || isCancelled { return .interrupted }
      if number <= check.spec.retries {
        logger.info("attempt.retry", [("run", runID), ("check", check.checkRef),
                                      ("after", last.rawValue)])
      }
    }
    switch last {
    case .timedOut: return .timedOut
    case .errored: return .errored
    default: return .failed
    }
  }

  private func register(_ runner: ProcessRunner?, for worker: String) {
    lock.lock()
    activeRunners[worker] = runner
    let stop = cancelled
    lock.unlock()
    // A cancel that came between the check of the flag and the registration still applies.
    if stop { runner?.cancel() }
  }

  /// Groups checks by fleet, keeping plan order within each fleet.
  private static func queues(_ checks: [PlannedCheck]) -> [(FleetAssignment, CheckQueue)] {
    var order: [FleetAssignment] = []
    var byFleet: [FleetAssignment: [PlannedCheck]] = [:]
    for check in checks {
      if byFleet[check.fleet] == nil { order.append(check.fleet) }
      byFleet[check.fleet, default: []].append(check)
    }
    return order.map { ($0, CheckQueue(byFleet[$0] ?? [])) }
  }
}
