/// Checks the spec fields of Zof's own kinds, so a bad value is rejected at import with its
/// position instead of surfacing later in a run.
enum KindValidator {
  static let criticalities = ["low", "medium", "high", "critical"]
  static let severities = ["sev1", "sev2", "sev3", "sev4"]
  static let incidentStatuses = ["open", "resolved"]
  static let tiers = ["development", "ci", "staging", "production"]
  static let reportFormats = ["junit", "tap", "exit-code"]

  static func validate(_ entity: Entity) throws {
    guard entity.isZofKind else { return }
    let spec = entity.spec
    switch entity.kind.lowercased() {
    case "workflow":
      try oneOf(spec?["criticality"], criticalities, "spec.criticality", entity)
      if spec?["steps"]?.array == nil {
        throw InputError("Workflow \(entity.name) needs `spec.steps`, a list of entity refs",
                         at: position(spec, entity))
      }
    case "check":
      try validateCheck(entity)
    case "fleet":
      if let node = spec?["concurrency"], (node.int ?? 0) < 1 {
        throw InputError("invalid spec.concurrency `\(node.string ?? "")`",
                         at: position(node, entity), hint: "use a whole number of 1 or more")
      }
    case "environment":
      try oneOf(spec?["tier"], tiers, "spec.tier", entity)
    case "incident":
      try oneOf(spec?["severity"], severities, "spec.severity", entity)
      try oneOf(spec?["status"], incidentStatuses, "spec.status", entity)
    default:
      break
    }
  }

  private static func validateCheck(_ entity: Entity) throws {
    let spec = entity.spec
    if spec?["run"] == nil && spec?["command"] == nil {
      throw InputError("Check \(entity.name) needs `spec.run` (a shell string) or "
                         + "`spec.command` (an argv list)", at: position(spec, entity))
    }
    if let node = spec?["timeout"] {
      guard let text = node.string, DurationText.seconds(text) != nil else {
        throw InputError("malformed duration `\(node.string ?? "")` in spec.timeout",
                         at: position(node, entity),
                         hint: "write a number and a unit: 500ms, 30s, 5m, 2h")
      }
    }
    if let node = spec?["retries"], (node.int ?? -1) < 0 {
      throw InputError("invalid spec.retries `\(node.string ?? "")`", at: position(node, entity),
                       hint: "use a whole number of 0 or more")
    }
    if let report = spec?["report"] {
      try oneOf(report["format"] ?? report, reportFormats, "spec.report.format", entity)
    }
  }

  private static func oneOf(_ node: YAMLNode?, _ allowed: [String], _ field: String,
                            _ entity: Entity) throws {
    guard let node else { return }
    guard let text = node.string, allowed.contains(text.lowercased()) else {
      throw InputError("invalid \(field) `\(node.string ?? "")` for \(entity.ref.short)",
                       at: position(node, entity),
                       hint: "use one of: \(allowed.joined(separator: ", "))")
    }
  }

  private static func position(_ node: YAMLNode?, _ entity: Entity) -> SourceLocation {
    guard let node else { return entity.location }
    return SourceLocation(file: entity.location.file, line: node.mark.line,
                          column: node.mark.column)
  }
}
