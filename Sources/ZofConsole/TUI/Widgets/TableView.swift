/// A scrollable table with a header row, column layout and a selected row.
struct TableView: Sendable {
  /// A column: its title, how wide it is, and how cells align.
  struct Column: Sendable {
    enum Width: Sendable {
      case fixed(Int)
      /// Shares the columns left over by fixed ones, never below `minimum`.
      case flexible(minimum: Int)
    }

    var title: String
    var width: Width
    var alignRight = false

    init(_ title: String, width: Width, alignRight: Bool = false) {
      self.title = title
      self.width = width
      self.alignRight = alignRight
    }
  }

  /// The content of one cell.
  enum Content: Sendable, ExpressibleByStringLiteral {
    case text(String, role: ThemeRole? = nil)
    case progress(Double)

    init(stringLiteral value: String) { self = .text(value) }
  }

  struct Row: Sendable {
    var cells: [Content]
    init(_ cells: [Content]) { self.cells = cells }
  }

  var columns: [Column]
  private(set) var rows: [Row] = []
  private(set) var scroll = ScrollState()
  /// Text shown when there are no rows.
  var emptyText = "no items"

  init(columns: [Column], rows: [Row] = []) {
    self.columns = columns
    setRows(rows)
  }

  var selectedIndex: Int? { rows.isEmpty ? nil : scroll.selected }

  mutating func setRows(_ newRows: [Row]) {
    rows = newRows
    scroll.setCount(newRows.count)
  }

  mutating func select(_ index: Int) { scroll.select(index) }

  /// Applies a navigation action; returns whether it was one.
  mutating func handle(_ action: ActionID) -> Bool { scroll.handle(action) }

  /// Column widths for `total` columns of space, one space between columns.
  func columnWidths(total: Int) -> [Int] {
    let gaps = max(0, columns.count - 1)
    var fixedTotal = 0
    var flexibleCount = 0
    for column in columns {
      switch column.width {
      case .fixed(let width): fixedTotal += width
      case .flexible(let minimum):
        fixedTotal += minimum
        flexibleCount += 1
      }
    }
    var spare = max(0, total - gaps - fixedTotal)
    return columns.map { column in
      switch column.width {
      case .fixed(let width): return width
      case .flexible(let minimum):
        let share = flexibleCount > 0 ? spare / flexibleCount : 0
        flexibleCount -= 1
        spare -= share
        return minimum + share
      }
    }
  }

  /// Draws the header and the visible rows into `region`, scrolling to the selection.
  mutating func draw(into buffer: inout CellBuffer, region: Rect, focused: Bool = true) {
    guard !region.isEmpty else { return }
    let widths = columnWidths(total: region.width - 2)
    drawRow(columns.map { .text($0.title) }, widths: widths, into: &buffer, x: region.x + 1,
            y: region.y, role: .muted, attributes: .bold)
    let body = region.splitTop(1).rest
    guard !body.isEmpty else { return }
    if rows.isEmpty {
      buffer.text(emptyText, x: body.x + 1, y: body.y, maxWidth: body.width - 1, role: .muted)
      return
    }
    scroll.reveal(height: body.height)
    let last = min(rows.count, scroll.offset + body.height)
    for (line, index) in (scroll.offset..<last).enumerated() {
      let y = body.y + line
      let isSelected = index == scroll.selected
      if isSelected {
        buffer.fill(Rect(x: body.x, y: y, width: body.width, height: 1),
                    role: focused ? .selected : .muted, attributes: focused ? [] : .reverse)
      }
      var rowRole: ThemeRole?
      if isSelected { rowRole = focused ? .selected : .muted }
      drawRow(rows[index].cells, widths: widths, into: &buffer, x: body.x + 1, y: y,
              role: rowRole, attributes: isSelected && !focused ? .reverse : [])
    }
  }

  /// Draws one row; `role`, when set, overrides the cells' own roles (for the selection).
  private func drawRow(
    _ cells: [Content], widths: [Int], into buffer: inout CellBuffer, x: Int, y: Int,
    role: ThemeRole?, attributes: CellAttributes = []
  ) {
    var column = x
    for (index, width) in widths.enumerated() where index < cells.count {
      switch cells[index] {
      case .text(let text, let cellRole):
        let shown = CellBuffer.fit(text, width: width, alignRight: columns[index].alignRight)
        buffer.text(shown, x: column, y: y, maxWidth: width, role: role ?? cellRole ?? .text,
                    attributes: attributes)
      case .progress(let fraction):
        ProgressBar(fraction: fraction, role: role ?? .progress)
          .draw(into: &buffer, x: column, y: y, width: width)
      }
      column += width + 1
    }
  }
}
