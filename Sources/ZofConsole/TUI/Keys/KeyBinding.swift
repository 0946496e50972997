/// One row of a key table: the keys, what they do, and how the shell treats them.
struct KeyBinding: Sendable {
  /// Properties of a binding.
  struct Flags: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// The action changes stored state (approve, reject, rerun); read-only mode drops it.
    static let changesState = Flags(rawValue: 1 << 0)
  }

  var keys: [Key]
  var description: String
  var action: ActionID
  var flags: Flags
  /// A one- or two-word label for the footer; bindings without one appear only in help.
  var hint: String?

  init(
    _ keys: [Key], _ description: String, _ action: ActionID, flags: Flags = [],
    hint: String? = nil
  ) {
    self.keys = keys
    self.description = description
    self.action = action
    self.flags = flags
    self.hint = hint
  }

  /// Keys as shown in help and hints, for example `j/Down`.
  var keyLabel: String { keys.map(\.description).joined(separator: "/") }

  /// The hint label: the first key only, to keep the footer short.
  var shortKeyLabel: String { keys.first?.description ?? "" }
}
