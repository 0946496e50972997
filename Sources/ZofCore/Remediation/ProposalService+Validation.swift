import Foundation

extension ProposalService {
  /// The staging run of a proposal and how it ended.
  struct Validation {
    var runID: Int64
    var status: RunStatus
    var environment: String
    var checks: [RunCheckRecord]
    var affected: [EntityRef]
  }

  /// Reruns the failing check and every check the proposal's diff selects, in the
  /// proposal's worktree, then queues the proposal when the run passed.
  func validateAndQueue(_ proposal: Proposal, _ spec: RemediatorSpec,
                        _ worktree: ProposalWorktree, _ failure: FailureEvidence,
                        bisect: Bisector.Result?) throws -> Proposal {
    var proposal = proposal
    proposal.state = .validating
    try proposals.save(proposal)
    let changed = try worktree.changedPaths(from: proposal.baseCommit ?? "HEAD")
    let validation = try validate(proposal, spec, worktree, failure, changed: changed)
    proposal.validationRunID = validation.runID
    proposal.validationStatus = validation.status.rawValue
    try proposals.save(proposal)
    let checks: JSONValue = .object(Dictionary(
      validation.checks.map { ($0.checkRef, JSONValue.string($0.status.rawValue)) },
      uniquingKeysWith: { first, _ in first }))
    guard validation.status == .passed else {
      let failing = validation.checks.filter { $0.status != .passed && $0.status != .flaky }
        .map { "\($0.checkRef) \($0.status.rawValue)" }
      throw ProposalFailure(proposal, "validation run \(validation.runID) "
                              + "\(validation.status.rawValue) in \(validation.environment): "
                              + failing.joined(separator: ", "))
    }
    proposal.state = .validated
    try proposals.save(proposal)
    try recordAgent(spec, "proposal.validate", proposal,
                    ["validationRun": .integer(validation.runID),
                     "environment": .string(validation.environment), "checks": checks])
    let evidence = try remediationEvidence(proposal, failure, bisect: bisect,
                                           validation: validation, checks: checks)
    return try queue(proposal, spec, kind: .remediation, evidence: evidence,
                     failure: failure, affected: validation.affected, bisect: bisect,
                     environment: validation.environment)
  }

  /// Plans and runs the validation checks as a run linked to the proposal.
  private func validate(_ proposal: Proposal, _ spec: RemediatorSpec,
                        _ worktree: ProposalWorktree, _ failure: FailureEvidence,
                        changed: [String]) throws -> Validation {
    let graph = try self.graph
    let report = ImpactAnalyzer(graph: graph, repositoryPath: workspace.repositoryPath)
      .analyze(paths: changed)
    let planner = Planner(graph: graph)
    var candidates = Planner.candidates(from: report)
    let selected = Set(candidates.compactMap { graph.find($0.ref) })
    if let id = graph.find(failure.checkRef), !selected.contains(id) {
      var named = try planner.namedCandidates([failure.checkRef], history: [:])
      named[0].because = ["failed in run \(failure.runID); rerun to validate the fix"]
      candidates += named
    }
    let plan = try validationPlan(planner, candidates, failure: failure)
    let identity = Identity(real: spec.actor)
    let decision = try session.authorizer.decideAndRecord(
      identity, .runStart,
      context: AuthorizationContext(subject: "proposal:\(proposal.id)",
                                    environment: plan.environment),
      audit: session.audit,
      details: ["startedBy": .string(proposal.startedBy),
                "startedByReal": .string(proposal.startedByReal),
                "checks": .integer(Int64(plan.selected.count))])
    guard decision.allowed else {
      throw ProposalFailure(proposal, "the validation run was denied: "
                              + decision.reasons.joined(separator: "; "))
    }
    let launcher = RunLauncher(workspace: workspace, store: session.store, graph: graph,
                               logger: logger)
    let request = RunLauncher.Request(
      plan: plan, trigger: "proposal \(proposal.id)", actor: spec.actor.id,
      base: proposal.baseCommit, head: try worktree.head(),
      snapshotID: session.snapshot.id, repositoryRoot: worktree.path,
      proposalID: proposal.id, redactPatterns: session.policy.redact,
      allowedEnvironment: session.policy.inheritedEnvironment)
    let runID = try launcher.record(request)
    let status = try launcher.execute(runID, request)
    let affected = report.affected.compactMap { EntityRef(parsing: $0.ref) }
      + ChangeAuthors(graph: graph).covered(by: failure.checkRef)
    return Validation(runID: runID, status: status, environment: plan.environment,
                      checks: try session.store.runs.runChecks(runID), affected: affected)
  }

  /// Returns the plan in `staging` when the catalog has that environment and a fleet runs the
  /// failing check there, else in the workspace's default environment.
  private func validationPlan(_ planner: Planner, _ candidates: [Planner.Candidate],
                              failure: FailureEvidence) throws -> Plan {
    let graph = try self.graph
    let failing = graph.find(failure.checkRef)
    let hasStaging = graph.ids(ofKind: "environment").contains {
      graph[$0].name == Self.stagingEnvironment
    }
    if hasStaging {
      let plan = try planner.plan(candidates, environment: Self.stagingEnvironment,
                                  budget: nil, selection: "proposal")
      if plan.selected.contains(where: { graph.find($0.ref) == failing }) { return plan }
    }
    return try planner.plan(candidates, environment: workspace.config.environment,
                            budget: nil, selection: "proposal")
  }

  /// The environment proposals validate in first, when the catalog defines it.
  public static let stagingEnvironment = "staging"

  private func remediationEvidence(_ proposal: Proposal, _ failure: FailureEvidence,
                                   bisect: Bisector.Result?, validation: Validation,
                                   checks: JSONValue) throws -> JSONValue {
    var remediator: [String: JSONValue] = [:]
    if let data = proposal.evidence.data(using: .utf8),
       let stored = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    {
      if let output = stored["remediatorOutput"] as? String {
        remediator["output"] = .string(output)
      }
    }
    remediator["name"] = .string(proposal.actor.id)
    return [
      "proposal": .integer(proposal.id), "branch": .string(proposal.branch ?? ""),
      "baseCommit": .string(proposal.baseCommit ?? ""),
      "headCommit": .string(proposal.headCommit ?? ""),
      "diffStat": .string(proposal.diffStat), "diff": .string(proposal.diff),
      "validation": ["run": .integer(validation.runID),
                     "status": .string(validation.status.rawValue),
                     "environment": .string(validation.environment), "checks": checks],
      "failure": failure.json,
      "bisect": bisect.map(Self.json) ?? .null,
      "remediator": .object(remediator),
    ]
  }

  // MARK: - Queueing

  /// Queues a validated proposal for approval and stores the request id on it.
  func queue(_ proposal: Proposal, _ spec: RemediatorSpec, kind: ApprovalKind,
             evidence: JSONValue, failure: FailureEvidence, affected: [EntityRef] = [],
             bisect: Bisector.Result? = nil, environment: String? = nil) throws -> Proposal {
    var proposal = proposal
    let parties = ChangeAuthors(graph: try graph)
    let authors = try changeAuthors(failure, bisect: bisect, kind: kind)
    let check = EntityRef(parsing: failure.checkRef).map { [$0] } ?? []
    let entities = Array(Set(affected + check + parties.covered(by: failure.checkRef)))
      .sorted { $0.description < $1.description }
    let draft = ApprovalDraft(
      kind: kind, subject: "proposal:\(proposal.id)", proposer: spec.actor,
      changeAuthors: parties.actors(for: authors), affected: entities,
      owners: parties.owners(of: entities), environment: environment, evidence: evidence)
    // A newer proposal for the same run and check, started by another process while this
    // one was validated, supersedes it, and then it gets no request.
    let queued = try session.store.database.transaction { () -> ApprovalRequest? in
      guard try proposals.proposal(proposal.id)?.state != .superseded else { return nil }
      let request = try session.approvals.create(draft, requester: session.identity)
      proposal.approvalRequestID = request.id
      proposal.evidence = CanonicalJSON.encode(evidence)
      try proposals.save(proposal)
      return request
    }
    guard let request = queued else {
      logger.info("proposal.superseded", [("proposal", proposal.id)])
      return try proposals.proposal(proposal.id) ?? proposal
    }
    try recordAgent(spec, "proposal.queue", proposal,
                    ["approvalRequest": .string(request.id), "kind": .string(kind.rawValue),
                     "changeAuthors": .strings(request.changeAuthors),
                     "owners": .strings(request.owners)])
    logger.info("proposal.queue", [("proposal", proposal.id), ("request", request.id)])
    return proposal
  }

  /// Authors of the change under repair: every author of the run's base up to the failing
  /// commit when the base is known, plus the first bad commit's author from bisect.
  private func changeAuthors(_ failure: FailureEvidence, bisect: Bisector.Result?,
                             kind: ApprovalKind) throws -> [ChangeAuthors.Author] {
    guard kind == .remediation else { return [] }
    let git = Git(repositoryPath: workspace.repositoryPath)
    var authors: [ChangeAuthors.Author] = []
    if let bisect {
      authors.append(ChangeAuthors.Author(name: bisect.author, email: bisect.authorEmail))
    }
    if let base = failure.run.base, let bad = failure.commit ?? failure.run.head {
      authors += (try? ChangeAuthors.authors(git, base: base, bad: bad)) ?? []
    } else if bisect == nil, let bad = failure.commit {
      authors += (try? ChangeAuthors.authors(git, base: nil, bad: bad)) ?? []
    }
    return authors
  }
}
