import Foundation
import Testing
@testable import ZofCore

struct AuditLogTests {
  static func entry(_ index: Int, actor: String = "user:default/alice",
                    action: String = "run.start") -> AuditEntry {
    AuditEntry(actor: actor, action: action, subject: "component:default/svc-\(index % 3)",
               decision: .allowed, details: ["index": .integer(Int64(index))])
  }

  @Test func appendBuildsChain() throws {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    let first = try log.append(Self.entry(1))
    let second = try log.append(Self.entry(2))
    #expect(first.seq == 1)
    #expect(first.prevHash == AuditHead.genesisHash)
    #expect(second.seq == 2)
    #expect(second.prevHash == first.hash)
    #expect(log.recomputedHash(of: second) == second.hash)
    #expect(try log.head() == AuditHead(seq: 2, hash: second.hash))
  }

  @Test func hashCoversCanonicalEncoding() throws {
    let store = try TemporaryStore()
    let clock = TestClock()
    let log = AuditLog(database: store.database, clock: { clock.now })
    let event = try log.append(AuditEntry(
      actor: "user:default/bob", assumedActor: "user:default/alice", action: "view",
      subject: "s", decision: .recorded, details: ["b": 1, "a": "x"]))
    let canonical = "{\"action\":\"view\",\"actor\":\"user:default/bob\","
      + "\"assumed_actor\":\"user:default/alice\",\"decision\":\"recorded\","
      + "\"details\":{\"a\":\"x\",\"b\":1},\"seq\":1,\"subject\":\"s\","
      + "\"time\":\"2026-01-01T00:00:00.000Z\"}"
    #expect(event.details == "{\"a\":\"x\",\"b\":1}")
    #expect(event.hash == SHA256.hex(AuditHead.genesisHash + canonical))
  }

  @Test func batchAppendMatchesSingleAppends() throws {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    // Verification with several workers opens more connections to the file.
    defer { withExtendedLifetime(store) {} }
    let head = try log.append(contentsOf: (1...500).map { Self.entry($0) })
    #expect(head.seq == 500)
    #expect(log.lastKnownHead == head)
    for workers in [1, 2, 7] {
      let result = try log.verify(workers: workers)
      #expect(result.isIntact)
      #expect(result.count == 500)
      #expect(result.head == head)
    }
  }

  @Test func emptyLogVerifies() throws {
    let store = try TemporaryStore()
    let result = try AuditLog(database: store.database).verify()
    #expect(result.isIntact)
    #expect(result.count == 0)
    #expect(result.head == .empty)
  }

  @Test func triggersRejectUpdateAndDelete() throws {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    try log.append(Self.entry(1))
    #expect(throws: DatabaseError.self) {
      try store.database.run("UPDATE audit_events SET actor = 'x' WHERE seq = 1")
    }
    #expect(throws: DatabaseError.self) {
      try store.database.run("DELETE FROM audit_events WHERE seq = 1")
    }
    #expect(try log.verify().isIntact)
  }

  @Test func concurrentWritersKeepOneChain() async throws {
    let store = try TemporaryStore()
    let path = store.path
    // Separate connections behave like separate processes: each has its own lock and cache.
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<4 {
        group.addTask {
          guard let database = try? Database(path: path) else { return }
          let log = AuditLog(database: database)
          for batch in 0..<10 {
            let entries = (0..<25).map {
              Self.entry(batch * 25 + $0, actor: "user:default/writer\(writer)")
            }
            _ = try? log.append(contentsOf: entries)
          }
        }
      }
    }
    let result = try AuditLog(database: store.database).verify()
    #expect(result.isIntact)
    #expect(result.count == 1000)
  }

  @Test func queryFiltersAndPagesNewestFirst() throws {
    let store = try TemporaryStore()
    let clock = TestClock()
    let log = AuditLog(database: store.database, clock: { clock.now })
    for index in 1...30 {
      let actor = index % 2 == 0 ? "user:default/alice" : "user:default/bob"
      try log.append(Self.entry(index, actor: actor, action: index % 3 == 0 ? "view" : "run.start"))
      clock.advance(60)
    }
    var query = AuditQuery(actor: "user:default/alice", limit: 4)
    var seen: [Int64] = []
    while true {
      let page = try log.events(query)
      seen += page.events.map(\.seq)
      guard let cursor = page.nextCursor else { break }
      #expect(page.events.count == 4)
      query.before = cursor
    }
    #expect(seen == Array(stride(from: 30, through: 2, by: -2)))

    let views = try log.events(AuditQuery(action: "view", subject: "component:default/svc-0"))
    #expect(views.events.map(\.seq) == [30, 27, 24, 21, 18, 15, 12, 9, 6, 3])
    #expect(views.nextCursor == nil)

    let since = Date(timeIntervalSince1970: 1_767_225_600 + 27 * 60)
    let recent = try log.events(AuditQuery(since: since))
    #expect(recent.events.map(\.seq) == [30, 29, 28])
  }

  @Test func queryMatchesAssumedActor() throws {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    try log.append(AuditEntry(actor: "user:default/bob", assumedActor: "user:default/alice",
                              action: "view", subject: "x", decision: .allowed))
    try log.append(Self.entry(2, actor: "user:default/bob"))
    let page = try log.events(AuditQuery(actor: "user:default/alice"))
    #expect(page.events.map(\.seq) == [1])
  }

  @Test func exportStreamsJSONLines() throws {
    let store = try TemporaryStore()
    let log = AuditLog(database: store.database)
    try log.append(contentsOf: (1...3).map { Self.entry($0) })
    var lines: [String] = []
    let count = try log.export { lines.append($0) }
    #expect(count == 3)
    #expect(lines.count == 3)
    let events = try log.events(AuditQuery()).events.reversed()
    for (line, event) in zip(lines, events) {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["seq"] as? Int == Int(event.seq))
      #expect(object?["hash"] as? String == event.hash)
      #expect(object?["prev_hash"] as? String == event.prevHash)
      #expect(object?["details"] is [String: Any])
    }
    var tail: [String] = []
    try log.export(afterSeq: 2) { tail.append($0) }
    #expect(tail.count == 1)
  }
}
