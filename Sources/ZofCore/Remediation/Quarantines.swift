import Foundation

/// Approved quarantines of flaky checks, and the lookup runs and readiness use.
///
/// A quarantined check still runs and its result is still shown, but while the quarantine
/// is active its failures do not fail a run.
public struct Quarantines: Sendable {
  public let database: Database

  public init(database: Database) {
    self.database = database
  }

  /// Returns the quarantines in force at `now`, by check reference.
  public func active(now: Date = Date()) throws -> [Quarantine] {
    try all().filter { $0.isActive(at: now) }
  }

  /// Returns whether `checkRef` (such as `check:default/notifications-delivery`) is
  /// quarantined at `now`.
  public func isQuarantined(checkRef: String, now: Date = Date()) throws -> Bool {
    try active(now: now).contains { $0.checkRef == checkRef }
  }

  /// Returns every quarantine ever recorded, newest first.
  public func all() throws -> [Quarantine] {
    try database.query("""
      SELECT id, check_ref, proposal_id, approval_request_id, started_at, expires_at,
        lifted_at, lifted_by FROM quarantines ORDER BY id DESC
      """) { row in
      Quarantine(id: row.int64(0), checkRef: row.text(1), proposalID: row.int64(2),
                 approvalRequestID: row.optionalText(3), startedAt: row.text(4),
                 expiresAt: row.text(5), liftedAt: row.optionalText(6),
                 liftedBy: row.optionalText(7))
    }
  }

  /// Starts a quarantine of `checkRef` from `now` for `duration` seconds.
  @discardableResult
  public func start(checkRef: String, proposalID: Int64, requestID: String?, now: Date,
                    duration: Double) throws -> Quarantine {
    try database.run("""
      INSERT INTO quarantines (check_ref, proposal_id, approval_request_id, started_at,
        expires_at)
      VALUES (?, ?, ?, ?, ?)
      """, [checkRef, proposalID, requestID, Timestamp.iso8601(now),
            Timestamp.iso8601(now + duration)])
    let id = database.lastInsertRowID
    return try all().first { $0.id == id }!
  }

  /// Lifts every active quarantine of `checkRef`; returns how many were lifted.
  @discardableResult
  public func lift(checkRef: String, by actor: String, now: Date = Date()) throws -> Int {
    let ids = try active(now: now).filter { $0.checkRef == checkRef }.map(\.id)
    for id in ids {
      try database.run("UPDATE quarantines SET lifted_at = ?, lifted_by = ? WHERE id = ?",
                       [Timestamp.iso8601(now), actor, id])
    }
    return ids.count
  }
}
