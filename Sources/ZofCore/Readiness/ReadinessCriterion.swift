/// One condition a ref must meet before it may go to an environment, as the policy's
/// `spec.readiness` lists it.
///
/// ```yaml
/// readiness:
///   production:
///     - criterion: workflow-checks-passed
///       criticality: [high, critical]
///     - criterion: no-open-incidents
///       severities: [sev1, sev2]
///     - criterion: no-open-proposals
///     - criterion: flake-budget
///       max: 2
///     - criterion: signoff
///   default: [...]        # environments without a list of their own
/// ```
public enum ReadinessCriterion: Sendable, Equatable {
  /// Every check covering a workflow of these criticalities passed on the ref's commit;
  /// quarantined checks are named but not counted.
  case workflowChecksPassed(criticalities: [String])
  /// No open incident of these severities on an entity the changes since the last ready
  /// ref affect (on any entity when no ref was ready before).
  case noOpenIncidents(severities: [String])
  /// No remediation proposal still waiting for validation or approval for this commit.
  case noOpenProposals
  /// At most this many checks quarantined.
  case flakeBudget(max: Int)
  /// The release request for this ref and environment is approved under the policy's
  /// `release.signoff` rule, by people distinct from the authors of the commits since the
  /// last ready ref.
  case signoff

  public var name: String {
    switch self {
    case .workflowChecksPassed: "workflow-checks-passed"
    case .noOpenIncidents: "no-open-incidents"
    case .noOpenProposals: "no-open-proposals"
    case .flakeBudget: "flake-budget"
    case .signoff: "signoff"
    }
  }

  /// The criteria that apply when the policy lists none: sign-off only for production.
  public static func defaults(environment: String) -> [ReadinessCriterion] {
    var criteria: [ReadinessCriterion] = [
      .workflowChecksPassed(criticalities: ["high", "critical"]),
      .noOpenIncidents(severities: ["sev1", "sev2"]),
      .noOpenProposals,
      .flakeBudget(max: 3),
    ]
    if environment == "production" { criteria.append(.signoff) }
    return criteria
  }

  /// Reads the criteria for `environment` from the policy's `spec.readiness`; nil when the
  /// policy has no list for it (nor a `default` list).
  public static func parse(_ node: YAMLNode?, environment: String, file: String) throws
    -> [ReadinessCriterion]?
  {
    guard let node else { return nil }
    guard let list = node[environment] ?? node["default"] else { return nil }
    guard let items = list.array else {
      throw error("spec.readiness.\(environment) must be a list of criteria", list, file)
    }
    return try items.map { try criterion($0, file: file) }
  }

  static func criterion(_ node: YAMLNode, file: String) throws -> ReadinessCriterion {
    let name = node["criterion"]?.string ?? node.string ?? ""
    switch name {
    case "workflow-checks-passed":
      return .workflowChecksPassed(criticalities: node["criticality"]?.strings
                                     ?? ["high", "critical"])
    case "no-open-incidents":
      return .noOpenIncidents(severities: node["severities"]?.strings ?? ["sev1", "sev2"])
    case "no-open-proposals":
      return .noOpenProposals
    case "flake-budget":
      guard let max = node["max"]?.int, max >= 0 else {
        throw error("flake-budget needs `max`, a whole number of 0 or more", node, file)
      }
      return .flakeBudget(max: max)
    case "signoff":
      return .signoff
    default:
      throw error("unknown readiness criterion `\(name)`", node, file,
                  hint: "use workflow-checks-passed, no-open-incidents, no-open-proposals, "
                    + "flake-budget or signoff")
    }
  }

  static func error(_ message: String, _ node: YAMLNode, _ file: String,
                    hint: String? = nil) -> InputError {
    InputError(message, at: SourceLocation(file: file, line: node.mark.line,
                                           column: node.mark.column), hint: hint)
  }
}
