/// One row of a key table: the keys, what they do, and how the shell treats them.
struct KeyBinding: Sendable {
  /// Properties of a binding.
  struct Flags: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// The action changes stored state (approve, reject, rerun); read-only mode drops it.
    static let changesState = Flags(rawValue: 1 << 0)
    /// The binding is listed in the footer hints, not only in the help screen.
    static let hint = Flags(rawValue: 1 << 1)
  }

  var keys: [Key]
  var description: String
  var action: ActionID
  var flags: Flags

  init(_ keys: [Key], _ description: String, _ action: ActionID, flags: Flags = []) {
    self.keys = keys
    self.description = description
    self.action = action
    self.flags = flags
  }

  /// Keys as shown in help and hints, for example `j/Down`.
  var keyLabel: String { keys.map(\.description).joined(separator: "/") }

  /// The hint label: the first key only, to keep the footer short.
  var shortKeyLabel: String { keys.first?.description ?? "" }
}
