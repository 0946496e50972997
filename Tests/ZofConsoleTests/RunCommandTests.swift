import Foundation
import Testing

/// The run loop on the demo workspace: plan, run real checks, look back, reproduce, bisect.
@Suite(.serialized)
struct RunCommandTests {
  let folder = ScratchFolder("zof-run")
  var demo: String { folder.path + "/demo" }

  init() throws {
    let result = try BinaryRunner.run(["demo", "demo"], in: folder.path)
    #expect(result.status == 0, "zof demo failed: \(result.errors)")
  }

  func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test func planOrdersByRiskWithBudget() throws {
    let result = try BinaryRunner.run(["plan", "--base", "HEAD~1", "--budget", "2", "--json"],
                                      in: demo)
    #expect(result.status == 0)
    let plan = try #require(try json(result.output) as? [String: Any])
    let selected = try #require(plan["selected"] as? [[String: Any]])
    let deferred = try #require(plan["deferred"] as? [[String: Any]])
    #expect(selected.map { $0["ref"] as? String } == ["check:partial-refund-journey",
                                                     "check:ledger-balance"])
    #expect(deferred.count == 4)
    #expect((deferred.first?["reason"] as? String)?.contains("over the budget of 2") == true)
  }

  @Test func productionHasNoFleet() throws {
    let result = try BinaryRunner.run(["plan", "--all", "--env", "production", "--json"],
                                      in: demo)
    let plan = try #require(try json(result.output) as? [String: Any])
    let unassigned = try #require(plan["unassigned"] as? [[String: Any]])
    #expect(unassigned.count == 6)
    #expect((unassigned.first?["reason"] as? String)?.contains("may not run in production")
              == true)
  }

  @Test func runFailsOnBrokenRefundsAndKeepsEvidence() throws {
    let junit = folder.path + "/run.xml"
    let result = try BinaryRunner.run(["run", "--base", "HEAD~1", "--json", "--junit", junit],
                                      in: demo)
    #expect(result.status == 1)
    let run = try #require(try json(result.output) as? [String: Any])
    let checks = try #require(run["checks"] as? [[String: Any]])
    let status = Dictionary(uniqueKeysWithValues: checks.map {
      ($0["ref"] as! String, $0["status"] as! String)
    })
    #expect(status["check:default/partial-refund-journey"] == "failed")
    #expect(status["check:default/notifications-delivery"] == "flaky")
    #expect(status["check:default/checkout-journey"] == "passed")
    let refund = try #require(checks.first { $0["ref"] as? String
      == "check:default/partial-refund-journey" })
    let cases = try #require(refund["testCases"] as? [[String: Any]])
    #expect(cases.filter { $0["status"] as? String == "failed" }.count == 2)
    let attempts = try #require(refund["attempts"] as? [[String: Any]])
    #expect((attempts.first?["worker"] as? String)?.hasPrefix("fleet:integration/worker-")
              == true)
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("<testsuite name=\"check:default/partial-refund-journey\""))
    // The totals on <testsuites> add up the suites' test cases.
    func count(_ name: String, in line: Substring) -> Int {
      guard let start = line.range(of: " \(name)=\"") else { return 0 }
      return Int(line[start.upperBound...].prefix { $0.isNumber }) ?? 0
    }
    let lines = xml.split(separator: "\n")
    let header = try #require(lines.first { $0.hasPrefix("<testsuites ") })
    let suites = lines.filter { $0.hasPrefix("  <testsuite ") }
    for name in ["tests", "failures", "errors", "skipped"] {
      #expect(count(name, in: header) == suites.map { count(name, in: $0) }.reduce(0, +), "\(name)")
    }
    #expect(count("failures", in: header) == 2)

    let runs = try BinaryRunner.run(["runs", "--json"], in: demo)
    let list = try #require(try json(runs.output) as? [[String: Any]])
    #expect(list.first?["status"] as? String == "failed")
    #expect(list.first?["flaky"] as? Int == 1)

    let logs = try BinaryRunner.run(["logs", "1", "partial-refund-journey"], in: demo)
    #expect(logs.output.contains("FAIL test_partial_refund_balance: balance is 3800"))

    let repro = try BinaryRunner.run(["repro", "1", "partial-refund-journey"], in: demo)
    #expect(repro.status == 0)
    let script = folder.write("repro.sh", repro.output)
    let replay = Process()
    replay.executableURL = URL(fileURLWithPath: "/bin/sh")
    replay.arguments = [script]
    replay.standardOutput = FileHandle.nullDevice
    replay.standardError = FileHandle.nullDevice
    try replay.run()
    replay.waitUntilExit()
    #expect(replay.terminationStatus == 1)
  }

  @Test func bisectFindsTheBreakingCommit() throws {
    let result = try BinaryRunner.run(
      ["bisect", "--check", "partial-refund-journey", "--good", "HEAD~3", "--json"], in: demo)
    #expect(result.status == 0, "\(result.errors)")
    let found = try #require(try json(result.output) as? [String: Any])
    #expect(found["author"] as? String == "Alice")
    #expect(found["subject"] as? String == "Encode amounts without Decimal rounding")
    let status = Process()
    status.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    status.arguments = ["-C", demo, "worktree", "list", "--porcelain"]
    let pipe = Pipe()
    status.standardOutput = pipe
    try status.run()
    let worktrees = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(),
                           as: UTF8.self)
    status.waitUntilExit()
    #expect(worktrees.components(separatedBy: "worktree ").count == 2)
  }

  @Test func unknownCheckIsNamed() throws {
    let result = try BinaryRunner.run(["run", "--check", "partial-refnd-journey"], in: demo)
    #expect(result.status == 2)
    #expect(result.errors.contains("no check `partial-refnd-journey`"))
    #expect(result.errors.contains("did you mean check:partial-refund-journey?"))
  }
}
