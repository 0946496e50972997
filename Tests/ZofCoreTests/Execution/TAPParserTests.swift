import Testing
@testable import ZofCore

struct TAPParserTests {
  static func parse(_ text: String) throws -> TAPReport {
    try TAPParser.parse(text, file: "stdout", suite: "check:default/tap")
  }

  @Test func planAndResults() throws {
    let report = try Self.parse("""
      TAP version 13
      1..5
      ok 1 - adds numbers
      not ok 2 - subtracts numbers
        ---
        message: expected 2, got 3
        severity: fail
        ...
      ok 3 - reads config # SKIP no config file
      not ok 4 - parses dates # TODO leap years
      ok - counts \\# hashes
      """)
    #expect(report.plannedCount == 5)
    #expect(report.cases.map(\.status) == [.passed, .failed, .skipped, .skipped, .passed])
    #expect(report.cases[1].message == "expected 2, got 3")
    #expect(report.cases[1].output?.contains("severity: fail") == true)
    #expect(report.cases[2].message == "no config file")
    #expect(report.cases[3].message == "TODO: leap years")
    #expect(report.cases[4].name == "counts # hashes")
  }

  @Test func missingTestsBecomeErrors() throws {
    let report = try Self.parse("1..3\nok 1 - first\n")
    #expect(report.cases.count == 3)
    #expect(report.cases[1].status == .error)
    #expect(report.cases[2].name == "test 3")
  }

  @Test func testsBeyondPlan() throws {
    let report = try Self.parse("1..1\nok 1\nok 2\n")
    #expect(report.cases.last?.status == .error)
  }

  @Test func planAtEnd() throws {
    let report = try Self.parse("ok 1 - a\nok 2 - b\n1..2\n")
    #expect(report.cases.count == 2)
    #expect(report.plannedCount == 2)
  }

  @Test func bailOut() throws {
    let report = try Self.parse("1..4\nok 1\nBail out! database unreachable\nok 2\n")
    #expect(report.bailOut == "database unreachable")
    #expect(report.cases.count == 2)
    #expect(report.cases.last?.status == .error)
  }

  @Test func skipAll() throws {
    let report = try Self.parse("1..0 # SKIP no database\n")
    #expect(report.plannedCount == 0)
    #expect(report.cases.isEmpty)
  }

  @Test func noTAP() {
    #expect(throws: ReportError.self) {
      _ = try Self.parse("just some log output\n")
    }
  }

  @Test func secondPlan() {
    #expect(throws: ReportError(file: "stdout", line: 3,
                                message: "TAP stream has a second plan")) {
      _ = try Self.parse("1..1\nok 1\n1..1\n")
    }
  }
}
