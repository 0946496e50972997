import Foundation
import Testing

/// `zof impact` and `zof graph` on a workspace inside a real git repository.
struct ImpactCommandTests {
  let folder = ScratchFolder("zof-impact")

  init() throws {
    let fixture = BinaryRunner.packageRoot + "/Tests/ZofCoreTests/Fixtures/impact"
    for name in ["catalog-info.yaml", "CODEOWNERS"] {
      folder.write(name, try String(contentsOfFile: fixture + "/" + name, encoding: .utf8))
    }
    folder.write("zof.yaml", "catalog:\n  - catalog-info.yaml\n")
    folder.write(".gitignore", ".zof/\n")
    folder.write("libs/serde/codec.swift", "let version = 1\n")
    try folder.git("init", "-q", "-b", "main")
    try folder.git("add", "-A")
    try folder.git("commit", "-q", "-m", "start")
    folder.write("libs/serde/codec.swift", "let version = 2\n")
    folder.write("notes/todo.txt", "later\n")
    try folder.git("add", "-A")
    try folder.git("commit", "-q", "-m", "change serde")
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func reportsGitChangeAsJSON() throws {
    let result = try BinaryRunner.run(["impact", "--base", "HEAD~1", "--json"], in: folder.path)
    #expect(result.status == 0)
    let report = try json(result.output)
    let checks = try #require(report["checks"] as? [[String: Any]])
    #expect(Set(checks.compactMap { $0["ref"] as? String }) == [
      "check:serde-unit", "check:checkout-e2e", "check:refund-tests",
    ])
    #expect(report["uncovered"] as? [String] == ["workflow:audit-trail"])
    let unmapped = try #require(report["unmapped"] as? [[String: Any]])
    #expect(unmapped.compactMap { $0["path"] as? String } == ["notes/todo.txt"])
    let affected = try #require(report["affected"] as? [[String: Any]])
    let refunds = try #require(affected.first { $0["ref"] as? String == "component:refunds" })
    #expect(refunds["distance"] as? Int == 2)
    #expect((refunds["because"] as? [String])?.first == "libs/serde/codec.swift")
  }

  @Test func readableReportShowsChainsAndGaps() throws {
    let result = try BinaryRunner.run(["impact", "--paths", "libs/serde/codec.swift"],
                                      in: folder.path)
    #expect(result.status == 0)
    #expect(result.output.contains(
      "because libs/serde/codec.swift -> component:serde -> component:payments"))
    #expect(result.output.contains("Uncovered: affected workflows that no selected check"))
    #expect(result.output.contains("crit "))
  }

  @Test func badRevisionExitsTwo() throws {
    let result = try BinaryRunner.run(["impact", "--base", "nope"], in: folder.path)
    #expect(result.status == 2)
    #expect(result.errors.contains("cannot diff nope...HEAD"))
  }

  @Test func badCatalogIsRejectedWhole() throws {
    let first = try BinaryRunner.run(["graph", "import"], in: folder.path)
    #expect(first.status == 0)
    folder.write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
                   + "metadata:\n  name: x\nspec:\n  owner: [unclosed\n")
    let second = try BinaryRunner.run(["graph", "import", "--json"], in: folder.path)
    #expect(second.status == 2)
    #expect(second.errors.contains("catalog-info.yaml:7:1: YAML syntax error"))
    #expect(second.errors.contains("nothing was imported"))
    #expect(second.output.isEmpty)
  }

  @Test func showAndStats() throws {
    let show = try BinaryRunner.run(["graph", "show", "payments"], in: folder.path)
    #expect(show.status == 0)
    #expect(show.output.contains("dependsOn -> component:serde"))
    #expect(show.output.contains("stepOf <- workflow:checkout"))
    let stats = try BinaryRunner.run(["graph", "stats", "--json"], in: folder.path)
    let counts = try json(stats.output)
    #expect((counts["kinds"] as? [String: Int])?["check"] == 4)
    #expect((counts["relationTypes"] as? [String: Int])?["covers"] == 4)
  }

  @Test func logsToFileNotTerminal() throws {
    let result = try BinaryRunner.run(["impact", "--paths", "x", "--log-level", "debug"],
                                      in: folder.path)
    #expect(result.status == 0)
    #expect(!result.output.contains("event="))
    #expect(result.errors.isEmpty)
    let log = try String(contentsOfFile: folder.path + "/.zof/zof.log", encoding: .utf8)
    #expect(log.contains("level=info event=catalog.import snapshot=1"))
    #expect(log.contains("event=command.finish command=impact status=0"))
  }
}
