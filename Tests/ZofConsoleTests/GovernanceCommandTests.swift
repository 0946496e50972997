import Foundation
import Testing
import ZofCore

/// Policy, approvals and audit commands on the demo workspace, whose policy lets one person
/// play every role with --as.
@Suite(.serialized)
struct GovernanceCommandTests {
  let folder = ScratchFolder("zof-governance")
  var demo: String { folder.path + "/demo" }

  init() throws {
    let result = try BinaryRunner.run(["demo", "demo"], in: folder.path)
    #expect(result.status == 0, "zof demo failed: \(result.errors)")
  }

  /// Queues a remediation request proposed by dave for a change alice wrote.
  func queueRequest() throws -> String {
    let session = try WorkspaceSession(workspace: try Workspace.load(root: demo),
                                       realActor: .user("dave"))
    let draft = ApprovalDraft(
      kind: .remediation, subject: "proposal:1", proposer: .user("dave"),
      changeAuthors: [.user("alice")], affected: [EntityRef(kind: "component", name: "refunds")],
      owners: [EntityRef(kind: "group", name: "payments-team")], environment: "staging",
      evidence: ["diffStat": .string("libs/serde/serde.py | 3 ++-")])
    return try session.approvals.create(draft, requester: session.identity).id
  }

  func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test func changeAuthorIsRefusedAndReviewerApproves() throws {
    let id = try queueRequest()
    let listing = try BinaryRunner.run(["--as", "alice", "approvals", "--json"], in: demo)
    let rows = try #require(try json(listing.output) as? [[String: Any]])
    #expect(rows.first?["mayApprove"] as? Bool == false)
    let refused = try BinaryRunner.run(["approve", id, "--as", "alice"], in: demo)
    #expect(refused.status == 1)
    #expect(refused.errors.contains("refused: approve \(id)"))
    #expect(refused.errors.contains("is an author of the change"))
    let approved = try BinaryRunner.run(["--as", "bob", "approve", id, "--comment", "ok"],
                                        in: demo)
    #expect(approved.status == 0, "\(approved.errors)")
    #expect(approved.output.contains("is now approved"))
    let again = try BinaryRunner.run(["--as", "bob", "approve", id], in: demo)
    #expect(again.status == 1)

    let audit = try BinaryRunner.run(["audit", "--action", "remediation.approve", "--json"],
                                     in: demo)
    let page = try #require(try json(audit.output) as? [String: Any])
    let events = try #require(page["events"] as? [[String: Any]])
    #expect(events.map { $0["decision"] as? String } == ["denied", "allowed", "denied"])
    #expect(events.map { $0["assumedActor"] as? String } == [
      "user:default/bob", "user:default/bob", "user:default/alice",
    ])
  }

  @Test func rejectNeedsComment() throws {
    let id = try queueRequest()
    let bare = try BinaryRunner.run(["--as", "bob", "reject", id], in: demo)
    #expect(bare.status == 2)
    let rejected = try BinaryRunner.run(["--as", "bob", "reject", id, "--comment", "no"],
                                        in: demo)
    #expect(rejected.status == 0)
    let late = try BinaryRunner.run(["--as", "carol", "approve", id], in: demo)
    #expect(late.status == 1)
    // The trail shows which way each vote went, whatever action decided it.
    let trail = try BinaryRunner.run(["audit", "--subject", id], in: demo)
    #expect(trail.output.contains("(reject vote)  \(id)"), "\(trail.output)")
    #expect(trail.output.contains("(approve vote)  \(id)"), "\(trail.output)")
  }

  @Test func verifyDetectsAnEditedEvent() throws {
    _ = try queueRequest()
    let intact = try BinaryRunner.run(["audit", "verify"], in: demo)
    #expect(intact.status == 0)
    let head = try #require(intact.output.split(separator: "\n")
      .first { $0.hasPrefix("head: ") }?.dropFirst(6))
    let database = try Database(path: demo + "/.zof/zof.db")
    try database.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    let triggers = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"
    ) { $0.text(0) }
    for trigger in triggers { try database.execute("DROP TRIGGER \"\(trigger)\"") }
    try database.run("UPDATE audit_events SET subject = 'forged' WHERE seq = 1")
    let broken = try BinaryRunner.run(["audit", "verify", "--expect-head", String(head)],
                                      in: demo)
    #expect(broken.status == 1)
    #expect(broken.output.contains("BROKEN: edited at seq 1"))
  }

  @Test func expectedHeadCatchesTruncation() throws {
    _ = try queueRequest()
    let intact = try BinaryRunner.run(["audit", "verify", "--json"], in: demo)
    let report = try #require(try json(intact.output) as? [String: Any])
    let head = try #require((report["head"] as? String)?.split(separator: ":").last)
    let same = try BinaryRunner.run(["audit", "verify", "--expect-head", String(head)], in: demo)
    #expect(same.status == 0)
    let database = try Database(path: demo + "/.zof/zof.db")
    let triggers = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"
    ) { $0.text(0) }
    for trigger in triggers { try database.execute("DROP TRIGGER \"\(trigger)\"") }
    try database.run("DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)")
    let plain = try BinaryRunner.run(["audit", "verify"], in: demo)
    #expect(plain.status == 0)
    let truncated = try BinaryRunner.run(["audit", "verify", "--expect-head", String(head)],
                                         in: demo)
    #expect(truncated.status == 1)
    #expect(truncated.output.contains("truncated"))
  }

  @Test func explainSaysWhy() throws {
    let result = try BinaryRunner.run(["policy", "explain", "run.start", "--env", "production",
                                       "--as", "bob"], in: demo)
    #expect(result.status == 0)
    #expect(result.output.contains("run.start by user:default/bob in production: denied"))
    let check = try BinaryRunner.run(["policy", "check", "--json"], in: demo)
    let report = try #require(try json(check.output) as? [String: Any])
    #expect((report["problems"] as? [String])?.isEmpty == true)
    #expect((report["users"] as? [Any])?.count == 4)
  }

  @Test func impersonationNeedsPolicy() throws {
    folder.write("plain/zof.yaml", "catalog: []\n")
    let result = try BinaryRunner.run(["--as", "bob", "runs"], in: folder.path + "/plain")
    #expect(result.status == 2)
    #expect(result.errors.contains("--as bob is not allowed"))
  }

  @Test func exportWritesEveryEvent() throws {
    _ = try queueRequest()
    let export = try BinaryRunner.run(["audit", "export", "--jsonl"], in: demo)
    let lines = export.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("\"hash\"") })
    #expect(lines.allSatisfy { $0.contains("\"prev_hash\"") })
    #expect(lines.first?.contains("catalog.import") == true)
  }
}
