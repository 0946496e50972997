import ZofCore

/// Words an error for the console's footer: one line, with the reasons a denial gave.
enum ConsoleErrorText {
  static func describe(_ error: Error) -> String {
    switch error {
    case let usage as UsageError:
      return usage.message + (usage.hint.map { "; \($0)" } ?? "")
    case let denied as AuthorizationDenied:
      let seq = denied.decision.auditSeq.map { " (audit event \($0))" } ?? ""
      return "denied: \(denied.decision.action.rawValue) on \(denied.subject): "
        + denied.decision.reasons.joined(separator: "; ") + seq
    case let input as InputError:
      let place = input.location.map { "\($0): " } ?? ""
      return place + input.message + (input.hint.map { "; \($0)" } ?? "")
    case let database as DatabaseError:
      return "store: " + firstLine(database.description)
    case let operation as OperationError:
      return firstLine(operation.description)
    default:
      return firstLine(String(describing: error))
    }
  }

  private static func firstLine(_ text: String) -> String {
    text.split(separator: "\n").first.map(String.init) ?? text
  }
}
