import Foundation
import FoundationXML

/// The XMLParser delegate behind `JUnitReportParser`.
final class JUnitReader: NSObject, XMLParserDelegate {
  /// A test case being read.
  private struct OpenCase {
    var suite: String
    var name: String
    var classname: String
    var time: Double?
    /// Result elements seen, as element name and message.
    var results: [(kind: String, message: String?)] = []
    var output: [String] = []
  }

  private(set) var results: [TestCaseResult] = []
  private(set) var failure: (line: Int, message: String)?
  private(set) var sawRoot = false
  /// Elements started and not yet ended, innermost last.
  private(set) var openElements: [String] = []

  private var suites: [String?] = []
  private var current: OpenCase?
  private var text = ""
  private var capturing = false

  static let resultElements: Set<String> = [
    "failure", "error", "skipped", "rerunFailure", "rerunError", "flakyFailure", "flakyError",
  ]
  static let textElements: Set<String> = [
    "system-out", "system-err", "stackTrace", "stack-trace",
  ]

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
              qualifiedName: String?, attributes: [String: String] = [:]) {
    openElements.append(name)
    if !sawRoot {
      sawRoot = true
      guard name == "testsuites" || name == "testsuite" else {
        fail(parser, "the root element is <\(name)>, not <testsuites> or <testsuite>")
        return
      }
    }
    switch name {
    case "testsuite":
      suites.append(attributes["name"].flatMap { $0.isEmpty ? nil : $0 })
    case "testcase":
      current = OpenCase(
        suite: suites.last(where: { $0 != nil }).flatMap { $0 } ?? "",
        name: attributes["name"] ?? "", classname: attributes["classname"] ?? "",
        time: attributes["time"].flatMap(Self.seconds))
    default:
      guard current != nil else { return }
      if Self.resultElements.contains(name) {
        current?.results.append((name, attributes["message"]))
      }
      if Self.resultElements.contains(name) || Self.textElements.contains(name) {
        capturing = true
        text = ""
      }
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if capturing { text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    if capturing { text += String(decoding: block, as: UTF8.self) }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
              qualifiedName: String?) {
    _ = openElements.popLast()
    switch name {
    case "testsuite":
      _ = suites.popLast()
    case "testcase":
      if let open = current { results.append(Self.finish(open)) }
      current = nil
    default:
      guard capturing else { return }
      let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if !body.isEmpty {
        current?.output.append(name == "system-out" || name == "system-err"
                                 ? "[\(name)]\n\(body)" : body)
        if Self.resultElements.contains(name), let index = current?.results.indices.last,
           current?.results[index].message == nil {
          current?.results[index].message = Self.firstLine(body)
        }
      }
      capturing = false
      text = ""
    }
  }

  private func fail(_ parser: XMLParser, _ message: String) {
    failure = (parser.lineNumber, message)
    parser.abortParsing()
  }

  private static func finish(_ open: OpenCase) -> TestCaseResult {
    let kinds = open.results.map(\.kind)
    let status: TestCaseResult.Status
    var decisive: String?
    if kinds.contains("error") {
      status = .error
      decisive = "error"
    } else if kinds.contains("failure") {
      status = .failed
      decisive = "failure"
    } else if let flaky = kinds.first(where: { $0 == "flakyFailure" || $0 == "flakyError" }) {
      status = .flaky
      decisive = flaky
    } else if kinds.contains("skipped") {
      status = .skipped
      decisive = "skipped"
    } else {
      status = .passed
    }
    let message = open.results.first { $0.kind == decisive }?.message
    return TestCaseResult(
      suite: open.suite, name: open.name, classname: open.classname, status: status,
      time: open.time, message: message,
      output: open.output.isEmpty ? nil : open.output.joined(separator: "\n"))
  }

  /// Reads a time in seconds, ignoring commas used as thousands separators.
  static func seconds(_ text: String) -> Double? {
    let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
    guard let value = Double(cleaned), value.isFinite, value >= 0 else { return nil }
    return value
  }

  private static func firstLine(_ text: String) -> String {
    String(text.split(separator: "\n", maxSplits: 1).first ?? "")
  }
}
