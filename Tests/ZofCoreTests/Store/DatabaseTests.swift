import Foundation
import Synchronization
import Testing
@testable import ZofCore

struct DatabaseTests {
  let folder = TemporaryFolder("db")

  func open() throws -> Database {
    let database = try Database(path: folder.file("test.db"))
    try database.execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
    return database
  }

  /// Connections opening a new file at the same moment all end up in WAL mode, although
  /// SQLite returns SQLITE_BUSY without waiting to the loser of the journal-mode race.
  @Test func simultaneousOpensAllSucceed() throws {
    let failures = Mutex<[String]>([])
    for round in 0..<20 {
      let path = folder.file("race-\(round).db")
      DispatchQueue.concurrentPerform(iterations: 6) { _ in
        do {
          let database = try Database(path: path)
          let mode = try database.queryFirst("PRAGMA journal_mode") { $0.text(0) }
          if mode != "wal" { failures.withLock { $0.append("mode \(mode ?? "none")") } }
        } catch {
          failures.withLock { $0.append("\(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 } == [])
  }

  @Test func errorCarriesMessageAndStatement() throws {
    let database = try open()
    do {
      try database.run("INSERT INTO missing_table VALUES (?)", [1])
      Issue.record("expected an error")
    } catch let error as DatabaseError {
      #expect(error.message.contains("no such table: missing_table"))
      #expect(error.sql == "INSERT INTO missing_table VALUES (?)")
      #expect(error.function == "sqlite3_prepare_v3")
    }
  }

  @Test func constraintErrorIsRecognized() throws {
    let database = try open()
    try database.run("INSERT INTO items (name) VALUES (?)", ["a"])
    do {
      try database.run("INSERT INTO items (name) VALUES (?)", ["a"])
      Issue.record("expected a constraint error")
    } catch let error as DatabaseError {
      #expect(error.isConstraint)
    }
  }

  @Test func transactionRollsBackOnError() throws {
    let database = try open()
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try database.transaction {
        try database.run("INSERT INTO items (name) VALUES (?)", ["kept?"])
        throw Stop()
      }
    }
    #expect(try database.scalar("SELECT count(*) FROM items") == 0)
  }

  @Test func nestedTransactionRollsBackOnlyItsPart() throws {
    let database = try open()
    struct Stop: Error {}
    try database.transaction {
      try database.run("INSERT INTO items (name) VALUES (?)", ["outer"])
      try? database.transaction {
        try database.run("INSERT INTO items (name) VALUES (?)", ["inner"])
        throw Stop()
      }
    }
    let names = try database.query("SELECT name FROM items ORDER BY id") { $0.text(0) }
    #expect(names == ["outer"])
  }

  @Test func valuesRoundTrip() throws {
    let database = try open()
    try database.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
    let bytes: [UInt8] = [0, 255, 10, 0xc3]
    try database.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                     [Int64.max, 2.5, "héllo", bytes, Optional<String>.none])
    let row = try #require(try database.queryFirst("SELECT i, r, s, b, n FROM t") {
      ($0.int64(0), $0.double(1), $0.text(2), $0.blob(3), $0.optionalText(4))
    })
    #expect(row.0 == Int64.max)
    #expect(row.1 == 2.5)
    #expect(row.2 == "héllo")
    #expect(row.3 == bytes)
    #expect(row.4 == nil)
  }

  @Test func dataVersionChangesOnOtherConnectionsCommit() throws {
    let reader = try open()
    let writer = try Database(path: folder.file("test.db"))
    let before = try reader.dataVersion()
    try writer.run("INSERT INTO items (name) VALUES (?)", ["x"])
    #expect(try reader.dataVersion() != before)
  }

  @Test func newerSchemaIsRejected() throws {
    let database = try open()
    try database.execute("PRAGMA user_version = 999")
    #expect(throws: InputError.self) { try Migrator.migrate(database, Schema.migrations) }
  }
}
