/// Generates the help text from key tables, so help never drifts from the bindings.
enum HelpScreen {
  /// Lines of help: one section per table, each binding as `keys  description`, with
  /// state-changing bindings left out in read-only mode.
  static func lines(for tables: [KeyTable], readOnly: Bool) -> [String] {
    let visible = tables.map { ($0.title, $0.visibleBindings(readOnly: readOnly)) }
    let keyWidth = visible.flatMap { $0.1 }.map { CharacterWidth.of($0.keyLabel) }.max() ?? 0
    var lines: [String] = []
    if readOnly {
      lines.append("Read-only mode: actions that change state are hidden.")
      lines.append("")
    }
    for (title, bindings) in visible where !bindings.isEmpty {
      if !lines.isEmpty && lines.last != "" { lines.append("") }
      lines.append(title)
      for binding in bindings {
        let marker = binding.flags.contains(.changesState) ? " *" : ""
        lines.append("  " + CellBuffer.fit(binding.keyLabel, width: keyWidth) + "  "
          + binding.description + marker)
      }
    }
    let hasStateChanges = tables.contains { table in
      table.bindings.contains { $0.flags.contains(.changesState) }
    }
    if !readOnly && hasStateChanges {
      lines.append("")
      lines.append("* changes state; not available in read-only mode")
    }
    return lines
  }
}
