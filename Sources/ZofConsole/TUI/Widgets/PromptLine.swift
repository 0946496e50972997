import Foundation

/// A one-line prompt for a yes/no confirmation or a comment.
struct PromptLine: Sendable {
  enum Kind: Equatable, Sendable {
    /// `y` confirms; `n` or Esc cancels.
    case confirm
    /// Free text; Enter submits. With `required`, an empty comment is not accepted.
    case comment(required: Bool)
  }

  enum Outcome: Equatable, Sendable {
    case editing
    /// The result: `yes` for a confirmation, the text for a comment.
    case submitted(String)
    case cancelled
  }

  var question: String
  var kind: Kind
  /// The footer message when the user says no or presses Esc.
  var cancelMessage = "cancelled"
  private(set) var editor = LineEditor()
  /// Set when the last key was rejected, such as Enter on an empty required comment.
  private(set) var problem: String?

  init(question: String, kind: Kind) {
    self.question = question
    self.kind = kind
  }

  mutating func handle(_ key: Key) -> Outcome {
    problem = nil
    if key == .escape { return .cancelled }
    switch kind {
    case .confirm:
      switch key {
      case .character("y"), .character("Y"): return .submitted("yes")
      case .character("n"), .character("N"): return .cancelled
      default:
        problem = "press y to confirm or n to cancel"
        return .editing
      }
    case .comment(let required):
      if key == .enter {
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        if required && text.isEmpty {
          problem = "a comment is required"
          return .editing
        }
        return .submitted(text)
      }
      editor.handle(key)
      return .editing
    }
  }

  /// Draws the question and the answer so far on one row.
  func draw(into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
    switch kind {
    case .confirm:
      var used = buffer.text(question + " [y/n] ", x: x, y: y, maxWidth: width, role: .prompt)
      if let problem {
        used += buffer.text(problem, x: x + used, y: y, maxWidth: width - used, role: .warning)
      }
    case .comment:
      let prompt = question + (problem.map { " (\($0))" } ?? "") + ": "
      editor.draw(into: &buffer, x: x, y: y, width: width, prompt: prompt)
    }
  }
}
