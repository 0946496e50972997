import Foundation
import Testing
@testable import ZofCore

struct EvidenceRetentionTests {
  @Test func prunesOldRowsAndRecordsTheRun() throws {
    let store = try TemporaryStore()
    let audit = AuditLog(database: store.database)
    try store.database.execute("CREATE TABLE test_evidence (id INTEGER, created_at TEXT)")
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    for (id, daysAgo) in [(1, 40.0), (2, 31.0), (3, 29.0), (4, 0.0)] {
      try store.database.run("INSERT INTO test_evidence VALUES (?, ?)",
                             [id, Timestamp.iso8601(now - daysAgo * 86400)])
    }
    try audit.append(AuditEntry(actor: "user:default/alice", action: "view", subject: "x",
                                decision: .allowed))
    let deleted = try EvidenceRetention.gc(
      evidenceDays: 30, tables: [RetainedTable(name: "test_evidence", timeColumn: "created_at")],
      audit: audit, actor: Identity(real: .user("alice")), now: now)
    #expect(deleted == ["test_evidence": 2])
    #expect(try store.database.scalar("SELECT count(*) FROM test_evidence") == 2)
    let verification = try audit.verify()
    #expect(verification.isIntact)
    #expect(verification.count == 2)
    #expect(try audit.events(AuditQuery(limit: 1)).events.first?.action == "evidence.gc")
  }

  @Test(arguments: ["audit_events", "AUDIT_EVENTS", "approval_votes", "x; DROP TABLE y"])
  func refusesProtectedOrInvalidTables(name: String) throws {
    let store = try TemporaryStore()
    let audit = AuditLog(database: store.database)
    #expect(throws: InputError.self) {
      try EvidenceRetention.gc(
        evidenceDays: 1, tables: [RetainedTable(name: name, timeColumn: "time")],
        audit: audit, actor: Identity(real: .user("alice")))
    }
    #expect(try audit.verify().count == 0)
  }
}
