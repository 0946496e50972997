extension CheckSpec {
  /// Reads the spec of a Check entity.
  ///
  /// Throws `InputError` at the offending field for a missing or doubled command, a
  /// malformed timeout, a negative retry count, an unknown report format or a workdir that
  /// leaves the repository.
  public init(entity: Entity) throws {
    let fields = SpecFields(entity: entity)
    guard entity.kind.lowercased() == "check" else {
      throw fields.error("entity \(entity.ref.short) is a \(entity.kind), not a Check")
    }
    let run = try fields.string("run")
    let command = try fields.strings("command")
    switch (run, command) {
    case (let script?, nil):
      invocation = .shell(script)
    case (nil, let argv?) where !argv.isEmpty:
      invocation = .argv(argv)
    case (.some, .some):
      throw fields.error("spec.run and spec.command are both set", at: "command",
                         hint: "keep one: run is a shell script, command an argv list")
    default:
      throw fields.error("spec.run or spec.command is required",
                         hint: "add `run: <shell command>` or `command: [program, args]`")
    }
    ref = entity.ref
    domain = try fields.string("domain")
    covers = try fields.strings("covers") ?? []
    workdir = try fields.workdir()
    environments = try fields.strings("environment") ?? []
    timeout = try fields.duration("timeout") ?? CheckSpec.defaultTimeout
    retries = try fields.count("retries", minimum: 0) ?? 0
    report = try fields.report()
    env = try fields.stringMap("env")
  }
}

extension FleetSpec {
  /// Reads the spec of a Fleet entity.
  public init(entity: Entity) throws {
    let fields = SpecFields(entity: entity)
    guard entity.kind.lowercased() == "fleet" else {
      throw fields.error("entity \(entity.ref.short) is a \(entity.kind), not a Fleet")
    }
    name = entity.name
    domains = try fields.strings("domains") ?? []
    concurrency = try fields.count("concurrency", minimum: 1) ?? 1
    environments = try fields.strings("environments") ?? []
  }
}
