/// Command mode: built-in commands, and the app's handler for everything else.
extension ConsoleApp {
  /// Commands the shell runs itself.
  static let builtinCommands = ["help", "quit", "theme"]

  var allCommandNames: [String] {
    Array(Set(Self.builtinCommands + commandNames)).sorted()
  }

  /// Runs a command line typed after `:`; returns the reactions to apply.
  func runCommand(_ line: String) -> [Reaction] {
    let words = line.split(separator: " ").map(String.init)
    guard let name = words.first else { return [.redraw] }
    let arguments = Array(words.dropFirst())
    switch name {
    case "q", "quit":
      return [.quit]
    case "help":
      mode = .help(ScrollState())
      return [.redraw]
    case "theme":
      return switchTheme(arguments)
    default:
      if let commandHandler { return commandHandler(line) }
      return [.message(.error, "unknown command \"\(name)\"; press Tab after : to list commands")]
    }
  }

  private func switchTheme(_ arguments: [String]) -> [Reaction] {
    guard arguments.count == 1 else {
      return [.message(.error, "usage: theme NAME (for example: theme light)")]
    }
    do {
      let loaded = try themeResolver.load(arguments[0])
      setTheme(loaded)
      return [.message(.info, "theme \(loaded.name) from \(loaded.source)")]
    } catch {
      let firstLine = String(describing: error).split(separator: "\n").first.map(String.init)
      return [.message(.error, firstLine ?? "theme \(arguments[0]) could not be loaded")]
    }
  }
}
