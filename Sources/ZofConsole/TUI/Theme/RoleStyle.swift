/// The colours and attributes of one role.
struct RoleStyle: Equatable, Hashable, Sendable {
  var foreground: ThemeColor
  var background: ThemeColor
  var attributes: CellAttributes

  init(
    foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
    attributes: CellAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }
}
