/// Turns selected checks into a plan: orders them by risk, keeps a budget, and gives each
/// to a fleet that serves its domain in the run's environment.
public struct Planner {
  public let graph: SystemGraph

  public init(graph: SystemGraph) {
    self.graph = graph
  }

  /// A check chosen for a run, before fleets and budget are applied.
  public struct Candidate: Sendable {
    public var ref: String
    public var risk: Double
    public var level: String
    public var because: [String]

    public init(ref: String, risk: Double, level: String, because: [String]) {
      self.ref = ref
      self.risk = risk
      self.level = level
      self.because = because
    }
  }

  /// Returns the candidates an impact report selects.
  public static func candidates(from report: ImpactReport) -> [Candidate] {
    report.checks.map {
      Candidate(ref: $0.ref, risk: $0.risk, level: $0.level, because: $0.because)
    }
  }

  /// Returns every check in the catalog, scored by its own history only.
  public func allCandidates(history: [String: CheckHistory]) -> [Candidate] {
    graph.ids(ofKind: "check").map { id in
      let ref = graph[id].ref
      let record = history[ref.description]
      let risk = RiskScore(history: max(record?.failureRate ?? 0, record?.flakeRate ?? 0))
      return Candidate(ref: ref.short, risk: ImpactAnalyzer.round(risk.score),
                       level: risk.level, because: ["requested: --all"])
    }
  }

  /// Returns the checks named on the command line, and throws for a name that is not a
  /// check.
  public func namedCandidates(_ names: [String], history: [String: CheckHistory]) throws
    -> [Candidate]
  {
    let all = Dictionary(allCandidates(history: history).map { ($0.ref, $0) },
                         uniquingKeysWith: { first, _ in first })
    return try names.map { name in
      guard let id = graph.find(name.contains(":") ? name : "check:\(name)"),
            graph[id].ref.kind == "check", var candidate = all[graph[id].ref.short]
      else {
        let checks = graph.ids(ofKind: "check").map { graph[$0].ref.short }
        let names = graph.ids(ofKind: "check").map { graph[$0].ref.name }
        let bare = name.split(separator: ":").last.map(String.init) ?? name
        let hint = Suggestion.closest(to: bare, in: names).map { "did you mean check:\($0)?" }
        throw InputError("no check `\(name)` in the catalog",
                         hint: hint ?? "checks: \(checks.joined(separator: ", "))")
      }
      candidate.because = ["requested: --check \(name)"]
      return candidate
    }
  }

  /// Builds the plan for `environment`, keeping at most `budget` checks when one is given.
  public func plan(_ candidates: [Candidate], environment: String, budget: Int?,
                   selection: String, uncovered: [String] = []) throws -> Plan {
    let fleets = try fleetSpecs()
    var plan = Plan(environment: environment, selection: selection, selected: [], deferred: [],
                    unassigned: [], skipped: [], uncovered: uncovered)
    let ordered = candidates.sorted { ($0.risk, $1.ref) > ($1.risk, $0.ref) }
    for candidate in ordered {
      guard let id = graph.find(candidate.ref) else { continue }
      let spec = try CheckSpec(entity: graph[id])
      var item = Plan.Item(ref: candidate.ref, risk: candidate.risk, level: candidate.level,
                           because: candidate.because, domain: spec.domain, fleet: nil,
                           reason: nil)
      if !spec.environments.isEmpty && !spec.environments.contains(environment) {
        item.reason = "runs only in \(spec.environments.joined(separator: ", ")), "
          + "not in \(environment)"
        plan.skipped.append(item)
        continue
      }
      switch Self.assign(spec, environment: environment, fleets: fleets) {
      case .success(let fleet):
        item.fleet = fleet.name
        if let budget, plan.selected.count >= budget {
          item.reason = "over the budget of \(budget) check(s); "
            + "risk \(NumberText.fixed(item.risk, digits: 3)) ranks below the ones kept"
          plan.deferred.append(item)
        } else {
          plan.selected.append(item)
        }
      case .failure(let reason):
        item.reason = reason.message
        plan.unassigned.append(item)
      }
    }
    return plan
  }

  /// Returns the fleets in the catalog, sorted by name.
  public func fleetSpecs() throws -> [FleetSpec] {
    try graph.ids(ofKind: "fleet").map { try FleetSpec(entity: graph[$0]) }
      .sorted { $0.name < $1.name }
  }

  struct Unassigned: Error {
    let message: String
  }

  /// Returns the first fleet, by name, that serves the check's domain in `environment`.
  static func assign(_ spec: CheckSpec, environment: String, fleets: [FleetSpec])
    -> Result<FleetSpec, Unassigned>
  {
    if fleets.isEmpty {
      return .failure(Unassigned(message: "the catalog defines no Fleet"))
    }
    let domain = spec.domain ?? "default"
    let serving = fleets.filter { $0.domains.isEmpty || $0.domains.contains(domain) }
    if serving.isEmpty {
      return .failure(Unassigned(message: "no fleet serves domain `\(domain)`"))
    }
    if let fleet = serving.first(where: {
      $0.environments.isEmpty || $0.environments.contains(environment)
    }) {
      return .success(fleet)
    }
    let names = serving.map(\.name).joined(separator: ", ")
    return .failure(Unassigned(
      message: "fleets serving `\(domain)` (\(names)) may not run in \(environment)"))
  }
}
