import ZofCore

/// Read-only lines of text with roles, scrolled a line or a page at a time, for details,
/// evidence and diffs. Text is sanitized on the way in, because much of it comes from
/// outside (catalog files, check output, evidence JSON).
struct TextPanel: Sendable {
  struct Line: Equatable, Sendable {
    var text: String
    var role: ThemeRole
  }

  private(set) var lines: [Line] = []
  private(set) var top = 0
  private var pageHeight = 10
  var emptyText = "nothing to show"

  init(_ lines: [Line] = []) {
    self.lines = lines
  }

  mutating func setLines(_ newLines: [Line]) {
    lines = newLines
    top = min(top, max(0, lines.count - 1))
  }

  /// Appends `text`, split at newlines, in `role`.
  mutating func append(_ text: String, role: ThemeRole = .text) {
    let clean = TerminalText.sanitize(text)
    for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(Line(text: String(line), role: role))
    }
  }

  mutating func scrollToTop() { top = 0 }

  /// Applies a scrolling action; returns whether it was one.
  mutating func handle(_ action: ActionID) -> Bool {
    let last = max(0, lines.count - pageHeight)
    switch action {
    case .moveUp: top = max(0, top - 1)
    case .moveDown: top = min(last, top + 1)
    case .pageUp: top = max(0, top - max(1, pageHeight - 1))
    case .pageDown: top = min(last, top + max(1, pageHeight - 1))
    case .moveTop: top = 0
    case .moveBottom: top = last
    default: return false
    }
    return true
  }

  mutating func draw(into buffer: inout CellBuffer, region: Rect) {
    guard !region.isEmpty else { return }
    pageHeight = max(1, region.height)
    guard !lines.isEmpty else {
      buffer.text(emptyText, x: region.x + 1, y: region.y, maxWidth: region.width - 1,
                  role: .muted)
      return
    }
    top = min(top, max(0, lines.count - pageHeight))
    let last = min(lines.count, top + pageHeight)
    for (row, index) in (top..<last).enumerated() {
      buffer.text(lines[index].text, x: region.x + 1, y: region.y + row,
                  maxWidth: region.width - 1, role: lines[index].role)
    }
  }
}

extension TextPanel.Line {
  init(_ text: String, _ role: ThemeRole = .text) {
    self.init(text: TerminalText.sanitize(text), role: role)
  }
}
