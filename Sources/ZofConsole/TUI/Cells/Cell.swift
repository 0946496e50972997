/// One terminal cell: a grapheme cluster with its style.
///
/// A wide character occupies its cell (width 2) and the next one, which contains a
/// continuation cell (width 0, empty text) so the grid stays one entry per column.
struct Cell: Equatable, Sendable {
  /// The grapheme cluster shown; empty in a continuation cell.
  var text: String
  /// Columns the text takes: 1, 2 for a wide character, 0 for a continuation cell.
  var width: Int
  var role: ThemeRole
  var attributes: CellAttributes

  init(_ text: String, width: Int = 1, role: ThemeRole = .text, attributes: CellAttributes = []) {
    self.text = text
    self.width = width
    self.role = role
    self.attributes = attributes
  }

  static let blank = Cell(" ")

  var isContinuation: Bool { width == 0 }

  static func continuation(role: ThemeRole, attributes: CellAttributes) -> Cell {
    Cell("", width: 0, role: role, attributes: attributes)
  }
}
