import Foundation
import ZofCore

/// A finished run read back from the store, for the JSON, JUnit and footer outputs.
struct RunSummary {
  struct Check {
    var record: RunCheckRecord
    var attempts: [AttemptRecord]
    var testCases: [TestCaseResult]
  }

  var run: RunRecord
  var checks: [Check]
  /// Checks whose failure or flake a quarantine excused in this run.
  var quarantined: Set<String> = []
  /// Proposals that automatic remediators made after the run, as JSON objects.
  var proposals: [[String: Any]] = []

  static func load(runID: Int64, store: Store) throws -> RunSummary {
    let runs = store.runs
    guard let run = try runs.run(runID) else {
      throw InputError("no run \(runID) in the store", hint: "`zof runs` lists the runs")
    }
    let attempts = try runs.attempts(run: runID)
    let checks = try runs.runChecks(runID).map { record in
      let own = attempts.filter { $0.checkRef == record.checkRef }
      let cases = try own.last.map { try runs.testCases(attempt: $0.id) } ?? []
      return Check(record: record, attempts: own, testCases: cases)
    }
    let quarantined = try QuarantineGate(database: store.database).quarantinedChecks(runID: runID)
    return RunSummary(run: run, checks: checks, quarantined: quarantined)
  }

  var junitChecks: [JUnitWriter.CheckResult] {
    checks.map { check in
      JUnitWriter.CheckResult(
        ref: check.record.checkRef, status: check.record.status,
        duration: check.attempts.compactMap(\.duration).reduce(0, +),
        attempts: check.attempts.count, message: check.attempts.last?.error,
        testCases: check.testCases)
    }
  }

  var json: [String: Any] {
    var object: [String: Any] = [
      "id": run.id, "status": run.status.rawValue, "trigger": run.trigger,
      "actor": run.actor, "environment": run.environment ?? "",
      "snapshot": run.snapshotID ?? 0, "base": run.base ?? "", "head": run.head ?? "",
      "createdAt": run.createdAt, "finishedAt": run.finishedAt ?? "",
      "checks": checks.map { check -> [String: Any] in
        [
          "ref": check.record.checkRef, "status": check.record.status.rawValue,
          "fleet": check.record.fleet, "risk": check.record.risk,
          "because": check.record.because,
          "quarantined": quarantined.contains(check.record.checkRef),
          "attempts": check.attempts.map(Self.attemptJSON),
          "testCases": check.testCases.map(Self.testCaseJSON),
        ]
      },
    ]
    if !proposals.isEmpty { object["proposals"] = proposals }
    return object
  }

  static func attemptJSON(_ attempt: AttemptRecord) -> [String: Any] {
    var object: [String: Any] = [
      "id": attempt.id, "number": attempt.number, "worker": attempt.worker,
      "status": attempt.status.rawValue, "startedAt": attempt.startedAt,
      "stdoutBytes": attempt.stdoutBytes, "stderrBytes": attempt.stderrBytes,
    ]
    if let code = attempt.exitCode { object["exitCode"] = code }
    if let signal = attempt.signal { object["signal"] = signal }
    if let duration = attempt.duration { object["duration"] = duration }
    if let error = attempt.error { object["error"] = error }
    if let sha = attempt.stdoutSHA256 { object["stdoutSHA256"] = sha }
    return object
  }

  static func testCaseJSON(_ test: TestCaseResult) -> [String: Any] {
    var object: [String: Any] = ["suite": test.suite, "name": test.name,
                                 "status": test.status.rawValue]
    if let time = test.time { object["time"] = time }
    if let message = test.message { object["message"] = message }
    return object
  }

  func printFooter() {
    let flaky = checks.filter {
      $0.record.status == .flaky && !quarantined.contains($0.record.checkRef)
    }.map(\.record.checkRef)
    let failed = checks.filter {
      [.failed, .timedOut, .errored, .interrupted].contains($0.record.status)
        && !quarantined.contains($0.record.checkRef)
    }
    Console.out("")
    Console.out("run \(run.id) \(run.status.rawValue): \(checks.count - failed.count) passed, "
                  + "\(failed.count) failed")
    if !flaky.isEmpty { Console.out("flaky (passed on retry): \(flaky.joined(separator: ", "))") }
    for check in checks where quarantined.contains(check.record.checkRef) {
      Console.out("quarantined, not gating: \(check.record.checkRef) "
                    + "(\(check.record.status.rawValue))")
    }
    for check in failed {
      Console.out("  \(check.record.status.rawValue): \(check.record.checkRef)")
      for test in check.testCases where test.status == .failed || test.status == .error {
        Console.out("    \(test.name): \(TerminalSafe.line(test.message ?? ""))")
      }
      if let error = check.attempts.last?.error { Console.out("    \(TerminalSafe.line(error))") }
      Console.out("    repro: zof repro \(run.id) \(check.record.checkRef)")
    }
  }
}

/// Output from checks is untrusted: control characters and escape sequences are shown
/// escaped on the terminal, and line breaks become spaces so one value stays on one line.
enum TerminalSafe {
  static func line(_ text: String) -> String {
    TerminalText.sanitize(text, mode: .escape).replacingOccurrences(of: "\n", with: " ")
  }
}
