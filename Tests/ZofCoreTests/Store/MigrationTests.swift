import Foundation
import Testing
@testable import ZofCore

struct MigrationTests {
  let folder = TemporaryFolder("migrate")

  /// A store made before requests could be withdrawn keeps its requests and votes, with the
  /// foreign key between them, and accepts the new status.
  @Test func withdrawalStatusKeepsRequestsAndVotes() throws {
    let database = try Database(path: folder.file("zof.db"))
    try Migrator.migrate(database, Schema.migrations.filter { $0.version <= 5 })
    try database.run("""
      INSERT INTO approval_requests VALUES ('apr-1', 'remediation', 'proposal:1', 'user:a',
        'remediator:fix', '[]', '[]', '[]', NULL, '{}', 't0', 't1', 'pending', NULL)
      """)
    try database.run("""
      INSERT INTO approval_votes VALUES ('apr-1', 'user:default/bob', 'user:default/bob',
        'approve', 't0', 'fine', 7)
      """)
    #expect(throws: DatabaseError.self) {
      try database.run("UPDATE approval_requests SET status = 'withdrawn'")
    }

    try Migrator.migrate(database, Schema.migrations)

    #expect(try database.userVersion() == 6)
    #expect(try database.queryFirst("SELECT subject FROM approval_requests") { $0.text(0) }
              == "proposal:1")
    #expect(try database.queryFirst("SELECT comment, audit_seq FROM approval_votes") {
      "\($0.text(0)) \($0.int64(1))"
    } == "fine 7")
    try database.run("UPDATE approval_requests SET status = 'withdrawn'")
    let violations = try database.query("PRAGMA foreign_key_check") { $0.text(0) }
    #expect(violations.isEmpty)
    // The rebuilt votes table still refuses a vote on a request that does not exist.
    #expect(throws: DatabaseError.self) {
      try database.run("""
        INSERT INTO approval_votes VALUES ('apr-none', 'user:x', 'user:x', 'approve', 't0',
          NULL, 8)
        """)
    }
    let indexes = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'approval_requests'"
    ) { $0.text(0) }
    #expect(indexes.contains("approval_requests_by_status"))
  }
}
