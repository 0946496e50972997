import Foundation
import Testing

/// Readiness and sign-off on the demo workspace.
@Suite(.serialized)
struct ReadinessCommandTests {
  let folder = ScratchFolder("zof-readiness")
  var demo: String { folder.path + "/demo" }

  init() throws {
    let result = try BinaryRunner.run(["demo", "demo"], in: folder.path)
    #expect(result.status == 0, "zof demo failed: \(result.errors)")
  }

  func report(_ arguments: [String]) throws -> (Int32, [String: Any]) {
    let result = try BinaryRunner.run(["readiness", "--json"] + arguments, in: demo)
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    return (result.status, try #require(object as? [String: Any]))
  }

  func item(_ report: [String: Any], _ name: String) -> [String: Any]? {
    (report["items"] as? [[String: Any]])?.first { $0["criterion"] as? String == name }
  }

  @Test func brokenCommitIsNotReadyForStaging() throws {
    _ = try BinaryRunner.run(["run", "--base", "HEAD~1"], in: demo)
    let (status, staging) = try report(["--env", "staging"])
    #expect(status == 1)
    #expect(staging["defaults"] as? Bool == false)
    let checks = try #require(item(staging, "workflow-checks-passed"))
    #expect(checks["met"] as? Bool == false)
    #expect((checks["evidence"] as? [String])?.contains(
      "check:partial-refund-journey: failed in run 1") == true)
  }

  @Test func fixedCommitIsReadyForStaging() throws {
    try folder.git("-C", demo, "revert", "--no-edit", "HEAD")
    let run = try BinaryRunner.run(["run", "--all"], in: demo)
    #expect(run.status == 0, "\(run.output)")
    let (status, staging) = try report(["--env", "staging"])
    #expect(status == 0, "\(staging)")
    #expect(staging["ready"] as? Bool == true)
    let (production, report) = try report(["--env", "production"])
    #expect(production == 1)
    #expect(item(report, "no-open-incidents")?["met"] as? Bool == false)
    #expect(item(report, "signoff")?["met"] as? Bool == false)
  }

  /// A critical workflow that no check covers cannot be shown to work, so it blocks.
  @Test func uncheckedCriticalWorkflowBlocks() throws {
    let file = demo + "/catalog/workflows.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try (text + """

      ---
      apiVersion: zof.dev/v1alpha1
      kind: Workflow
      metadata:
        name: payout-export
      spec:
        criticality: critical
        owner: payments-team
        steps: [component:ledger]

      """).write(toFile: file, atomically: true, encoding: .utf8)
    let (status, staging) = try report(["--env", "staging"])
    #expect(status == 1)
    let checks = try #require(item(staging, "workflow-checks-passed"))
    #expect(checks["met"] as? Bool == false)
    #expect((checks["evidence"] as? [String])?.contains(
      "workflow:payout-export: no check covers it") == true, "\(checks)")
  }

  @Test func changeAuthorMayNotSignOff() throws {
    let author = try BinaryRunner.run(["--as", "alice", "signoff", "--env", "production"],
                                      in: demo)
    #expect(author.status == 1)
    #expect(author.errors.contains("is an author of the change"))
    let manager = try BinaryRunner.run(["--as", "carol", "signoff", "--env", "production",
                                        "--comment", "checked"], in: demo)
    #expect(manager.status == 0, "\(manager.errors)")
    let (_, report) = try report(["--env", "production"])
    #expect(item(report, "signoff")?["met"] as? Bool == true)
  }

  @Test func defaultsAreNamed() throws {
    folder.write("plain/zof.yaml", "catalog: []\n")
    try folder.git("-C", folder.path + "/plain", "init", "-q")
    try folder.git("-C", folder.path + "/plain", "commit", "-q", "--allow-empty", "-m", "x")
    let result = try BinaryRunner.run(["readiness", "--env", "staging"],
                                      in: folder.path + "/plain")
    #expect(result.status == 0)
    #expect(result.output.contains("these are Zof's defaults"))
  }
}
