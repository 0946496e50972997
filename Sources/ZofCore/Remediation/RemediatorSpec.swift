import Foundation

/// What a Remediator entity asks for: how it proposes a fix and whether it starts by itself.
public struct RemediatorSpec: Sendable, Equatable {
  /// How the remediator proposes a fix.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Reverts the first bad commit that bisect found.
    case revert
    /// Proposes to quarantine a flaky check for a while.
    case quarantine
    /// Runs an external program in a worktree and takes whatever it changes.
    case command
  }

  public var name: String
  public var kind: Kind
  /// The program of a `command` remediator; nil for the other kinds.
  public var invocation: CheckSpec.Invocation?
  /// Seconds before a `command` remediator is stopped.
  public var timeout: Double
  /// Variables set for a `command` remediator, on top of the clean base environment.
  public var env: [String: String]
  /// How long an approved quarantine lasts, in seconds.
  public var expires: Double
  /// Whether the remediator starts on failures by itself (`spec.auto: true`).
  public var auto: Bool

  public static let defaultTimeout: Double = 600
  public static let defaultExpiry: Double = 14 * 86400

  /// The agent identity the remediator acts as.
  public var actor: Actor { .remediator(name) }

  public init(name: String, kind: Kind, invocation: CheckSpec.Invocation? = nil,
              timeout: Double = RemediatorSpec.defaultTimeout, env: [String: String] = [:],
              expires: Double = RemediatorSpec.defaultExpiry, auto: Bool = false) {
    self.name = name
    self.kind = kind
    self.invocation = invocation
    self.timeout = timeout
    self.env = env
    self.expires = expires
    self.auto = auto
  }

  /// Reads the spec of a Remediator entity; throws `InputError` at the offending field.
  public init(entity: Entity) throws {
    let fields = SpecFields(entity: entity)
    guard entity.kind.lowercased() == "remediator" else {
      throw fields.error("entity \(entity.ref.short) is a \(entity.kind), not a Remediator")
    }
    let typeText = try fields.string("type") ?? ""
    guard let kind = Kind(rawValue: typeText) else {
      throw fields.error("spec.type '\(typeText)' is not a remediator type", at: "type",
                         hint: "use revert, quarantine or command")
    }
    name = entity.name
    self.kind = kind
    invocation = kind == .command ? try Self.invocation(fields) : nil
    timeout = try fields.duration("timeout") ?? Self.defaultTimeout
    env = try fields.stringMap("env")
    expires = try fields.duration("expires") ?? Self.defaultExpiry
    auto = try Self.flag(fields, "auto")
  }

  private static func invocation(_ fields: SpecFields) throws -> CheckSpec.Invocation {
    let run = try fields.string("run")
    let command = try fields.strings("command")
    switch (run, command) {
    case (let script?, nil) where !script.isEmpty:
      return .shell(script)
    case (nil, let argv?) where !argv.isEmpty:
      return .argv(argv)
    case (.some, .some):
      throw fields.error("spec.run and spec.command are both set", at: "command",
                         hint: "keep one: run is a shell script, command an argv list")
    default:
      throw fields.error("a command remediator needs spec.run or spec.command",
                         hint: "add `run: <shell command>` or `command: [program, args]`")
    }
  }

  private static func flag(_ fields: SpecFields, _ key: String) throws -> Bool {
    guard let node = fields.spec?[key], !node.isNull else { return false }
    guard let value = node.bool else {
      throw InputError("spec.\(key) must be true or false", at: fields.location(of: node))
    }
    return value
  }

  /// The remediators in `graph`, by name; throws for the first invalid one.
  public static func all(in graph: SystemGraph) throws -> [RemediatorSpec] {
    try graph.ids(ofKind: "remediator").map { try RemediatorSpec(entity: graph[$0]) }
      .sorted { $0.name < $1.name }
  }

  /// The remediator named `name` (or `remediator:name`) in `graph`.
  public static func named(_ name: String, in graph: SystemGraph) throws -> RemediatorSpec {
    let bare = name.hasPrefix("remediator:") ? String(name.dropFirst(11)) : name
    let ids = graph.ids(ofKind: "remediator")
    guard let id = ids.first(where: { graph[$0].name == bare.lowercased() || graph[$0].name == bare })
    else {
      let names = ids.map { graph[$0].name }
      let hint = Suggestion.closest(to: bare, in: names).map { "did you mean `\($0)`?" }
      throw InputError("no remediator `\(name)` in the catalog",
                       hint: hint ?? (names.isEmpty ? "the catalog defines no Remediator"
                                      : "remediators: \(names.joined(separator: ", "))"))
    }
    return try RemediatorSpec(entity: graph[id])
  }
}
