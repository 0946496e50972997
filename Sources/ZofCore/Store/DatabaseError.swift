/// A failed SQLite call: the function, SQLite's result code and message, and the statement.
///
/// Bound values are never included, because they may carry evidence that is not yet redacted.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
  public var function: String
  public var code: Int32
  public var message: String
  public var sql: String?

  public init(function: String, code: Int32, message: String, sql: String? = nil) {
    self.function = function
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// Whether the failure is SQLITE_CONSTRAINT or one of its extended codes.
  public var isConstraint: Bool { code & 0xff == 19 }

  public var description: String {
    var text = "\(function) failed (SQLite code \(code)): \(message)"
    if let sql { text += "\n  statement: \(sql)" }
    return text
  }
}
