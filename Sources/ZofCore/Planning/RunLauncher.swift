import Foundation

/// Records a run for a plan and executes it with fleet worker pools: the one path every
/// front end uses to start checks.
public struct RunLauncher {
  public let workspace: Workspace
  public let store: Store
  public let graph: SystemGraph
  public var logger: Logger = .disabled
  /// The time at which quarantines are judged when a run ends.
  public var clock: @Sendable () -> Date = { Date() }

  public init(workspace: Workspace, store: Store, graph: SystemGraph,
              logger: Logger = .disabled) {
    self.workspace = workspace
    self.store = store
    self.graph = graph
    self.logger = logger
  }

  /// The reason, origin and settings of a run about to start.
  public struct Request: Sendable {
    public var plan: Plan
    public var trigger: String
    public var actor: String
    public var base: String?
    public var head: String?
    public var snapshotID: Int64?
    /// The folder the checks run in, or the workspace's repository when nil.
    public var repositoryRoot: String?
    public var proposalID: Int64?
    /// Extra secret patterns from the policy.
    public var redactPatterns: [String]
    /// Caller environment variables the policy lets checks inherit.
    public var allowedEnvironment: [String]

    public init(plan: Plan, trigger: String, actor: String, base: String? = nil,
                head: String? = nil, snapshotID: Int64? = nil, repositoryRoot: String? = nil,
                proposalID: Int64? = nil, redactPatterns: [String] = [],
                allowedEnvironment: [String] = []) {
      self.plan = plan
      self.trigger = trigger
      self.actor = actor
      self.base = base
      self.head = head
      self.snapshotID = snapshotID
      self.repositoryRoot = repositoryRoot
      self.proposalID = proposalID
      self.redactPatterns = redactPatterns
      self.allowedEnvironment = allowedEnvironment
    }
  }

  /// Records the run with its planned checks queued and returns its id.
  public func record(_ request: Request) throws -> Int64 {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let plan = String(decoding: try encoder.encode(request.plan), as: UTF8.self)
    let checks = request.plan.selected.enumerated().map { offset, item in
      RunCheckRecord(checkRef: checkRef(item.ref), fleet: item.fleet ?? "", risk: item.risk,
                     because: item.because.joined(separator: " -> "), ordinal: offset)
    }
    let id = try store.runs.createRun(
      NewRun(trigger: request.trigger, actor: request.actor, base: request.base,
             head: request.head, snapshotID: request.snapshotID,
             environment: request.plan.environment, plan: plan,
             proposalID: request.proposalID),
      checks: checks)
    logger.info("run.record", [("run", id), ("checks", checks.count),
                               ("trigger", request.trigger)])
    return id
  }

  /// Executes the recorded run `id` and returns its final status, in which failures of
  /// quarantined checks do not count.
  public func execute(_ id: Int64, _ request: Request,
                      events: @escaping @Sendable (ExecutionEvent) -> Void = { _ in })
    throws -> RunStatus
  {
    let root = request.repositoryRoot ?? workspace.repositoryPath
    let fleets = Dictionary(try Planner(graph: graph).fleetSpecs().map { ($0.name, $0) },
                            uniquingKeysWith: { first, _ in first })
    var planned: [PlannedCheck] = []
    for item in request.plan.selected {
      guard let id = graph.find(item.ref), let fleetName = item.fleet,
            let fleet = fleets[fleetName]
      else { continue }
      planned.append(PlannedCheck(spec: try CheckSpec(entity: graph[id]),
                                  fleet: FleetAssignment(fleet)))
    }
    let commit = try? Git(repositoryPath: root).resolve("HEAD")
    let options = ExecutionOptions(
      repositoryRoot: root, allowedEnvironment: request.allowedEnvironment,
      redactor: try Redactor(policyPatterns: request.redactPatterns.map {
        (label: "policy", pattern: $0)
      }),
      commit: commit)
    let executor = FleetExecutor(store: store.runs, options: options, logger: logger)
    let status = try executor.run(runID: id, checks: planned, events: events)
    return try QuarantineGate(database: store.database).settle(runID: id, status: status,
                                                               now: clock())
  }

  private func checkRef(_ short: String) -> String {
    graph.find(short).map { graph[$0].ref.description } ?? short
  }
}
