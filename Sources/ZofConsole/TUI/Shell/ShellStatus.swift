/// The header line's content. The data layer updates it, typically from `tick`.
struct ShellStatus: Equatable, Sendable {
  /// A short value with the role it is drawn in, such as `ok` in the `ok` role.
  struct Value: Equatable, Sendable {
    var text: String
    var role: ThemeRole

    init(_ text: String, role: ThemeRole = .text) {
      self.text = text
      self.role = role
    }
  }

  var workspace: String
  var user: String
  var roles: [String]
  var store: Value
  var audit: Value

  init(
    workspace: String = "-", user: String = "-", roles: [String] = [],
    store: Value = Value("unknown", role: .muted), audit: Value = Value("unknown", role: .muted)
  ) {
    self.workspace = workspace
    self.user = user
    self.roles = roles
    self.store = store
    self.audit = audit
  }
}
