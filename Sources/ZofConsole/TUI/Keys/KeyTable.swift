/// The key bindings of one pane (or of the shell), declared once; the same table resolves
/// keys, generates the help screen and the footer hints.
struct KeyTable: Sendable {
  /// The result of resolving a key press.
  enum Lookup: Equatable {
    case action(ActionID)
    /// The key is bound to a state-changing action and the console is read-only.
    case rejected(description: String, key: Key)
    case unbound
  }

  var title: String
  var bindings: [KeyBinding]

  init(_ title: String, _ bindings: [KeyBinding]) {
    self.title = title
    self.bindings = bindings
  }

  /// Resolves `key`; the first binding listing it wins.
  func lookup(_ key: Key, readOnly: Bool) -> Lookup {
    guard let binding = bindings.first(where: { $0.keys.contains(key) }) else { return .unbound }
    if readOnly && binding.flags.contains(.changesState) {
      return .rejected(description: binding.description, key: key)
    }
    return .action(binding.action)
  }

  /// Returns the bindings available in the given mode.
  func visibleBindings(readOnly: Bool) -> [KeyBinding] {
    bindings.filter { !(readOnly && $0.flags.contains(.changesState)) }
  }

  /// Footer hints such as `Enter open`, in table order.
  func hints(readOnly: Bool) -> [String] {
    visibleBindings(readOnly: readOnly).compactMap { binding in
      binding.hint.map { "\(binding.shortKeyLabel) \($0)" }
    }
  }
}

extension KeyTable {
  /// Movement in lists, trees and logs, shared by panes that show one.
  static let navigation = KeyTable("Navigation", [
    KeyBinding([.character("j"), .down], "move down", .moveDown),
    KeyBinding([.character("k"), .up], "move up", .moveUp),
    KeyBinding([.character("g"), .home], "go to the top", .moveTop),
    KeyBinding([.character("G"), .end], "go to the bottom (and follow a log)", .moveBottom),
    KeyBinding([.pageDown, .control("f")], "page down", .pageDown),
    KeyBinding([.pageUp, .control("b")], "page up", .pageUp),
    KeyBinding([.character("l"), .right], "expand a tree node", .expand),
    KeyBinding([.character("h"), .left], "collapse a tree node", .collapse),
    KeyBinding([.enter], "open the selected item", .open, hint: "open"),
    KeyBinding([.character("q"), .escape], "back out (quit from the top)", .back, hint: "back"),
  ])

  /// Keys the shell handles in every pane.
  static func global(paneTitles: [String]) -> KeyTable {
    var bindings = [
      KeyBinding([.tab], "next pane", .nextPane),
      KeyBinding([.backTab], "previous pane", .previousPane),
    ]
    for (index, title) in paneTitles.enumerated() where index < 9 {
      let digit = Character(String(index + 1))
      bindings.append(KeyBinding([.character(digit)], "show \(title)", .showPane(index + 1)))
    }
    bindings += [
      KeyBinding([.character("/")], "filter the list (incremental)", .filterMode,
                 hint: "filter"),
      KeyBinding([.character(":")], "enter a command", .commandMode, hint: "command"),
      KeyBinding([.character("r"), .control("l")], "refresh", .refresh),
      KeyBinding([.character("?"), .function(1)], "help", .help, hint: "help"),
      KeyBinding([.control("c")], "quit", .quit),
    ]
    return KeyTable("Global", bindings)
  }
}
