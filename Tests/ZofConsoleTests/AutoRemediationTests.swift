import Foundation
import Testing

/// A remediator marked `spec.auto: true` proposes a fix by itself when `zof run` fails,
/// where the policy lets its identity propose.
struct AutoRemediationTests {
  @Test func failedRunStartsAutomaticRemediator() throws {
    let folder = ScratchFolder("zof-auto")
    let built = try BinaryRunner.run(["demo", "demo", "--print"], in: folder.path)
    try #require(built.status == 0, "\(built.errors)")
    let operations = folder.path + "/demo/catalog/operations.yaml"
    var text = try String(contentsOfFile: operations, encoding: .utf8)
    text = text.replacingOccurrences(of: "  type: command\n", with: "  type: command\n  auto: true\n")
    try text.write(toFile: operations, atomically: true, encoding: .utf8)

    let run = try BinaryRunner.run(["run", "--base", "HEAD~1"], in: folder.path + "/demo")
    #expect(run.status == 1)
    #expect(run.output.contains("remediator:fix-rounding proposed 1 for "
                                  + "check:default/partial-refund-journey: validated"))
    let proposals = try BinaryRunner.run(["proposals", "--json"], in: folder.path + "/demo")
    let list = try JSONSerialization.jsonObject(with: Data(proposals.output.utf8))
    let first = try #require((list as? [[String: Any]])?.first)
    #expect(first["remediator"] as? String == "remediator:fix-rounding")
    #expect(first["state"] as? String == "validated")
    let audit = try BinaryRunner.run(["audit", "--actor", "remediator:fix-rounding",
                                      "--action", "remediation.propose", "--json"],
                                     in: folder.path + "/demo")
    #expect(audit.output.contains("\"decision\" : \"allowed\""))
  }
}
