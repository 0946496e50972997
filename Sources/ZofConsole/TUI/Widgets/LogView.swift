import ZofCore

/// A scrolling view of log lines with follow mode.
///
/// While following, the view stays at the end as lines arrive. Scrolling up stops
/// following; `moveBottom` (G or End) resumes it.
struct LogView: Sendable {
  struct Line: Equatable, Sendable {
    var text: String
    var role: ThemeRole
  }

  private(set) var lines: [Line] = []
  private(set) var isFollowing = true
  /// Index of the first line shown.
  private(set) var top = 0
  private var pageHeight = 10
  /// Lines kept; older lines are dropped first.
  var capacity: Int

  init(capacity: Int = 10_000) {
    self.capacity = max(1, capacity)
  }

  /// Appends text, which may hold several lines. The text is sanitized here, because
  /// log text comes from checks and is untrusted.
  mutating func append(_ text: String, role: ThemeRole = .text) {
    let clean = TerminalText.sanitize(text)
    for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(Line(text: String(line), role: role))
    }
    if lines.count > capacity {
      let excess = lines.count - capacity
      lines.removeFirst(excess)
      top = max(0, top - excess)
    }
  }

  mutating func removeAll() {
    lines.removeAll()
    top = 0
  }

  /// Applies a scrolling action; returns whether it was one.
  mutating func handle(_ action: ActionID) -> Bool {
    let lastTop = max(0, lines.count - pageHeight)
    switch action {
    case .moveUp: scroll(to: top - 1)
    case .moveDown: scroll(to: top + 1)
    case .pageUp: scroll(to: top - max(1, pageHeight - 1))
    case .pageDown: scroll(to: top + max(1, pageHeight - 1))
    case .moveTop: scroll(to: 0)
    case .moveBottom:
      top = lastTop
      isFollowing = true
    default:
      return false
    }
    return true
  }

  /// Moves the first shown line; any move away from the end stops following.
  private mutating func scroll(to line: Int) {
    let lastTop = max(0, lines.count - pageHeight)
    top = min(max(0, line), lastTop)
    isFollowing = false
  }

  /// Draws the lines into `region` and a status line on its last row.
  mutating func draw(into buffer: inout CellBuffer, region: Rect) {
    guard !region.isEmpty else { return }
    let (body, status) = region.height > 1 ? region.splitBottom(1) : (region, Rect.zero)
    pageHeight = max(1, body.height)
    if isFollowing { top = max(0, lines.count - pageHeight) }
    top = min(top, max(0, lines.count - pageHeight))
    let last = min(lines.count, top + pageHeight)
    for (row, index) in (top..<last).enumerated() {
      buffer.text(lines[index].text, x: body.x + 1, y: body.y + row, maxWidth: body.width - 1,
                  role: lines[index].role)
    }
    guard !status.isEmpty else { return }
    let range = lines.isEmpty ? "no lines" : "lines \(top + 1)-\(last) of \(lines.count)"
    let mode = isFollowing ? "following" : "paused, G to follow"
    buffer.text("\(range)  [\(mode)]", x: status.x + 1, y: status.y, maxWidth: status.width - 1,
                role: .muted)
  }
}
