/// The outcome of one test case, whatever report format it came from.
public struct TestCaseResult: Sendable, Equatable, Codable {
  public enum Status: String, Sendable, Codable, CaseIterable {
    case passed, failed, error, skipped
    /// Failed at least once, then passed on a rerun within the same attempt.
    case flaky
  }

  public var suite: String
  public var name: String
  public var classname: String
  public var status: Status
  /// Seconds, when the report gives a parsable time.
  public var time: Double?
  /// The failure, error or skip message.
  public var message: String?
  /// Stack traces and captured output, in the order the report lists them.
  public var output: String?

  public init(suite: String, name: String, classname: String = "", status: Status,
              time: Double? = nil, message: String? = nil, output: String? = nil) {
    self.suite = suite
    self.name = name
    self.classname = classname
    self.status = status
    self.time = time
    self.message = message
    self.output = output
  }
}

/// A report that could not be read: the file, the line when known, and what is wrong.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return "\(place): \(message)"
  }
}
