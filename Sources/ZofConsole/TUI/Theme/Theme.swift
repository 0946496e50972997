/// A named mapping from every `ThemeRole` to a `RoleStyle`.
struct Theme: Equatable, Sendable {
  var name: String
  /// The origin of the theme: a file path, or `built-in`.
  var source: String
  private(set) var styles: [ThemeRole: RoleStyle]

  init(name: String, source: String, styles: [ThemeRole: RoleStyle]) {
    self.name = name
    self.source = source
    self.styles = styles
  }

  /// Returns the style for `role`. Roles the theme leaves out use the built-in default.
  func style(for role: ThemeRole) -> RoleStyle {
    if let style = styles[role] { return style }
    return BuiltinThemes.defaultTheme.styles[role] ?? RoleStyle()
  }

  /// Roles the theme sets itself.
  var definedRoles: Set<ThemeRole> { Set(styles.keys) }
}
