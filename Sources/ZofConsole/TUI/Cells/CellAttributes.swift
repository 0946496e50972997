/// Text attributes a terminal cell can carry, independent of colour.
struct CellAttributes: OptionSet, Hashable, Sendable {
  let rawValue: UInt8

  static let bold = CellAttributes(rawValue: 1 << 0)
  static let underline = CellAttributes(rawValue: 1 << 1)
  static let reverse = CellAttributes(rawValue: 1 << 2)
  static let dim = CellAttributes(rawValue: 1 << 3)

  /// Names used in theme files, in a fixed order.
  static let named: [(name: String, value: CellAttributes)] = [
    ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
  ]

  var names: [String] {
    Self.named.filter { contains($0.value) }.map(\.name)
  }
}
