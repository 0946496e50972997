/// A horizontal progress bar with a percentage, such as `██████░░░░  60%`.
struct ProgressBar: Equatable, Sendable {
  /// Completed fraction; values outside 0...1 are clamped.
  var fraction: Double
  var role: ThemeRole = .progress

  static let filled: Character = "█"
  static let empty: Character = "░"

  /// The percentage label, always four columns.
  var label: String {
    let percent = Int((clamped * 100).rounded(.down))
    return CellBuffer.fit("\(percent)%", width: 4, alignRight: true)
  }

  private var clamped: Double { fraction.isFinite ? min(1, max(0, fraction)) : 0 }

  /// Draws the bar and label in `width` columns at `x`, `y`; below 6 columns only the label.
  func draw(into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
    guard width > 0 else { return }
    guard width >= 6 else {
      buffer.text(label.trimmingLeadingSpaces, x: x, y: y, maxWidth: width, role: role)
      return
    }
    let barWidth = width - 5
    let filledCount = Int((clamped * Double(barWidth)).rounded(.down))
    for offset in 0..<barWidth {
      let character = offset < filledCount ? Self.filled : Self.empty
      let cellRole: ThemeRole = offset < filledCount ? role : .muted
      buffer.put(character, x: x + offset, y: y, role: cellRole)
    }
    buffer.text(" " + label, x: x + barWidth, y: y, maxWidth: 5, role: role)
  }
}

extension String {
  fileprivate var trimmingLeadingSpaces: String {
    String(drop { $0 == " " })
  }
}
