/// A source position in a user's file, 1-based as editors show it.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    line > 0 ? "\(file):\(line):\(column)" : file
  }
}

/// An error caused by what a user wrote or typed, as opposed to a failure of the machine.
///
/// Front ends word it for people and exit with status 2; nothing of the bad input is applied.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The position of the problem, when it comes from a file.
  public var location: SourceLocation?
  /// The problem, naming the offending value.
  public var message: String
  /// The next step for the user.
  public var hint: String?

  public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  public var description: String {
    var text = location.map { "\($0): \(message)" } ?? message
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}

/// Several input errors found in one pass, so the user can fix them all at once.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
  public var errors: [InputError]

  public init(_ errors: [InputError]) {
    self.errors = errors
  }

  public var description: String {
    errors.map(\.description).joined(separator: "\n")
  }
}

/// A failure of the environment (a file system, a child process, git) that is not the
/// user's input. Front ends report it with exit status 2 unless a caller knows better.
public struct OperationError: Error, Sendable, CustomStringConvertible {
  public var operation: String
  public var message: String

  public init(_ operation: String, _ message: String) {
    self.operation = operation
    self.message = message
  }

  public var description: String { "\(operation) failed: \(message)" }
}
