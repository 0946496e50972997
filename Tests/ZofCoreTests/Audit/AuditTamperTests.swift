import Testing
@testable import ZofCore

/// Each case drops the append-only triggers, as someone with write access to the file
/// could, changes the rows, and checks that `verify` names what happened and where.
struct AuditTamperTests {
  static let eventCount = 10

  // Stored properties keep the folder alive for the whole test, because verification with
  // several workers opens its own connections to the file.
  let store: TemporaryStore
  let log: AuditLog

  init() throws {
    (store, log) = try Self.makeLog()
  }

  /// Creates a log of ten events and removes its triggers.
  static func makeLog() throws -> (TemporaryStore, AuditLog) {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    let entries = (1...eventCount).map { index in
      AuditEntry(actor: "user:default/user\(index)", action: "run.start",
                 subject: "run-\(index)", decision: .allowed,
                 details: ["index": .integer(Int64(index))])
    }
    try log.append(contentsOf: entries)
    try store.database.execute("""
      DROP TRIGGER audit_events_reject_update;
      DROP TRIGGER audit_events_reject_delete;
      """)
    #expect(try log.verify().isIntact)
    return (store, log)
  }

  static func event(_ log: AuditLog, _ seq: Int64) throws -> AuditEvent {
    let page = try log.events(AuditQuery(before: seq + 1, limit: 1))
    return try #require(page.events.first)
  }

  /// Inserts `event` as a row, computing its hash as a forger would.
  static func forge(_ log: AuditLog, _ event: AuditEvent) throws {
    var forged = event
    forged.hash = log.recomputedHash(of: forged)
    try log.database.run(
      "INSERT INTO audit_events (\(AuditEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [forged.seq, forged.time, forged.actor, forged.assumedActor, forged.action,
       forged.subject, forged.decision.rawValue, forged.details, forged.prevHash, forged.hash])
  }

  /// Checks the verdict with one worker and with ranges split among three workers.
  static func expectTamper(_ log: AuditLog, _ kind: AuditTamper.Kind, at seq: Int64,
                           expectHead: AuditHead? = nil) throws {
    for workers in [1, 3] {
      let result = try log.verify(expectHead: expectHead, workers: workers)
      let tamper = try #require(result.tamper, "workers: \(workers)")
      #expect(tamper.kind == kind, "workers: \(workers), \(tamper)")
      #expect(tamper.seq == seq, "workers: \(workers), \(tamper)")
    }
  }

  @Test func editedField() throws {
    try store.database.run("UPDATE audit_events SET actor = 'user:default/mallory' WHERE seq = 5")
    try Self.expectTamper(log, .edited, at: 5)
  }

  @Test func editedDetails() throws {
    try store.database.run("UPDATE audit_events SET decision = 'denied' WHERE seq = 1")
    try Self.expectTamper(log, .edited, at: 1)
  }

  @Test func editedAndRehashed() throws {
    var event = try Self.event(log, 5)
    event.subject = "run-forged"
    let hash = log.recomputedHash(of: event)
    try store.database.run("UPDATE audit_events SET subject = ?, hash = ? WHERE seq = 5",
                           [event.subject, hash])
    try Self.expectTamper(log, .edited, at: 5)
  }

  @Test func deletedRow() throws {
    try store.database.run("DELETE FROM audit_events WHERE seq = 5")
    try Self.expectTamper(log, .deleted, at: 5)
  }

  @Test func deletedFirstRows() throws {
    try store.database.run("DELETE FROM audit_events WHERE seq <= 2")
    try Self.expectTamper(log, .deleted, at: 1)
  }

  @Test func insertedRow() throws {
    let before = try Self.event(log, 4)
    // Make room at seq 5 by moving rows 5...10 up by one, in two steps to keep seq unique.
    try store.database.execute("""
      UPDATE audit_events SET seq = -seq WHERE seq >= 5;
      UPDATE audit_events SET seq = 1 - seq WHERE seq < 0;
      """)
    var forged = before
    forged.seq = 5
    forged.actor = "user:default/mallory"
    forged.prevHash = before.hash
    try Self.forge(log, forged)
    try Self.expectTamper(log, .inserted, at: 5)
  }

  @Test func insertedForkAtEnd() throws {
    var forged = try Self.event(log, 3)
    forged.seq = Int64(Self.eventCount + 1)
    forged.prevHash = try Self.event(log, 3).hash
    try Self.forge(log, forged)
    try Self.expectTamper(log, .inserted, at: Int64(Self.eventCount + 1))
  }

  @Test func swappedAdjacentRows() throws {
    try store.database.execute("""
      UPDATE audit_events SET seq = -1 WHERE seq = 5;
      UPDATE audit_events SET seq = 5 WHERE seq = 6;
      UPDATE audit_events SET seq = 6 WHERE seq = -1;
      """)
    try Self.expectTamper(log, .reordered, at: 5)
  }

  @Test func swappedDistantRows() throws {
    try store.database.execute("""
      UPDATE audit_events SET seq = -1 WHERE seq = 3;
      UPDATE audit_events SET seq = 3 WHERE seq = 7;
      UPDATE audit_events SET seq = 7 WHERE seq = -1;
      """)
    try Self.expectTamper(log, .reordered, at: 3)
  }

  @Test func truncatedTail() throws {
    let saved = try log.head()
    try store.database.run("DELETE FROM audit_events WHERE seq > 7")
    let plain = try log.verify()
    #expect(plain.isIntact)
    #expect(plain.count == 7)
    try Self.expectTamper(log, .truncated, at: 8, expectHead: saved)
  }

  @Test func truncatedAndRewrittenTail() throws {
    let saved = try log.head()
    try store.database.run("DELETE FROM audit_events WHERE seq > 7")
    try log.append(contentsOf: (1...5).map {
      AuditEntry(actor: "user:default/mallory", action: "view", subject: "x\($0)",
                 decision: .allowed)
    })
    #expect(try log.verify().isIntact)
    try Self.expectTamper(log, .truncated, at: saved.seq, expectHead: saved)
  }

  @Test func grownChainStillContainsHead() throws {
    let saved = try log.head()
    try log.append(AuditEntry(actor: "user:default/alice", action: "view", subject: "x",
                              decision: .allowed))
    let result = try log.verify(expectHead: saved)
    #expect(result.isIntact)
    #expect(result.count == Int64(Self.eventCount + 1))
  }

  @Test func countAndHeadReportedAfterTamper() throws {
    let head = try log.head()
    try store.database.run("UPDATE audit_events SET action = 'view' WHERE seq = 2")
    for workers in [1, 3] {
      let result = try log.verify(workers: workers)
      #expect(result.count == Int64(Self.eventCount))
      #expect(result.head == head)
    }
  }

  // MARK: - Extending a verification over appended events

  static func appendViews(_ log: AuditLog, _ count: Int) throws {
    try log.append(contentsOf: (1...count).map {
      AuditEntry(actor: "user:default/alice", action: "view", subject: "y\($0)",
                 decision: .allowed)
    })
  }

  @Test func appendedEventsExtendTheVerification() throws {
    let earlier = try log.verify()
    try Self.appendViews(log, 3)
    let extended = try log.verifyAppended(since: earlier)
    #expect(extended.isIntact)
    #expect(extended.count == Int64(Self.eventCount + 3))
    #expect(extended.head == (try log.head()))
    #expect(try log.verifyAppended(since: extended) == extended)
  }

  /// New events appended after the tail was cut and rewritten link to the rewritten tail,
  /// not to the head verified before, so the extension fails although a fresh full
  /// verification without an expected head would pass.
  @Test func appendedAfterRewrittenTailIsCaught() throws {
    let earlier = try log.verify()
    try store.database.run("DELETE FROM audit_events WHERE seq > 7")
    try Self.appendViews(log, 5)
    #expect(try log.verify().isIntact)
    let extended = try log.verifyAppended(since: earlier)
    #expect(extended.tamper != nil)
  }

  @Test func removedTailSinceVerificationIsCaught() throws {
    let earlier = try log.verify()
    try store.database.run("DELETE FROM audit_events WHERE seq > 7")
    let extended = try log.verifyAppended(since: earlier)
    #expect(extended.tamper?.kind == .truncated)
    #expect(extended.tamper?.seq == 8)
  }

  @Test func rewrittenHeadSinceVerificationIsCaught() throws {
    let earlier = try log.verify()
    var last = try Self.event(log, Int64(Self.eventCount))
    try store.database.run("DELETE FROM audit_events WHERE seq = ?", [last.seq])
    last.subject = "run-rewritten"
    try Self.forge(log, last)
    let extended = try log.verifyAppended(since: earlier)
    #expect(extended.tamper?.kind == .truncated)
    #expect(extended.tamper?.seq == last.seq)
  }
}
