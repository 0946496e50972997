import Foundation

/// A table of evidence that retention may prune, named by its owner.
public struct RetainedTable: Sendable, Equatable {
  /// The table name.
  public var name: String
  /// A column with the row's UTC ISO 8601 creation time.
  public var timeColumn: String

  public init(name: String, timeColumn: String) {
    self.name = name
    self.timeColumn = timeColumn
  }
}

/// Deletes evidence older than the policy's `retention.evidenceDays`, never the audit
/// trail.
///
/// The evidence tables belong to the capabilities that write them, so they pass their own
/// table list. Each owner keeps what must survive pruning (for example an artifact's
/// SHA-256 in a row that is not pruned) and cascades to its child tables with foreign
/// keys. The tables of the audit chain and of approvals are refused whatever the caller
/// passes, and every run is recorded in the audit log.
public enum EvidenceRetention {
  /// Tables that pruning never touches.
  public static let protectedTables: Set<String> = [
    "audit_events", "approval_requests", "approval_votes",
  ]

  /// Deletes rows older than `evidenceDays` days before `now` from `tables` in one
  /// transaction, records the counts in `audit`, and returns them by table name.
  @discardableResult
  public static func gc(evidenceDays: Int, tables: [RetainedTable], audit: AuditLog,
                        actor: Identity, now: Date = Date()) throws -> [String: Int] {
    guard evidenceDays >= 1 else {
      throw InputError("evidenceDays must be at least 1, got \(evidenceDays)")
    }
    for table in tables {
      try validate(table)
    }
    let cutoff = Timestamp.iso8601(now - Double(evidenceDays) * 86400)
    return try audit.database.transaction {
      var deleted: [String: Int] = [:]
      for table in tables {
        deleted[table.name] = try audit.database.run(
          "DELETE FROM \"\(table.name)\" WHERE \"\(table.timeColumn)\" < ?", [cutoff])
      }
      try audit.append(AuditEntry(
        identity: actor, action: "evidence.gc", subject: "evidence", decision: .recorded,
        details: ["cutoff": .string(cutoff), "evidenceDays": .integer(Int64(evidenceDays)),
                  "deleted": .object(deleted.mapValues { .integer(Int64($0)) })]))
      return deleted
    }
  }

  private static func validate(_ table: RetainedTable) throws {
    guard !protectedTables.contains(table.name.lowercased()) else {
      throw InputError("table \(table.name) is not evidence and is never pruned",
                       hint: "pass only the evidence tables of your capability")
    }
    for identifier in [table.name, table.timeColumn] where !isIdentifier(identifier) {
      throw InputError("invalid SQL identifier \"\(identifier)\" for evidence retention",
                       hint: "use letters, digits and underscores, starting with a letter")
    }
  }

  private static func isIdentifier(_ text: String) -> Bool {
    text.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil
  }
}
