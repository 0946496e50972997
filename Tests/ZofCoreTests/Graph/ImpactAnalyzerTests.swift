import Foundation
import Testing
@testable import ZofCore

/// Impact on the fixture catalog: a diamond, a cycle, an API-mediated dependency, an
/// uncovered workflow and paths nobody owns.
struct ImpactAnalyzerTests {
  let folder = TemporaryFolder("impact")
  let graph: SystemGraph

  init() throws {
    let fixture = (Corpus.fixtures as NSString).appendingPathComponent("impact")
    for name in ["catalog-info.yaml", "CODEOWNERS"] {
      let text = try String(contentsOfFile: (fixture as NSString).appendingPathComponent(name),
                            encoding: .utf8)
      folder.write(name, text)
    }
    graph = SystemGraph(try resolveCatalog([:], entries: ["catalog-info.yaml"], in: folder))
  }

  func analyze(_ paths: [String]) -> ImpactReport {
    ImpactAnalyzer(graph: graph, repositoryPath: folder.path).analyze(paths: paths)
  }

  func affected(_ report: ImpactReport, _ ref: String) -> ImpactReport.Affected? {
    (report.affected + report.workflows).first { $0.ref == ref }
  }

  @Test func reachesEveryDependent() {
    let report = analyze(["libs/serde/codec.swift"])
    let refs = Set(report.affected.map(\.ref))
    #expect(refs == ["component:serde", "component:payments", "component:ledger",
                     "component:refunds", "component:notifications", "api:payments-api",
                     "component:checkout-web"])
    #expect(report.changed.map(\.components) == [["component:serde"]])
  }

  @Test func diamondTakesShortestChain() throws {
    let refunds = try #require(affected(analyze(["libs/serde/codec.swift"]),
                                        "component:refunds"))
    #expect(refunds.distance == 2)
    #expect(refunds.because.count == 4)
    #expect(refunds.because.first == "libs/serde/codec.swift")
    #expect(refunds.because.last == "component:refunds")
  }

  @Test func cycleTerminates() throws {
    let report = analyze(["services/ledger/main.swift"])
    let refs = Set(report.affected.map(\.ref))
    #expect(refs == ["component:ledger", "component:notifications", "component:refunds"])
    let notifications = try #require(affected(report, "component:notifications"))
    #expect(notifications.distance == 1)
  }

  @Test func followsAPIs() throws {
    let web = try #require(affected(analyze(["services/payments/api.swift"]),
                                    "component:checkout-web"))
    #expect(web.because == ["services/payments/api.swift", "component:payments",
                            "api:payments-api", "component:checkout-web"])
  }

  @Test func selectsChecksAndWorkflows() throws {
    let report = analyze(["libs/serde/codec.swift"])
    #expect(Set(report.workflows.map(\.ref)) == ["workflow:checkout", "workflow:refund",
                                                  "workflow:audit-trail"])
    #expect(Set(report.checks.map(\.ref)) == ["check:serde-unit", "check:checkout-e2e",
                                               "check:refund-tests"])
    let check = try #require(report.checks.first { $0.ref == "check:refund-tests" })
    #expect(check.because == ["libs/serde/codec.swift", "component:serde", "component:payments",
                              "component:refunds", "workflow:refund", "check:refund-tests"])
  }

  @Test func flagsUncoveredWorkflows() {
    #expect(analyze(["libs/serde/codec.swift"]).uncovered == ["workflow:audit-trail"])
    #expect(analyze(["services/search/x.swift"]).uncovered.isEmpty)
  }

  @Test func keepsUnmappedPaths() {
    let report = analyze(["README.md", "tools/build.sh", "services/unknown/a.go"])
    #expect(report.unmapped.map(\.path) == ["README.md", "tools/build.sh",
                                            "services/unknown/a.go"])
    #expect(report.unmapped[0].owners == ["@acme/docs-team"])
    #expect(report.unmapped[1].owners.isEmpty)
    #expect(report.unmapped[2].owners == ["@acme/payments-team"])
    #expect(report.affected.isEmpty)
  }

  @Test func catalogFileMapsToItsEntities() {
    let report = analyze(["catalog-info.yaml"])
    #expect(report.changed.first?.components.count == graph.count)
    #expect(report.unmapped.isEmpty)
  }

  @Test func matchesEveryGlobInAnnotation() {
    let report = analyze(["db/ledger/001.sql"])
    #expect(report.changed.map(\.components) == [["component:ledger"]])
  }

  @Test func scoresStayInRangeAndRankCriticalFirst() throws {
    let report = analyze(["libs/serde/codec.swift"])
    for item in report.affected + report.workflows {
      #expect((0...1).contains(item.risk), "\(item.ref) scored \(item.risk)")
    }
    let refunds = try #require(affected(report, "component:refunds"))
    let notifications = try #require(affected(report, "component:notifications"))
    #expect(refunds.riskParts.incidents == 0.7)
    #expect(refunds.riskParts.criticality == 0.75)
    #expect(refunds.risk > notifications.risk)
    #expect(report.checks.first?.ref == "check:checkout-e2e")
  }

  @Test func historyRaisesRisk() throws {
    var analyzer = ImpactAnalyzer(graph: graph, repositoryPath: folder.path)
    let before = try #require(analyzer.analyze(paths: ["services/search/a.swift"])
      .affected.first)
    analyzer.history = ["check:default/search-tests": CheckHistory(failureRate: 0.5,
                                                                    flakeRate: 0.2)]
    let after = try #require(analyzer.analyze(paths: ["services/search/a.swift"])
      .affected.first)
    #expect(before.riskParts.history == 0)
    #expect(after.riskParts.history == 0.5)
    #expect(after.risk > before.risk)
  }
}

/// Changed paths from a real git repository.
struct GitChangeTests {
  @Test func diffsBaseAndHead() throws {
    let repository = try GitRepository()
    try repository.commit(["libs/serde/codec.swift": "v1\n", "README.md": "hi\n"],
                          message: "start")
    try repository.commit(["libs/serde/codec.swift": "v2\n", "docs/new.md": "x\n"],
                          message: "change serde")
    let paths = try repository.git.changedPaths(base: "HEAD~1", head: "HEAD")
    #expect(paths == ["docs/new.md", "libs/serde/codec.swift"])
  }

  @Test func unknownRevisionFails() throws {
    let repository = try GitRepository()
    try repository.commit(["a": "1\n"], message: "start")
    #expect(throws: OperationError.self) {
      try repository.git.changedPaths(base: "no-such-ref", head: "HEAD")
    }
  }
}
