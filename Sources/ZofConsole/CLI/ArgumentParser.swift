import ZofCore

/// Options that apply to every command, accepted before or after the command name.
struct GlobalOptions: Sendable {
  var workspace: String?
  var logLevel: LogLevel = .info
  var actingAs: String?
  var help = false
  var version = false

  static let specs: [OptionSpec] = [
    .value("--workspace", "DIR", "workspace folder that contains zof.yaml",
           default: "$ZOF_WORKSPACE, else the nearest folder upward with zof.yaml"),
    .value("--log-level", "LEVEL",
           "detail written to zof.log beside the store: trace, debug, info, warning, error, off",
           default: "info"),
    .value("--as", "USER",
           "act as another user; only where the policy sets spec.identity.allowImpersonation"),
    .flag("--help", "show help for zof or for the command"),
    .flag("--version", "print the version"),
  ]
}

/// The parsed command line of one invocation.
struct ParsedArguments: Sendable {
  var global = GlobalOptions()
  /// The command path, such as `["graph", "import"]`.
  var commandPath: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []

  func value(_ name: String) -> String? { values[name]?.last }
  func list(_ name: String) -> [String] { values[name] ?? [] }
  func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A small parser for `zof [global options] COMMAND [SUBCOMMAND] [options] [arguments]`.
///
/// Long options only, as `--name value` or `--name=value`; a list option takes values until
/// the next word that starts with `--`; `--` ends options.
enum ArgumentParser {
  static func parse(_ arguments: [String], commands: [CommandSpec]) throws
    -> (ParsedArguments, CommandSpec?)
  {
    var parsed = ParsedArguments()
    var words = arguments[...]
    var command: CommandSpec?
    var onlyPositionals = false
    while let word = words.popFirst() {
      if onlyPositionals || !word.hasPrefix("--") || word == "--" {
        if word == "--" && !onlyPositionals {
          onlyPositionals = true
          continue
        }
        if command == nil {
          command = try findCommand(word, in: commands)
          parsed.commandPath = [word]
        } else if parsed.positionals.isEmpty, !command!.subcommands.isEmpty,
                  let sub = command!.subcommands.first(where: { $0.name == word }) {
          command = sub
          parsed.commandPath.append(word)
        } else {
          parsed.positionals.append(word)
        }
        continue
      }
      try parseOption(word, words: &words, command: command, into: &parsed)
    }
    if let command, !parsed.global.help {
      try checkPositionals(parsed, command: command)
    }
    return (parsed, command)
  }

  private static func findCommand(_ word: String, in commands: [CommandSpec]) throws
    -> CommandSpec
  {
    if let command = commands.first(where: { $0.name == word }) { return command }
    let names = commands.filter { !$0.hidden }.map(\.name)
    let hint = Suggestion.closest(to: word, in: names).map { "did you mean `zof \($0)`?" }
    throw UsageError("unknown command `\(word)`",
                     hint: hint ?? "run `zof help` to list the commands")
  }

  private static func parseOption(_ word: String, words: inout ArraySlice<String>,
                                  command: CommandSpec?, into parsed: inout ParsedArguments)
    throws
  {
    var name = word
    var inline: String?
    if let equals = word.firstIndex(of: "=") {
      name = String(word[..<equals])
      inline = String(word[word.index(after: equals)...])
    }
    let specs = GlobalOptions.specs + (command?.options ?? [])
    guard let spec = specs.first(where: { $0.name == name }) else {
      let hint = Suggestion.closest(to: name, in: specs.map(\.name)).map { "did you mean \($0)?" }
      let commandName = command?.name
      throw UsageError("unknown option \(name)" + (commandName.map { " for `zof \($0)`" } ?? ""),
                       hint: hint, command: commandName)
    }
    switch spec.arity {
    case .flag:
      if inline != nil { throw UsageError("option \(name) takes no value", command: command?.name) }
      try applyGlobalFlag(name, to: &parsed)
    case .single:
      guard let value = inline ?? words.popFirst(), inline != nil || !value.hasPrefix("--") else {
        throw UsageError("option \(name) needs a value (\(spec.valueName))",
                         command: command?.name)
      }
      try applyValue(name, value, to: &parsed)
    case .list:
      var values = inline.map { [$0] } ?? []
      while let next = words.first, !next.hasPrefix("--") {
        values.append(next)
        words.removeFirst()
      }
      guard !values.isEmpty else {
        throw UsageError("option \(name) needs at least one \(spec.valueName)",
                         command: command?.name)
      }
      parsed.values[name, default: []] += values
    }
  }

  private static func applyGlobalFlag(_ name: String, to parsed: inout ParsedArguments) throws {
    switch name {
    case "--help": parsed.global.help = true
    case "--version": parsed.global.version = true
    default: parsed.flags.insert(name)
    }
  }

  private static func applyValue(_ name: String, _ value: String,
                                 to parsed: inout ParsedArguments) throws {
    switch name {
    case "--workspace": parsed.global.workspace = value
    case "--as": parsed.global.actingAs = value
    case "--log-level":
      guard let level = LogLevel(name: value) else {
        throw UsageError("invalid --log-level `\(value)`",
                         hint: "use trace, debug, info, warning, error or off")
      }
      parsed.global.logLevel = level
    default: parsed.values[name, default: []].append(value)
    }
  }

  private static func checkPositionals(_ parsed: ParsedArguments, command: CommandSpec) throws {
    let count = parsed.positionals.count
    let range = command.positionalRange
    if count > range.upperBound {
      let extra = parsed.positionals[range.upperBound]
      var hint: String?
      if !command.subcommands.isEmpty {
        let names = command.subcommands.map(\.name)
        hint = Suggestion.closest(to: extra, in: names).map { "did you mean `\($0)`?" }
          ?? "subcommands: \(names.joined(separator: ", "))"
      }
      let path = parsed.commandPath.joined(separator: " ")
      throw UsageError("unexpected argument `\(extra)` for `zof \(path)`",
                       hint: hint, command: command.name)
    }
    if count < range.lowerBound {
      throw UsageError("`zof \(parsed.commandPath.joined(separator: " "))` needs "
                         + command.positionals.joined(separator: " "),
                       command: command.name)
    }
  }
}
