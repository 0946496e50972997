/// A selection in a list of `count` rows and the first row shown, kept consistent.
struct ScrollState: Equatable, Sendable {
  private(set) var selected = 0
  private(set) var offset = 0
  private(set) var count = 0
  /// Rows shown at the last draw; paging moves by this much.
  var pageHeight = 10

  /// Sets the number of rows, keeping the selection in range.
  mutating func setCount(_ newCount: Int) {
    count = max(0, newCount)
    select(selected)
  }

  mutating func select(_ index: Int) {
    selected = count == 0 ? 0 : min(max(0, index), count - 1)
  }

  /// Applies a navigation action; returns whether it was one.
  mutating func handle(_ action: ActionID) -> Bool {
    switch action {
    case .moveUp: select(selected - 1)
    case .moveDown: select(selected + 1)
    case .moveTop: select(0)
    case .moveBottom: select(count - 1)
    case .pageUp: select(selected - max(1, pageHeight - 1))
    case .pageDown: select(selected + max(1, pageHeight - 1))
    default: return false
    }
    return true
  }

  /// Adjusts the offset so the selection is visible in `height` rows.
  mutating func reveal(height: Int) {
    pageHeight = max(1, height)
    if selected < offset { offset = selected }
    if selected >= offset + pageHeight { offset = selected - pageHeight + 1 }
    offset = max(0, min(offset, max(0, count - pageHeight)))
  }
}
