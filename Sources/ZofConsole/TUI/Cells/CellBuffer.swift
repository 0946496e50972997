/// A grid of cells that views draw into; backends paint it.
///
/// Drawing never fails: anything outside the buffer or outside `clip` is dropped, and a
/// wide character that would not fit whole is not drawn. Coordinates are zero-based.
struct CellBuffer: Equatable, Sendable {
  let width: Int
  let height: Int
  private(set) var cells: [Cell]
  /// Drawing outside this rectangle is dropped; see `withClip`.
  private(set) var clip: Rect

  init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: .blank, count: self.width * self.height)
    self.clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
  }

  var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, x < width, y >= 0, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// Runs `body` with drawing limited to `rect` (within the current clip).
  mutating func withClip<T>(_ rect: Rect, _ body: (inout CellBuffer) throws -> T) rethrows -> T {
    let saved = clip
    clip = clip.intersection(rect)
    defer { clip = saved }
    return try body(&self)
  }

  // MARK: - Cell writes

  /// Writes one grapheme at `x`, `y`; returns the columns it advanced (0 when dropped).
  ///
  /// A zero-width character (a combining mark, a joiner) attaches to the cell on its left.
  /// Writing over half of a wide character blanks the other half.
  @discardableResult
  mutating func put(
    _ character: Character, x: Int, y: Int,
    role: ThemeRole = .text, attributes: CellAttributes = []
  ) -> Int {
    if CharacterWidth.isControl(character) { return 0 }
    let columns = CharacterWidth.of(character)
    if columns == 0 {
      attach(character, x: x - 1, y: y)
      return 0
    }
    guard clip.contains(x: x, y: y), clip.contains(x: x + columns - 1, y: y) else { return 0 }
    clearWide(x: x, y: y)
    if columns == 2 { clearWide(x: x + 1, y: y) }
    let text = String(character)
    cells[y * width + x] = Cell(text, width: columns, role: role, attributes: attributes)
    if columns == 2 {
      cells[y * width + x + 1] = .continuation(role: role, attributes: attributes)
    }
    return columns
  }

  /// Changes the style of the cell at `x`, `y` without changing its text.
  mutating func style(x: Int, y: Int, role: ThemeRole, attributes: CellAttributes = []) {
    guard clip.contains(x: x, y: y) else { return }
    cells[y * width + x].role = role
    cells[y * width + x].attributes = attributes
  }

  private mutating func attach(_ mark: Character, x: Int, y: Int) {
    var column = x
    if column >= 0, self[column, y].isContinuation { column -= 1 }
    guard clip.contains(x: column, y: y) else { return }
    cells[y * width + column].text.append(mark)
  }

  /// Blanks both halves of a wide character that overlaps column `x`.
  private mutating func clearWide(x: Int, y: Int) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let index = y * width + x
    let cell = cells[index]
    if cell.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", role: cells[index - 1].role)
      cells[index] = Cell(" ", role: cell.role)
    } else if cell.width == 2, x + 1 < width {
      cells[index + 1] = Cell(" ", role: cell.role)
      cells[index] = Cell(" ", role: cell.role)
    }
  }
}
