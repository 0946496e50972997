/// A key press as the console sees it, independent of the terminal backend.
enum Key: Hashable, Sendable, CustomStringConvertible {
  case character(Character)
  /// Ctrl plus a letter, stored lowercase.
  case control(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
  /// The terminal changed size; the backend reports it like a key.
  case resize

  /// The name shown in help and hints, such as `j`, `Down`, `PgUp` or `Ctrl-L`.
  var description: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .control(let letter): return "Ctrl-\(letter.uppercased())"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .function(let number): return "F\(number)"
    case .resize: return "resize"
    }
  }
}
