/// The name of something a key does, such as `move.down` or `approval.approve`.
///
/// Panes define their own identifiers; the common ones are below.
struct ActionID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible {
  let rawValue: String

  init(rawValue: String) { self.rawValue = rawValue }
  init(stringLiteral value: String) { self.rawValue = value }

  var description: String { rawValue }

  // Navigation, handled by list-like widgets.
  static let moveUp: ActionID = "move.up"
  static let moveDown: ActionID = "move.down"
  static let moveTop: ActionID = "move.top"
  static let moveBottom: ActionID = "move.bottom"
  static let pageUp: ActionID = "move.page-up"
  static let pageDown: ActionID = "move.page-down"
  static let expand: ActionID = "move.expand"
  static let collapse: ActionID = "move.collapse"
  static let open: ActionID = "open"
  static let back: ActionID = "back"

  // The shell's own actions.
  static let nextPane: ActionID = "shell.next-pane"
  static let previousPane: ActionID = "shell.previous-pane"
  static let commandMode: ActionID = "shell.command"
  static let filterMode: ActionID = "shell.filter"
  static let help: ActionID = "shell.help"
  static let refresh: ActionID = "shell.refresh"
  static let quit: ActionID = "shell.quit"

  /// The action that shows pane number `number` (1-based).
  static func showPane(_ number: Int) -> ActionID { ActionID(rawValue: "shell.pane.\(number)") }

  /// The pane number of a `showPane` action.
  var paneNumber: Int? {
    guard rawValue.hasPrefix("shell.pane.") else { return nil }
    return Int(rawValue.dropFirst("shell.pane.".count))
  }
}
