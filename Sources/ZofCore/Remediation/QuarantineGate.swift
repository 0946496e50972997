import Foundation

/// Settles a finished run's status with the quarantines in force: a quarantined check that
/// failed, timed out or flaked is marked `quarantined` on the run and does not fail it.
public struct QuarantineGate: Sendable {
  public let database: Database

  public init(database: Database) {
    self.database = database
  }

  /// The statuses a quarantine keeps from failing a run.
  static let excused: Set<RunCheckStatus> = [.failed, .timedOut, .flaky]

  /// Marks the quarantined checks of run `runID`, stores the run's status after excusing
  /// them, and returns that status.
  @discardableResult
  public func settle(runID: Int64, status: RunStatus, now: Date) throws -> RunStatus {
    let runs = RunStore(database: database)
    let quarantined = Set(try Quarantines(database: database).active(now: now).map(\.checkRef))
    let checks = try runs.runChecks(runID)
    let marked = checks.filter {
      quarantined.contains($0.checkRef) && Self.excused.contains($0.status)
    }
    guard !marked.isEmpty else { return status }
    return try database.transaction {
      for check in marked {
        try database.run("""
          UPDATE run_checks SET quarantined = 1 WHERE run_id = ? AND check_ref = ?
          """, [runID, check.checkRef])
      }
      let settled = Self.status(status, checks: checks,
                                excused: Set(marked.map(\.checkRef)))
      if settled != status { try runs.setRunStatus(runID, settled) }
      return settled
    }
  }

  /// The references of the checks of run `runID` that a quarantine excused.
  public func quarantinedChecks(runID: Int64) throws -> Set<String> {
    Set(try database.query("""
      SELECT check_ref FROM run_checks WHERE run_id = ? AND quarantined = 1
      """, [runID]) { $0.text(0) })
  }

  /// The run status once excused checks no longer count as failures. Only a failed run
  /// changes: errors and interruptions keep their status.
  static func status(_ status: RunStatus, checks: [RunCheckRecord],
                     excused: Set<String>) -> RunStatus {
    guard status == .failed else { return status }
    let gating = checks.filter { !excused.contains($0.checkRef) }.map(\.status)
    if gating.contains(where: { $0 == .failed || $0 == .timedOut }) { return .failed }
    if gating.contains(.errored) { return .errored }
    if gating.contains(where: { $0 == .interrupted || $0 == .queued || $0 == .running }) {
      return .interrupted
    }
    return .passed
  }
}
