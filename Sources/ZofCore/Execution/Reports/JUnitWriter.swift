import Foundation

/// Writes a run as JUnit XML for CI systems: one `testsuite` per check, its parsed test
/// cases as `testcase` elements, or one `testcase` for the check itself when its report gave
/// none.
public enum JUnitWriter {
  /// A check of the run with its final attempt's outcome and test cases.
  public struct CheckResult: Sendable {
    public var ref: String
    public var status: RunCheckStatus
    public var duration: Double
    public var attempts: Int
    public var message: String?
    public var testCases: [TestCaseResult]

    public init(ref: String, status: RunCheckStatus, duration: Double, attempts: Int,
                message: String?, testCases: [TestCaseResult]) {
      self.ref = ref
      self.status = status
      self.duration = duration
      self.attempts = attempts
      self.message = message
      self.testCases = testCases
    }
  }

  /// The totals on `testsuites` are the sums of the suites' counts, test cases and not
  /// checks, as the readers of JUnit files add them up.
  public static func xml(runID: Int64, checks: [CheckResult]) -> String {
    var suites: [String] = []
    var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
    for check in checks {
      let cases = check.testCases.isEmpty ? [synthesized(check)] : check.testCases
      let failed = cases.filter { $0.status == .failed }.count
      let errored = cases.filter { $0.status == .error }.count
      let skipped = cases.filter { $0.status == .skipped }.count
      totals = (totals.tests + cases.count, totals.failures + failed, totals.errors + errored,
                totals.skipped + skipped)
      suites.append("  <testsuite name=\(attribute(check.ref)) tests=\"\(cases.count)\" "
                      + "failures=\"\(failed)\" errors=\"\(errored)\" skipped=\"\(skipped)\" "
                      + "time=\"\(NumberText.fixed(check.duration, digits: 3))\">")
      if check.attempts > 1 {
        suites.append("    <properties><property name=\"zof.attempts\" "
                        + "value=\"\(check.attempts)\"/><property name=\"zof.status\" "
                        + "value=\(attribute(check.status.rawValue))/></properties>")
      }
      for test in cases { suites += testcase(test) }
      suites.append("  </testsuite>")
    }
    let header = "<testsuites name=\"zof run \(runID)\" tests=\"\(totals.tests)\" "
      + "failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" "
      + "skipped=\"\(totals.skipped)\">"
    let lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", header] + suites
      + ["</testsuites>"]
    return lines.joined(separator: "\n") + "\n"
  }

  static func synthesized(_ check: CheckResult) -> TestCaseResult {
    let status: TestCaseResult.Status
    switch check.status {
    case .passed: status = .passed
    case .flaky: status = .flaky
    case .failed, .timedOut: status = .failed
    case .skipped, .queued, .running: status = .skipped
    case .errored, .interrupted: status = .error
    }
    return TestCaseResult(suite: check.ref, name: check.ref, classname: check.ref,
                          status: status, time: check.duration,
                          message: check.message
                            ?? (status == .passed ? nil : check.status.rawValue))
  }

  static func testcase(_ test: TestCaseResult) -> [String] {
    var open = "    <testcase name=\(attribute(test.name)) classname="
      + attribute(test.classname.isEmpty ? test.suite : test.classname)
    if let time = test.time { open += " time=\"\(NumberText.fixed(time, digits: 3))\"" }
    let message = attribute(test.message ?? "")
    switch test.status {
    case .passed:
      return [open + "/>"]
    case .flaky:
      return [open + ">", "      <system-out>flaky: failed, then passed on a rerun"
                + "</system-out>", "    </testcase>"]
    case .skipped:
      return [open + ">", "      <skipped message=\(message)/>", "    </testcase>"]
    case .failed:
      return [open + ">", "      <failure message=\(message)>\(escape(test.output ?? ""))"
                + "</failure>", "    </testcase>"]
    case .error:
      return [open + ">", "      <error message=\(message)>\(escape(test.output ?? ""))"
                + "</error>", "    </testcase>"]
    }
  }

  /// A quoted XML attribute value; characters XML 1.0 forbids are dropped.
  static func attribute(_ text: String) -> String {
    "\"" + escape(text).replacingOccurrences(of: "\"", with: "&quot;") + "\""
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || (0xfffe...0xffff).contains(scalar.value): continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
