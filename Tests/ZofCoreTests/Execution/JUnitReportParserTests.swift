import Foundation
import Testing
@testable import ZofCore

struct JUnitReportParserTests {
  static func fixture(_ name: String) throws -> [TestCaseResult] {
    try JUnitReportParser.parse(contentsOf: "\(TestPaths.fixtures)/junit/\(name)")
  }

  static func byName(_ cases: [TestCaseResult]) -> [String: TestCaseResult] {
    Dictionary(cases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  @Test func byteOrderMark() throws {
    let cases = try Self.fixture("bom.xml")
    #expect(cases.count == 1)
    #expect(cases.first?.suite == "bom")
    #expect(cases.first?.time == 0.5)
  }

  @Test func nestedSuites() throws {
    let cases = Self.byName(try Self.fixture("nested.xml"))
    #expect(cases.count == 4)
    #expect(cases["direct"]?.suite == "outer")
    #expect(cases["deep"]?.suite == "inner")
    #expect(cases["deep"]?.time == 1500.5)
    #expect(cases["inherits"]?.suite == "inner")
    #expect(cases["after inner"]?.suite == "outer")
  }

  @Test func missingAttributes() throws {
    let cases = try Self.fixture("bare.xml")
    #expect(cases.map(\.status) == [.passed, .failed, .error, .skipped])
    #expect(cases.allSatisfy { $0.name.isEmpty })
    #expect(cases.allSatisfy { $0.suite.isEmpty })
    #expect(cases.allSatisfy { $0.time == nil })
    #expect(cases[2].message == "boom")
    #expect(cases[2].output == "boom\nsecond line")
  }

  @Test func severalResultsWorstWins() throws {
    let cases = Self.byName(try Self.fixture("several-results.xml"))
    #expect(cases.count == 3)
    #expect(cases["skip fail error"]?.status == .error)
    #expect(cases["skip fail error"]?.message == "teardown crashed")
    #expect(cases["skip fail"]?.status == .failed)
    #expect(cases["captured"]?.status == .passed)
    #expect(cases["captured"]?.output?.contains("hello from stdout") == true)
    #expect(cases["captured"]?.output?.contains("warning on stderr") == true)
  }

  @Test func surefireReruns() throws {
    let cases = Self.byName(try Self.fixture("reruns.xml"))
    #expect(cases["settles"]?.status == .flaky)
    #expect(cases["settles"]?.message == "first run lost a race")
    #expect(cases["settles"]?.output?.contains("RetryTest.java:12") == true)
    #expect(cases["flaky error"]?.status == .flaky)
    #expect(cases["always broken"]?.status == .failed)
    #expect(cases["always broken"]?.message == "wrong total")
    #expect(cases["always broken"]?.output?.contains("rerun trace") == true)
  }

  @Test(arguments: [("truncated.xml", 5), ("bad-attribute.xml", 5)])
  func malformedNamesFileAndLine(file: String, line: Int) throws {
    let path = "\(TestPaths.fixtures)/junit/\(file)"
    #expect {
      _ = try JUnitReportParser.parse(contentsOf: path)
    } throws: { error in
      guard let error = error as? ReportError else { return false }
      return error.file == path && error.line == line && error.message.hasPrefix("invalid XML")
    }
  }

  @Test func wrongRootElement() throws {
    #expect {
      _ = try Self.fixture("not-junit.xml")
    } throws: { error in
      (error as? ReportError)?.message.contains("<project>") == true
    }
  }

  @Test func missingFile() {
    #expect(throws: ReportError.self) {
      _ = try JUnitReportParser.parse(contentsOf: "/nonexistent/report.xml")
    }
  }
}

/// The public corpus of reports from many runners. Skipped, with a printed reason, when the
/// corpus folder is absent; the fixtures above cover the same cases.
@Suite(.enabled(if: TestPaths.corpusAvailable, "corpus folder not found; set ZOF_CORPUS"))
struct JUnitCorpusTests {
  static let malformed: Set<String> = [
    "pytest__corrupt-xml.xml", "web-test-runner__expectedRetries.xml",
  ]

  static var files: [String] {
    let folder = "\(TestPaths.corpus)/junit"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted()
  }

  @Test func everyWellFormedFileParses() throws {
    let files = Self.files.filter { !Self.malformed.contains($0) }
    #expect(!files.isEmpty)
    for name in files {
      let cases = try JUnitReportParser.parse(contentsOf: "\(TestPaths.corpus)/junit/\(name)")
      #expect(!cases.isEmpty, "no test cases in \(name)")
    }
  }

  @Test(arguments: [("pytest__corrupt-xml.xml", 11), ("web-test-runner__expectedRetries.xml", 9)])
  func malformedFileReported(name: String, line: Int) {
    let path = "\(TestPaths.corpus)/junit/\(name)"
    #expect {
      _ = try JUnitReportParser.parse(contentsOf: path)
    } throws: { error in
      guard let error = error as? ReportError else { return false }
      return error.file == path && error.line == line
    }
  }

  @Test func surefireFlakyCorpus() throws {
    let path = "\(TestPaths.corpus)/junit/surefire__TEST-org.acme.FlakyTest.xml"
    let cases = JUnitReportParserTests.byName(try JUnitReportParser.parse(contentsOf: path))
    #expect(cases.count == 2)
    #expect(cases["testFlaky"]?.status == .flaky)
    #expect(cases["testStable"]?.status == .passed)
  }

  @Test func nestedCorpusSuites() throws {
    let path = "\(TestPaths.corpus)/junit/synthetic__testsuite-in-testsuite.xml"
    let cases = JUnitReportParserTests.byName(try JUnitReportParser.parse(contentsOf: path))
    #expect(cases.count == 5)
    #expect(cases["TestCase3"]?.suite == "TestSuite2.1")
    #expect(cases["TestCase5"]?.suite == "Project Test Suite")
  }
}
