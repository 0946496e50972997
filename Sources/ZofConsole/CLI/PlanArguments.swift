import ZofCore

/// The arguments `zof plan` and `zof run` share: which checks, where, and how many.
struct PlanArguments {
  static let options: [OptionSpec] = ChangeArguments.options + [
    .list("--check", "REF", "run these checks instead of the ones a change selects"),
    .flag("--all", "run every check in the catalog"),
    .value("--budget", "N", "keep the N riskiest checks and defer the rest (a count)"),
    .value("--env", "ENV", "the environment checks run in",
           default: "`environment` in zof.yaml, else ci"),
  ]

  /// The plan and what it was made from.
  struct Result {
    var plan: Plan
    var change: ChangeArguments?
    var loaded: GraphService.Loaded
  }

  static func plan(_ invocation: Invocation, command: String) throws -> Result {
    let arguments = invocation.arguments
    let workspace = try invocation.workspace()
    let loaded = try invocation.graph()
    let planner = Planner(graph: loaded.graph)
    let history = try HistorySource.rates(invocation, graph: loaded.graph)
    let environment = arguments.value("--env") ?? workspace.config.environment
    var budget: Int?
    if let text = arguments.value("--budget") {
      guard let value = Int(text), value >= 0 else {
        throw UsageError("invalid --budget `\(text)`", hint: "give a whole number of checks",
                         command: command)
      }
      budget = value
    }
    let named = arguments.list("--check")
    let all = arguments.flag("--all")
    let hasChange = arguments.value("--base") != nil || !arguments.list("--paths").isEmpty
    if [!named.isEmpty, all, hasChange].filter({ $0 }).count > 1 {
      throw UsageError("give one of --base/--paths, --check or --all", command: command)
    }
    if all {
      let plan = try planner.plan(planner.allCandidates(history: history),
                                  environment: environment, budget: budget, selection: "all")
      return Result(plan: plan, change: nil, loaded: loaded)
    }
    if !named.isEmpty {
      let plan = try planner.plan(try planner.namedCandidates(named, history: history),
                                  environment: environment, budget: budget, selection: "checks")
      return Result(plan: plan, change: nil, loaded: loaded)
    }
    let change = try ChangeArguments.read(invocation, command: command)
    let report = ImpactAnalyzer(graph: loaded.graph, repositoryPath: workspace.repositoryPath,
                                history: history).analyze(paths: change.paths)
    let plan = try planner.plan(Planner.candidates(from: report), environment: environment,
                                budget: budget, selection: "impact", uncovered: report.uncovered)
    return Result(plan: plan, change: change, loaded: loaded)
  }
}

/// Failure and flake rates of each check over its recent attempts, for risk scores.
enum HistorySource {
  /// How many recent attempts of a check the rates look at.
  static let window = 50

  static func rates(_ invocation: Invocation, graph: SystemGraph) throws
    -> [String: CheckHistory]
  {
    let runs = try invocation.store().runs
    var rates: [String: CheckHistory] = [:]
    for id in graph.ids(ofKind: "check") {
      let ref = graph[id].ref.description
      let health = try runs.checkHealth(ref, lastAttempts: window)
      guard health.attempts > 0 else { continue }
      // A flaky attempt failed and then passed; it counts as a flake, not as a failure.
      let failures = Double(health.failedAttempts - health.flakyAttempts)
      rates[ref] = CheckHistory(failureRate: failures / Double(health.attempts),
                                flakeRate: health.flakeRate)
    }
    return rates
  }
}
