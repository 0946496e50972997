import Foundation

/// What a TAP stream reported.
public struct TAPReport: Sendable, Equatable {
  public var cases: [TestCaseResult]
  /// The count from the plan line `1..N`, when there is one.
  public var plannedCount: Int?
  /// The reason given by `Bail out!`, when the producer gave up.
  public var bailOut: String?
}

/// Reads the Test Anything Protocol, version 13: a plan, `ok` and `not ok` lines with `TODO`
/// and `SKIP` directives, YAML diagnostic blocks between `---` and `...`, and `Bail out!`.
///
/// Tests the plan promised but the stream lacks, and tests beyond the plan, become `error`
/// cases, so a producer that dies halfway does not pass. `not ok ... # TODO` is an expected
/// failure and counts as skipped; indented subtest lines are ignored.
public enum TAPParser {
  /// Parses `text`; `file` names the source in errors and `suite` names the cases.
  public static func parse(_ text: String, file: String, suite: String) throws -> TAPReport {
    var reader = TAPReader(suite: suite)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let stripped = line.hasSuffix("\r") ? line.dropLast() : line
      try reader.read(String(stripped), lineNumber: index + 1, file: file)
      if reader.report.bailOut != nil { break }
    }
    return try reader.finish(file: file)
  }
}

/// Line-by-line state of `TAPParser`.
private struct TAPReader {
  let suite: String
  var report = TAPReport(cases: [], plannedCount: nil, bailOut: nil)
  var lastNumber = 0
  var seenNumbers = Set<Int>()
  var sawAnything = false
  /// Lines of an open YAML block and the indentation of its `---` line.
  var yaml: (indent: Int, lines: [String])?

  init(suite: String) {
    self.suite = suite
  }

  mutating func read(_ line: String, lineNumber: Int, file: String) throws {
    if var block = yaml {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed == "..." {
        attachDiagnostics(block.lines)
        yaml = nil
      } else {
        block.lines.append(String(line.dropFirst(min(block.indent, Self.indent(of: line)))))
        yaml = block
      }
      return
    }
    if line.hasPrefix("TAP version") || line.hasPrefix("#") || line.isEmpty { return }
    if line.hasPrefix("Bail out!") {
      let reason = line.dropFirst("Bail out!".count).trimmingCharacters(in: .whitespaces)
      report.bailOut = reason
      report.cases.append(TestCaseResult(suite: suite, name: "Bail out!", status: .error,
                                         message: reason.isEmpty ? "bailed out" : reason))
      sawAnything = true
      return
    }
    if Self.indent(of: line) > 0 {
      if line.trimmingCharacters(in: .whitespaces) == "---", !report.cases.isEmpty {
        yaml = (Self.indent(of: line), [])
      }
      return
    }
    if let count = Self.planCount(line) {
      guard report.plannedCount == nil else {
        throw ReportError(file: file, line: lineNumber, message: "TAP stream has a second plan")
      }
      report.plannedCount = count
      sawAnything = true
    } else if line.hasPrefix("ok") || line.hasPrefix("not ok") {
      readTestLine(line)
      sawAnything = true
    }
  }

  mutating func finish(file: String) throws -> TAPReport {
    guard sawAnything else {
      throw ReportError(file: file, message: "no TAP plan or test lines found in the output")
    }
    guard report.bailOut == nil, let planned = report.plannedCount else { return report }
    for number in 1...max(planned, 1) where planned > 0 && !seenNumbers.contains(number) {
      report.cases.append(TestCaseResult(
        suite: suite, name: "test \(number)", status: .error,
        message: "test \(number) is in the plan 1..\(planned) but missing from the output"))
    }
    for number in seenNumbers.sorted() where number > planned {
      report.cases.append(TestCaseResult(
        suite: suite, name: "test \(number)", status: .error,
        message: "test \(number) is beyond the plan 1..\(planned)"))
    }
    return report
  }

  // MARK: - Lines

  private mutating func readTestLine(_ line: String) {
    let passed = line.hasPrefix("ok")
    var rest = Substring(line.dropFirst(passed ? 2 : 6))
    rest = rest.drop { $0 == " " }
    let digits = rest.prefix { $0.isNumber }
    let number = Int(digits) ?? lastNumber + 1
    rest = rest.dropFirst(digits.count).drop { $0 == " " }
    if rest.hasPrefix("-") { rest = rest.dropFirst().drop { $0 == " " } }
    let (description, directive, reason) = Self.splitDirective(String(rest))
    lastNumber = number
    seenNumbers.insert(number)

    var status: TestCaseResult.Status = passed ? .passed : .failed
    var message: String?
    switch directive {
    case "SKIP":
      status = .skipped
      message = reason
    case "TODO":
      status = passed ? .passed : .skipped
      message = "TODO" + (reason.map { ": \($0)" } ?? "")
    default:
      break
    }
    let name = description.isEmpty ? "test \(number)" : description
    report.cases.append(TestCaseResult(suite: suite, name: name, status: status,
                                       message: message))
  }

  private mutating func attachDiagnostics(_ lines: [String]) {
    guard let index = report.cases.indices.last else { return }
    let text = lines.joined(separator: "\n")
    report.cases[index].output = text
    let documents = try? YAMLParser.parseDocuments(text, file: "TAP diagnostics")
    if report.cases[index].message == nil,
       let message = documents?.first?["message"]?.string {
      report.cases[index].message = message
    }
  }

  /// Splits `description # DIRECTIVE reason`, honouring `\#` as a literal hash.
  static func splitDirective(_ text: String) -> (String, String?, String?) {
    var previous: Character = " "
    for index in text.indices {
      let character = text[index]
      defer { previous = character }
      guard character == "#", previous != "\\" else { continue }
      let comment = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
      let word = comment.prefix { $0.isLetter }.uppercased()
      let description = text[..<index].trimmingCharacters(in: .whitespaces)
        .replacingOccurrences(of: "\\#", with: "#")
      let directive = word.hasPrefix("SKIP") ? "SKIP" : word.hasPrefix("TODO") ? "TODO" : nil
      guard let directive else { return (description, nil, nil) }
      let reason = comment.drop { $0.isLetter }.trimmingCharacters(in: .whitespaces)
      return (description, directive, reason.isEmpty ? nil : reason)
    }
    return (text.replacingOccurrences(of: "\\#", with: "#"), nil, nil)
  }

  static func planCount(_ line: String) -> Int? {
    guard line.hasPrefix("1..") else { return nil }
    let digits = line.dropFirst(3).prefix { $0.isNumber }
    return Int(digits)
  }

  static func indent(of line: String) -> Int {
    line.prefix { $0 == " " || $0 == "\t" }.count
  }
}
