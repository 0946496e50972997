/// Produces `zof help` and `zof COMMAND --help` from the command specs, so help never
/// drifts from what the parser accepts.
enum HelpFormatter {
  static func overview(_ commands: [CommandSpec]) -> String {
    var lines = [
      "zof: a reliability control plane for the terminal",
      "",
      "usage: zof [--workspace DIR] [--as USER] [--log-level LEVEL] COMMAND [options]",
      "",
      "commands:",
    ]
    let visible = commands.filter { !$0.hidden }
    let width = (visible.map(\.name.count).max() ?? 0) + 2
    for command in visible {
      lines.append("  " + pad(command.name, width) + command.summary)
    }
    lines += ["", "global options:"]
    lines += optionLines(GlobalOptions.specs)
    lines += [
      "",
      "exit status: 0 success, 1 a gate or check failed, 2 bad input or usage",
      "run `zof COMMAND --help` for a command's options",
    ]
    return lines.joined(separator: "\n")
  }

  static func command(_ spec: CommandSpec, path: [String]) -> String {
    var lines = ["usage: zof \(path.joined(separator: " ")) \(spec.usage)", "", spec.summary]
    if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
    if !spec.subcommands.isEmpty {
      lines += ["", "subcommands:"]
      let width = (spec.subcommands.map(\.name.count).max() ?? 0) + 2
      for sub in spec.subcommands { lines.append("  " + pad(sub.name, width) + sub.summary) }
    }
    if !spec.options.isEmpty {
      lines += ["", "options:"]
      lines += optionLines(spec.options)
    }
    lines += ["", "global options (before or after the command):"]
    lines += optionLines(GlobalOptions.specs)
    return lines.joined(separator: "\n")
  }

  private static func optionLines(_ options: [OptionSpec]) -> [String] {
    let labels = options.map { option -> String in
      switch option.arity {
      case .flag: option.name
      case .single: "\(option.name) \(option.valueName)"
      case .list: "\(option.name) \(option.valueName)..."
      }
    }
    let width = min(28, (labels.map(\.count).max() ?? 0) + 2)
    var lines: [String] = []
    for (label, option) in zip(labels, options) {
      var text = option.help
      if let defaultText = option.defaultText { text += " (default: \(defaultText))" }
      if label.count + 2 > width {
        lines.append("  " + label)
        lines.append("  " + pad("", width) + text)
      } else {
        lines.append("  " + pad(label, width) + text)
      }
    }
    return lines
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
