import ZofCore

/// Words errors for people on standard error and picks the exit status.
enum ErrorPresenter {
  static func present(_ error: Error) -> Int32 {
    switch error {
    case let usage as UsageError:
      Console.error("zof: error: \(usage.message)")
      if let hint = usage.hint { Console.error("  hint: \(hint)") }
      let helpCommand = usage.command.map { "zof \($0) --help" } ?? "zof help"
      Console.error("  see `\(helpCommand)`")
    case let input as InputError:
      Console.error("zof: error: " + input.description)
    case let inputs as InputErrors:
      let count = inputs.errors.count
      Console.error("zof: error: \(count) problem\(count == 1 ? "" : "s") found; "
                      + "nothing was imported or changed:")
      for item in inputs.errors { Console.error("  " + item.description) }
    case let denied as AuthorizationDenied:
      Console.error("zof: denied: \(denied.decision.action.rawValue) on \(denied.subject)")
      for reason in denied.decision.reasons { Console.error("  - \(reason)") }
      if let seq = denied.decision.auditSeq { Console.error("  recorded as audit event \(seq)") }
      return ExitStatus.gateFailed
    case let database as DatabaseError:
      Console.error("zof: error: store: " + database.description)
    case let operation as OperationError:
      Console.error("zof: error: " + operation.description)
    default:
      Console.error("zof: error: \(error)")
    }
    return ExitStatus.badInput
  }
}
