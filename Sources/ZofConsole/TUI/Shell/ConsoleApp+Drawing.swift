import Foundation
import ZofCore

/// Layout and drawing of the shell: header, tab bar, body and the two footer rows.
extension ConsoleApp {
  /// Draws the whole screen into `buffer`, or the too-small message below 80x24.
  func render(into buffer: inout CellBuffer) {
    let screen = buffer.bounds
    let minimum = Self.minimumSize
    guard screen.width >= minimum.width, screen.height >= minimum.height else {
      drawTooSmall(into: &buffer)
      return
    }
    let (header, belowHeader) = screen.splitTop(1)
    let (tabs, middle) = belowHeader.splitTop(1)
    let (body, footer) = middle.splitBottom(2)
    drawHeader(into: &buffer, region: header)
    drawTabs(into: &buffer, region: tabs)
    drawBody(into: &buffer, region: body)
    drawFooter(into: &buffer, region: footer)
  }

  /// Formats the message shown instead of the layout when the terminal is below 80x24.
  func tooSmallText(width: Int, height: Int) -> String {
    let minimum = Self.minimumSize
    return "terminal too small: need \(minimum.width)x\(minimum.height), have \(width)x\(height)"
  }

  private func drawTooSmall(into buffer: inout CellBuffer) {
    guard buffer.width > 0, buffer.height > 0 else { return }
    let words = tooSmallText(width: buffer.width, height: buffer.height)
      .split(separator: " ").map(String.init)
    let lines = Self.wrap(words, width: buffer.width)
    let top = max(0, (buffer.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < buffer.height {
      let x = max(0, (buffer.width - CharacterWidth.of(line)) / 2)
      buffer.text(line, x: x, y: top + index, role: .warning, attributes: .bold)
    }
  }

  /// Greedy word wrap; a word longer than `width` is cut by `text`'s truncation.
  static func wrap(_ words: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in words {
      if current.isEmpty {
        current = word
      } else if CharacterWidth.of(current) + 1 + CharacterWidth.of(word) <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  // MARK: - Header and tabs

  private func drawHeader(into buffer: inout CellBuffer, region: Rect) {
    buffer.fill(region, role: .header)
    let clock = Self.clockText(clock(), timeZone: timeZone)
    let clockWidth = CharacterWidth.of(clock)
    let rightEdge = region.maxX - clockWidth - 1
    buffer.text(clock, x: rightEdge, y: region.y, role: .header, attributes: .bold)
    let roles = status.roles.isEmpty ? "" : " (\(status.roles.joined(separator: ", ")))"
    let parts: [(String, ThemeRole)] = [
      (" Zof ", .header), (status.workspace, .header), ("  ", .header),
      (status.user + roles, .header), ("  store ", .header), (status.store.text, status.store.role),
      ("  audit ", .header), (status.audit.text, status.audit.role),
      (readOnly ? "  READ-ONLY" : "", .header),
    ]
    var x = region.x
    for (text, role) in parts where !text.isEmpty {
      let limit = rightEdge - 1 - x
      guard limit > 0 else { break }
      let attributes: CellAttributes = role == .header ? [] : .bold
      x += buffer.text(text, x: x, y: region.y, maxWidth: limit, role: role,
                       attributes: attributes)
    }
  }

  static func clockText(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    // Hours and minutes only, so the header fits in 80 columns next to the status.
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return NumberText.zeroPadded(parts.hour ?? 0, width: 2) + ":"
      + NumberText.zeroPadded(parts.minute ?? 0, width: 2)
  }

  private func drawTabs(into buffer: inout CellBuffer, region: Rect) {
    buffer.fill(region, role: .tab)
    var x = region.x
    for (index, pane) in panes.enumerated() {
      let label = " \(index + 1) \(pane.title) "
      let role: ThemeRole = index == activeIndex ? .tabActive : .tab
      x += buffer.text(label, x: x, y: region.y, maxWidth: region.maxX - x, role: role)
      x += 1
    }
  }

  // MARK: - Body and footer

  private func drawBody(into buffer: inout CellBuffer, region: Rect) {
    if case .help(var scroll) = mode {
      drawHelp(into: &buffer, region: region, scroll: &scroll)
      mode = .help(scroll)
      return
    }
    guard let pane = activePane else {
      buffer.text("no panes", x: region.x + 1, y: region.y, role: .muted)
      return
    }
    buffer.withClip(region) { clipped in
      pane.draw(into: &clipped, region: region)
    }
  }

  private func drawHelp(into buffer: inout CellBuffer, region: Rect, scroll: inout ScrollState) {
    let title = "Help: \(activePane?.title ?? "console")  (Esc, q or ? closes)"
    buffer.box(region, title: title)
    let inner = region.inset(by: 1)
    let lines = HelpScreen.lines(for: keyTables, readOnly: readOnly)
    scroll.setCount(max(0, lines.count - inner.height + 1))
    let first = scroll.selected
    for row in 0..<inner.height where first + row < lines.count {
      let line = lines[first + row]
      let isTitle = !line.hasPrefix(" ") && !line.isEmpty
      buffer.text(line, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 1,
                  role: isTitle ? .accent : .text, attributes: isTitle ? .bold : [])
    }
  }

  private func drawFooter(into buffer: inout CellBuffer, region: Rect) {
    let (hintRow, lineRow) = region.splitTop(1)
    buffer.fill(hintRow, role: .footer)
    let hints = footerHints.joined(separator: "  ")
    buffer.text(" " + hints, x: hintRow.x, y: hintRow.y, maxWidth: hintRow.width, role: .footer)
    drawModeLine(into: &buffer, region: lineRow)
  }

  /// Hints of the pane's table, then the global and navigation ones, so the pane's own
  /// keys survive truncation on narrow terminals.
  var footerHints: [String] {
    let tables = keyTables
    let ordered = [tables.first].compactMap { $0 } + tables.dropFirst().reversed()
    return ordered.flatMap { $0.hints(readOnly: readOnly) }
  }

  private func drawModeLine(into buffer: inout CellBuffer, region: Rect) {
    let x = region.x + 1
    let width = region.width - 1
    switch mode {
    case .command(let editor):
      editor.draw(into: &buffer, x: x, y: region.y, width: width, prompt: ":")
    case .filter(let editor):
      editor.draw(into: &buffer, x: x, y: region.y, width: width, prompt: "/")
    case .prompt(let prompt, _):
      prompt.draw(into: &buffer, x: x, y: region.y, width: width)
    case .normal, .help:
      if let message {
        let prefix = message.level == .info ? "" : "\(message.level.rawValue): "
        buffer.text(prefix + message.text, x: x, y: region.y, maxWidth: width,
                    role: message.level.role)
      } else if let filter = filters[safe: activeIndex], !filter.isEmpty {
        buffer.text("filter: \(filter)  (/ to change, Esc in / to clear)", x: x, y: region.y,
                    maxWidth: width, role: .muted)
      }
    }
  }
}
