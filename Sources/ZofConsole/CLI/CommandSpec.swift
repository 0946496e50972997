import ZofCore

/// One option a command accepts: a flag, an option with one value, or one with a list.
struct OptionSpec: Sendable {
  enum Arity: Sendable { case flag, single, list }

  /// The long name with dashes, such as `--base`.
  let name: String
  let arity: Arity
  /// The value's placeholder in help, such as `REF`.
  let valueName: String
  /// What the option sets, with its unit.
  let help: String
  /// The default as shown in help, or nil when there is none.
  let defaultText: String?

  static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, arity: .flag, valueName: "", help: help, defaultText: nil)
  }

  static func value(_ name: String, _ valueName: String, _ help: String,
                    default defaultText: String? = nil) -> OptionSpec {
    OptionSpec(name: name, arity: .single, valueName: valueName, help: help,
               defaultText: defaultText)
  }

  static func list(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, arity: .list, valueName: valueName, help: help, defaultText: nil)
  }
}

/// A subcommand: its name, help text, options, positional arguments and action.
struct CommandSpec: Sendable {
  let name: String
  let summary: String
  /// The argument part of the usage line, such as `--base REF [--head REF]`.
  let usage: String
  /// Further explanation printed by `--help`, or empty.
  var discussion: String = ""
  var options: [OptionSpec] = []
  /// Positional arguments as named in help, such as `[DIR]`; empty for none.
  var positionals: [String] = []
  /// How many positional arguments are allowed, at least and at most.
  var positionalRange: ClosedRange<Int> = 0...0
  /// Nested commands such as `graph import`; when set, `run` handles only the bare form.
  var subcommands: [CommandSpec] = []
  /// Whether the command's words are hidden from `zof help`.
  var hidden = false
  let run: @Sendable (Invocation) throws -> Int32
}

/// Exit statuses every command uses.
enum ExitStatus {
  static let success: Int32 = 0
  /// A gate failed: a check failed, readiness is not met, the audit chain is broken.
  static let gateFailed: Int32 = 1
  /// Bad input or usage.
  static let badInput: Int32 = 2
}

/// A usage mistake on the command line, worded for people.
struct UsageError: Error, CustomStringConvertible {
  let message: String
  let hint: String?
  /// The command whose `--help` the message points to.
  let command: String?

  init(_ message: String, hint: String? = nil, command: String? = nil) {
    self.message = message
    self.hint = hint
    self.command = command
  }

  var description: String { message }
}
