import Foundation

/// Decides whether a ref is ready for an environment from the policy's criteria and the
/// evidence in the store: runs on the commit, open incidents, open proposals, quarantines
/// and sign-offs.
public struct ReadinessEvaluator {
  public let session: WorkspaceSession
  /// Checks quarantined at a time, as `check:namespace/name` refs.
  public var quarantinedChecks: (Date) throws -> [String] = { _ in [] }
  /// Open remediation proposals (still running, validating, or waiting for approval) whose
  /// fix starts from a commit.
  public var openProposals: (String) throws -> [String]

  public init(session: WorkspaceSession) {
    self.session = session
    let database = session.store.database
    quarantinedChecks = { now in
      try Quarantines(database: database).active(now: now).map(\.checkRef)
    }
    openProposals = { commit in
      let open: Set<ProposalState> = [.proposed, .validating, .validated]
      return try ProposalStore(database: database).list(limit: 1000)
        .filter { open.contains($0.state) && $0.baseCommit == commit }
        .map { "proposal \($0.id) (\($0.state.rawValue), \($0.checkRef))" }
    }
  }

  /// Returns the approval subject of a release of `commit` to `environment`.
  public static func releaseSubject(environment: String, commit: String) -> String {
    "release:\(environment):\(commit)"
  }

  /// Returns the criteria for `environment` and whether they are the defaults.
  public func criteria(environment: String) throws -> ([ReadinessCriterion], Bool) {
    let file = session.policy.location?.file ?? "policy"
    if let listed = try ReadinessCriterion.parse(session.policy.readiness,
                                                  environment: environment, file: file) {
      return (listed, false)
    }
    return (ReadinessCriterion.defaults(environment: environment), true)
  }

  public func evaluate(ref: String, environment: String, now: Date = Date()) throws
    -> ReadinessReport
  {
    let git = Git(repositoryPath: session.workspace.repositoryPath)
    let commit: String
    do {
      commit = try git.resolve(ref)
    } catch {
      throw InputError("--ref `\(ref)` is not a commit in \(session.workspace.repositoryPath)")
    }
    let (criteria, defaults) = try criteria(environment: environment)
    let lastReady = try self.lastReady(environment: environment, before: commit, git: git)
    var items: [ReadinessReport.Item] = []
    for criterion in criteria {
      items.append(try evaluate(criterion, commit: commit, environment: environment,
                                lastReady: lastReady, git: git, now: now))
    }
    return ReadinessReport(ref: ref, commit: commit, environment: environment,
                           ready: items.allSatisfy(\.met), defaults: defaults,
                           lastReady: lastReady, items: items)
  }

  func evaluate(_ criterion: ReadinessCriterion, commit: String, environment: String,
                lastReady: String?, git: Git, now: Date) throws -> ReadinessReport.Item {
    switch criterion {
    case .workflowChecksPassed(let criticalities):
      return try workflowChecks(criticalities, commit: commit, now: now)
    case .noOpenIncidents(let severities):
      return try incidents(severities, commit: commit, lastReady: lastReady, git: git)
    case .noOpenProposals:
      let open = try openProposals(commit)
      return item(criterion, open.isEmpty,
                  open.isEmpty ? "no proposal is waiting for validation or approval"
                    : "\(open.count) proposal(s) still open", open)
    case .flakeBudget(let max):
      let quarantined = try quarantinedChecks(now)
      return item(criterion, quarantined.count <= max,
                  "\(quarantined.count) check(s) quarantined, budget \(max)", quarantined)
    case .signoff:
      return try signoff(commit: commit, environment: environment)
    }
  }

  private func item(_ criterion: ReadinessCriterion, _ met: Bool, _ detail: String,
                    _ evidence: [String]) -> ReadinessReport.Item {
    ReadinessReport.Item(criterion: criterion.name, met: met, detail: detail,
                         evidence: evidence)
  }

  /// Checks covering workflows of the given criticalities, and their latest result on the
  /// commit.
  func workflowChecks(_ criticalities: [String], commit: String, now: Date) throws
    -> ReadinessReport.Item
  {
    let graph = try session.graph
    let wanted = Set(criticalities.map { $0.lowercased() })
    var checks: Set<Int32> = []
    var workflows = 0
    // A workflow that matters with no check at all cannot be shown to work.
    var unchecked: [String] = []
    for workflow in graph.ids(ofKind: "workflow") {
      let level = graph[workflow].spec?["criticality"]?.string?.lowercased() ?? ""
      guard wanted.contains(level) else { continue }
      workflows += 1
      let covering = graph.relations(to: workflow).filter { $0.0 == .covers }.map(\.1)
      if covering.isEmpty { unchecked.append("\(graph[workflow].ref.short): no check covers it") }
      checks.formUnion(covering)
    }
    let quarantined = Set(try quarantinedChecks(now))
    var missing: [String] = []
    var evidence: [String] = []
    for check in checks.sorted() {
      let ref = graph[check].ref.description
      let short = graph[check].ref.short
      if quarantined.contains(ref) {
        evidence.append("\(short): quarantined, not counted")
        continue
      }
      guard let (run, status) = try latestResult(check: ref, commit: commit) else {
        missing.append("\(short): not run on \(commit.prefix(12))")
        continue
      }
      if status == "passed" || status == "flaky" {
        evidence.append("\(short): \(status) in run \(run)")
      } else {
        missing.append("\(short): \(status) in run \(run)")
      }
    }
    let criterion = ReadinessCriterion.workflowChecksPassed(criticalities: criticalities)
    let levels = criticalities.joined(separator: "/")
    if workflows == 0 {
      return item(criterion, true, "the catalog has no \(levels) workflow, so no check is "
                    + "required; describe the journeys that matter to make this count", [])
    }
    missing = unchecked + missing
    let detail: String
    if missing.isEmpty {
      detail = "\(checks.count) check(s) passed on this commit"
    } else if unchecked.isEmpty {
      detail = "\(missing.count) of \(checks.count) check(s) not passed on this commit"
    } else {
      detail = "\(unchecked.count) \(levels) workflow(s) without a check, "
        + "\(missing.count - unchecked.count) of \(checks.count) check(s) not passed"
    }
    return item(criterion, missing.isEmpty, detail, missing + evidence)
  }

  /// Returns the newest run on `commit` that ran `check`, with the check's status in it.
  func latestResult(check: String, commit: String) throws -> (Int64, String)? {
    try session.store.database.queryFirst("""
      SELECT rc.run_id, rc.status FROM run_checks rc
      WHERE rc.check_ref = ? AND rc.status NOT IN ('queued', 'running') AND EXISTS (
        SELECT 1 FROM attempts a WHERE a.run_id = rc.run_id AND a.check_ref = rc.check_ref
          AND a.commit_sha = ?)
      ORDER BY rc.run_id DESC LIMIT 1
      """, [check, commit]) { ($0.int64(0), $0.text(1)) }
  }

  func incidents(_ severities: [String], commit: String, lastReady: String?, git: Git) throws
    -> ReadinessReport.Item
  {
    let graph = try session.graph
    var affected: Set<String>?
    if let lastReady, lastReady != commit {
      let paths = try git.changedPaths(base: lastReady, head: commit)
      let report = ImpactAnalyzer(graph: graph, repositoryPath: session.workspace.repositoryPath)
        .analyze(paths: paths)
      affected = Set((report.affected + report.workflows).map(\.ref))
    }
    let wanted = Set(severities.map { $0.lowercased() })
    var open: [String] = []
    for incident in graph.ids(ofKind: "incident") {
      let spec = graph[incident].spec
      guard (spec?["status"]?.string?.lowercased() ?? "open") == "open",
            wanted.contains(spec?["severity"]?.string?.lowercased() ?? "")
      else { continue }
      let targets = graph.relations(from: incident).filter { $0.0 == .affects }
        .map { graph[$0.1].ref.short }
      let relevant = affected.map { set in targets.filter(set.contains) } ?? targets
      if !relevant.isEmpty || (affected == nil && targets.isEmpty) {
        open.append("\(graph[incident].ref.short) (\(spec?["severity"]?.string ?? "")) on "
                      + (relevant.isEmpty ? "no entity" : relevant.joined(separator: ", ")))
      }
    }
    let scope = affected == nil ? "any entity (no earlier ready ref)"
      : "entities changed since \(lastReady!.prefix(12))"
    return item(.noOpenIncidents(severities: severities), open.isEmpty,
                open.isEmpty ? "no open \(severities.joined(separator: "/")) incident on \(scope)"
                  : "\(open.count) open incident(s) on \(scope)", open)
  }

  func signoff(commit: String, environment: String) throws -> ReadinessReport.Item {
    let subject = Self.releaseSubject(environment: environment, commit: commit)
    let requests = try session.approvals.requests().filter { $0.subject == subject }
    guard let request = requests.last else {
      return item(.signoff, false, "nobody signed off; run `zof signoff --ref "
                    + "\(commit.prefix(12)) --env \(environment)`", [])
    }
    let votes = try session.approvals.votes(requestID: request.id)
      .filter { $0.choice == .approve }.map(\.voter)
    let met = request.status == .approved
    return item(.signoff, met,
                met ? "signed off by \(votes.joined(separator: ", "))"
                  : "sign-off request \(request.id) is \(request.status.rawValue)",
                [request.id] + votes)
  }

  /// Returns the newest commit recorded ready for `environment` that is an ancestor of
  /// `commit`.
  public func lastReady(environment: String, before commit: String, git: Git) throws
    -> String?
  {
    var cursor: Int64?
    while true {
      let page = try session.audit.events(AuditQuery(action: "readiness.ready",
                                                      subject: "environment:\(environment)",
                                                      before: cursor, limit: 100))
      for event in page.events {
        let mark = YAMLNode.Mark(line: 1, column: 1)
        guard let details = try? JSONNodeReader.parse(event.details, mark: mark),
              let ready = details["commit"]?.string
        else { continue }
        if ready == commit { continue }
        if (try? git.run(["merge-base", "--is-ancestor", ready, commit])) != nil {
          return ready
        }
      }
      guard let next = page.nextCursor else { return nil }
      cursor = next
    }
  }

  /// Records that `report` found its ref ready, so later evaluations count changes from it.
  public func recordReady(_ report: ReadinessReport) throws {
    guard report.ready else { return }
    try session.record("readiness.ready", subject: "environment:\(report.environment)",
                       details: ["commit": .string(report.commit), "ref": .string(report.ref)])
  }
}
