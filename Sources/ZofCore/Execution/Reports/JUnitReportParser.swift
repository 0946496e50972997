import Foundation
import FoundationXML

/// Reads JUnit XML reports as written by Surefire, pytest, Jest, Go tools, xUnit and others.
///
/// Suites may nest, and a test case takes the name of its nearest named suite. Counts in
/// suite attributes are ignored in favour of the test cases actually present. When one test
/// case carries several results, the worst wins (error, then failure, then skipped).
/// Surefire's `flakyFailure`/`flakyError` without a final failure make the case flaky, and
/// `rerunFailure`/`rerunError` are kept as output of a case that failed every run.
public enum JUnitReportParser {
  /// Parses the report at `path`.
  public static func parse(contentsOf path: String) throws -> [TestCaseResult] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReportError(file: path, message: "report file not found or not readable")
    }
    return try parse(data, file: path)
  }

  /// Parses report bytes; `file` names the report in errors.
  public static func parse(_ data: Data, file: String) throws -> [TestCaseResult] {
    let parser = XMLParser(data: data)
    let reader = JUnitReader()
    parser.delegate = reader
    parser.shouldResolveExternalEntities = false
    let succeeded = parser.parse()
    if !succeeded || reader.failure != nil {
      let line = reader.failure?.line ?? parser.lineNumber
      let message = reader.failure?.message ?? describe(parser.parserError)
      throw ReportError(file: file, line: line, message: message)
    }
    // FoundationXML on Linux can report success for a document cut off mid-element.
    if let unclosed = reader.openElements.last {
      throw ReportError(file: file, line: parser.lineNumber,
                        message: "invalid XML: the document ends before <\(unclosed)> is closed")
    }
    guard reader.sawRoot else {
      throw ReportError(file: file, line: 1, message: "the file contains no XML element")
    }
    return reader.results
  }

  private static func describe(_ error: (any Error)?) -> String {
    guard let error = error as NSError? else { return "invalid XML" }
    let code = XMLParser.ErrorCode(rawValue: error.code)
    let reason: String
    switch code {
    case .prematureDocumentEndError: reason = "the document ends before its elements are closed"
    case .lessThanSymbolInAttributeError: reason = "an attribute value contains a raw '<'"
    case .tagNameMismatchError: reason = "an end tag does not match its start tag"
    case .emptyDocumentError: reason = "the document is empty"
    case .entityRefAtEOFError, .entityReferenceWithoutNameError,
         .entityReferenceMissingSemiError:
      reason = "an '&' does not start a valid entity reference"
    case .attributeNotStartedError, .attributeNotFinishedError:
      reason = "an attribute is malformed"
    case .ltRequiredError, .gtRequiredError: reason = "a tag is not closed"
    default: reason = "XML parser error \(error.code)"
    }
    return "invalid XML: \(reason)"
  }
}
