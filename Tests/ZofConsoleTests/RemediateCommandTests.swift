import Foundation
import Testing

/// `zof remediate` and `zof proposals` on the demo workspace.
@Suite(.serialized)
struct RemediateCommandTests {
  let folder = ScratchFolder("zof-remediate")
  var demo: String { folder.path + "/demo" }

  init() throws {
    let result = try BinaryRunner.run(["demo", "demo"], in: folder.path)
    #expect(result.status == 0, "zof demo failed: \(result.errors)")
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func revertAfterBisectIsQueued() throws {
    #expect(try BinaryRunner.run(["run", "--base", "HEAD~1"], in: demo).status == 1)
    let bisect = try BinaryRunner.run(
      ["bisect", "--check", "partial-refund-journey", "--good", "HEAD~3"], in: demo)
    #expect(bisect.status == 0, "\(bisect.errors)")

    let remediate = try BinaryRunner.run(
      ["--as", "carol", "remediate", "1", "partial-refund-journey", "--with", "revert",
       "--json"], in: demo)
    #expect(remediate.status == 0, "\(remediate.errors)")
    let proposal = try json(remediate.output)
    #expect(proposal["state"] as? String == "validated")
    #expect(proposal["branch"] as? String == "zof/fix/1")
    #expect(proposal["approvalStatus"] as? String == "pending")
    #expect(proposal["remediator"] as? String == "remediator:revert")
    #expect(proposal["startedBy"] as? String == "user:default/carol")

    let show = try BinaryRunner.run(["proposals", "show", "1", "--json"], in: demo)
    #expect(show.status == 0)
    let shown = try json(show.output)
    #expect(shown["validationStatus"] as? String == "passed")
    #expect((shown["diffStat"] as? String)?.contains("libs/serde/serde.py") == true)
    #expect((shown["worktree"] as? String)?.contains("/.zof/worktrees/1") == true)

    let list = try BinaryRunner.run(["proposals"], in: demo)
    #expect(list.output.contains("remediator:revert"))
    #expect(list.output.contains("validated"))
  }

  @Test func flakyCheckHasNoFailureToRevert() throws {
    #expect(try BinaryRunner.run(["run", "--check", "notifications-delivery"], in: demo)
              .status == 0)
    let result = try BinaryRunner.run(
      ["remediate", "1", "notifications-delivery", "--with", "revert"], in: demo)
    #expect(result.status == 2)
    #expect(result.errors.contains("there is no failure to fix"))
  }

  @Test func unknownRemediatorIsNamed() throws {
    #expect(try BinaryRunner.run(["run", "--check", "checkout-journey"], in: demo).status == 0)
    let result = try BinaryRunner.run(
      ["remediate", "1", "checkout-journey", "--with", "revrt"], in: demo)
    #expect(result.status == 2)
    #expect(result.errors.contains("no remediator `revrt`"))
    #expect(result.errors.contains("did you mean `revert`?"))
  }

  @Test func runReportsQuarantinedField() throws {
    let result = try BinaryRunner.run(["run", "--check", "notifications-delivery", "--json"],
                                      in: demo)
    let run = try json(result.output)
    let checks = try #require(run["checks"] as? [[String: Any]])
    #expect(checks.first?["quarantined"] as? Bool == false)
  }
}
