/// An instruction to the shell after a pane or command handled something.
///
/// Panes return reactions instead of drawing or quitting themselves, so the shell decides
/// in one place when to redraw, reload or stop.
enum Reaction {
  /// Draw the screen again.
  case redraw
  /// Call the active pane's `reload()`, then redraw.
  case reload
  /// Leave the console.
  case quit
  /// Show a message in the footer; it clears itself after a few seconds.
  case message(MessageLevel, String)
  /// Run a command line as if typed after `:`.
  case runCommand(String)
  /// Ask the user a question on the footer line. `onAnswer` receives `yes` for a
  /// confirmation or the text of a comment, and is not called when the user cancels.
  case prompt(PromptLine, onAnswer: @MainActor (String) -> [Reaction])
}

/// The severity of a footer message, which selects the role it is drawn in.
enum MessageLevel: String, Sendable {
  case info, warning, error

  var role: ThemeRole {
    switch self {
    case .info: .info
    case .warning: .warning
    case .error: .error
    }
  }
}

/// A footer message with the time it was shown.
struct StatusMessage: Equatable, Sendable {
  var level: MessageLevel
  var text: String
  var shownAt: Double
  /// Whether a key was pressed while the message was shown. Until then the message stays,
  /// so a result that arrives unattended (a bisect, a finished run) remains readable.
  var seen = false
}
