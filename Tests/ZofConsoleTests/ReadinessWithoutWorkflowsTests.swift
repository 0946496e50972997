import Foundation
import Testing

/// Readiness on a catalog without workflows explains why no check is required.
struct ReadinessWithoutWorkflowsTests {
  let folder = ScratchFolder("zof-no-workflows")

  @Test func explainsMissingWorkflows() throws {
    folder.writeSingleCheckWorkspace(check: "quick", script: "true")
    try folder.git("init", "-q")
    try folder.git("add", "-A")
    try folder.git("commit", "-q", "-m", "start")
    let result = try BinaryRunner.run(["readiness", "--json"], in: folder.path)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let items = try #require(report["items"] as? [[String: Any]])
    let checks = try #require(items.first {
      $0["criterion"] as? String == "workflow-checks-passed"
    })
    #expect(checks["met"] as? Bool == true)
    #expect((checks["detail"] as? String)?.contains("no high/critical workflow") == true,
            "\(checks)")
  }
}
