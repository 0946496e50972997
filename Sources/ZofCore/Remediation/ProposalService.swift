import Foundation

/// Turns a failing check into a proposed fix: a remediator proposes it in its own worktree,
/// Zof reruns the failing and impacted checks there, and only a validated proposal reaches
/// the approval queue. Zof never merges, pushes or deploys; after approval it hands the
/// branch and a patch to a person.
///
/// The person who starts a remediation is authorized for `remediation.propose`; the
/// remediator then acts as `remediator:NAME`, and every event it causes records both.
public final class ProposalService: @unchecked Sendable {
  // Unchecked because the session is a class used from one thread per command.
  public let session: WorkspaceSession
  /// The `zof` executable that `git bisect run` calls when a revert needs a bisect first.
  public let executable: String?
  /// The time used for quarantines and expiry; injectable for tests.
  public let clock: @Sendable () -> Date
  /// Seconds between SIGTERM and SIGKILL when a command remediator is stopped.
  public var killGrace: Double = 2

  public init(session: WorkspaceSession, executable: String? = nil,
              clock: @escaping @Sendable () -> Date = { Date() }) {
    self.session = session
    self.executable = executable
    self.clock = clock
  }

  public var proposals: ProposalStore { ProposalStore(database: session.store.database) }
  var workspace: Workspace { session.workspace }
  var graph: SystemGraph { get throws { try session.graph } }
  var logger: Logger { session.logger }

  /// A remediation request: a check of a run and the remediator to use.
  public struct Request: Sendable {
    public var runID: Int64
    /// The check, as a reference or a name.
    public var check: String
    public var remediator: String
    /// A revision where the check passes, for a revert that still needs a bisect.
    public var good: String?

    public init(runID: Int64, check: String, remediator: String, good: String? = nil) {
      self.runID = runID
      self.check = check
      self.remediator = remediator
      self.good = good
    }
  }

  // MARK: - Proposing

  /// Authorizes the acting person, lets the remediator propose, validates the proposal
  /// and queues it for approval when it validated. Returns the proposal in its final state
  /// for this call: `validated` (queued) or `failed-validation` (with its reason).
  ///
  /// Throws for bad input (unknown run, check or remediator, nothing to fix) and when the
  /// policy denies the proposal. A remediator that fails makes a failed proposal instead.
  public func propose(_ request: Request) throws -> Proposal {
    let spec = try RemediatorSpec.named(request.remediator, in: try graph)
    let checkRef = try resolveCheck(request.check)
    let failure = try FailureEvidence.load(runID: request.runID, checkRef: checkRef,
                                           runs: session.store.runs)
    try session.authorize(.remediationPropose, subject: "run:\(request.runID)/\(checkRef)",
                          details: ["remediator": .string(spec.actor.id),
                                    "type": .string(spec.kind.rawValue)])
    return try start(spec, failure: failure, good: request.good)
  }

  /// Runs the remediator for `failure` once the proposal is authorized.
  func start(_ spec: RemediatorSpec, failure: FailureEvidence, good: String?) throws
    -> Proposal
  {
    let health = try precondition(spec, failure)
    var commit: String?
    var bisect: Bisector.Result?
    if spec.kind != .quarantine {
      commit = try failingCommit(failure, Git(repositoryPath: workspace.repositoryPath))
    }
    if spec.kind == .revert, let commit {
      bisect = try bisectResult(failure, good: good, bad: commit)
    }
    var proposal = try proposals.create(runID: failure.runID, checkRef: failure.checkRef,
                                        remediator: spec, startedBy: session.identity)
    try recordAgent(spec, "proposal.create", proposal,
                    ["run": .integer(failure.runID), "check": .string(failure.checkRef),
                     "type": .string(spec.kind.rawValue)])
    for older in try proposals.supersede(before: proposal) {
      try recordAgent(spec, "proposal.supersede", older,
                      ["supersededBy": .integer(proposal.id)])
      if let request = older.approvalRequestID {
        try session.approvals.withdraw(
          requestID: request,
          reason: "proposal \(older.id) was superseded by proposal \(proposal.id)")
      }
      if let path = older.worktree { removeWorktree(path) }
    }
    logger.info("proposal.create", [("proposal", proposal.id), ("run", failure.runID),
                                    ("check", failure.checkRef), ("remediator", spec.name)])
    do {
      switch spec.kind {
      case .quarantine:
        proposal = try proposeQuarantine(proposal, spec, failure, health: health)
      case .revert, .command:
        proposal = try proposeChange(proposal, spec, failure, commit: commit ?? "HEAD",
                                     bisect: bisect)
      }
    } catch let failed as ProposalFailure {
      proposal = try fail(failed.proposal ?? proposal, spec, reason: failed.reason)
    } catch {
      proposal = try fail(proposal, spec, reason: "\(error)")
    }
    return proposal
  }

  /// Throws when there is nothing for `spec` to do about `failure`; returns the check's
  /// health for a quarantine.
  private func precondition(_ spec: RemediatorSpec, _ failure: FailureEvidence) throws
    -> CheckHealth?
  {
    switch spec.kind {
    case .quarantine:
      let health = try session.store.runs.checkHealth(failure.checkRef,
                                                      lastAttempts: Self.healthWindow)
      guard health.flakeRate > 0 else {
        throw InputError(
          "\(failure.checkRef) has no flaky attempts in its last \(health.attempts) "
            + "attempt(s); only a flaky check can be quarantined",
          hint: "fix a failing check with a revert or command remediator")
      }
      return health
    case .revert, .command:
      guard failure.isFailure else {
        throw InputError("\(failure.checkRef) \(failure.status.rawValue) in run "
                           + "\(failure.runID); there is no failure to fix",
                         hint: "for a flaky check, use a quarantine remediator")
      }
      return nil
    }
  }

  /// How many recent attempts decide whether a check is flaky.
  public static let healthWindow = 50

  private func resolveCheck(_ text: String) throws -> String {
    let name = text.contains(":") ? text : "check:\(text)"
    let graph = try self.graph
    guard let id = graph.find(name), graph[id].ref.kind == "check" else {
      throw InputError("no check `\(text)` in the catalog",
                       hint: "`zof graph --kind check` lists the checks")
    }
    return graph[id].ref.description
  }

  // MARK: - Quarantine

  private func proposeQuarantine(_ proposal: Proposal, _ spec: RemediatorSpec,
                                 _ failure: FailureEvidence, health: CheckHealth?) throws
    -> Proposal
  {
    var proposal = proposal
    let history: JSONValue = [
      "attempts": .integer(Int64(health?.attempts ?? 0)),
      "flakyAttempts": .integer(Int64(health?.flakyAttempts ?? 0)),
      "failedAttempts": .integer(Int64(health?.failedAttempts ?? 0)),
      "flakeRate": .double(health?.flakeRate ?? 0),
    ]
    let evidence: JSONValue = [
      "failure": failure.json, "history": history,
      "expiresAfterSeconds": .double(spec.expires),
    ]
    proposal.evidence = CanonicalJSON.encode(evidence)
    proposal.state = .validated
    try proposals.save(proposal)
    try recordAgent(spec, "proposal.validate", proposal, ["history": history])
    return try queue(proposal, spec, kind: .quarantine, evidence: evidence, failure: failure)
  }

  // MARK: - Revert and command

  private func proposeChange(_ proposal: Proposal, _ spec: RemediatorSpec,
                             _ failure: FailureEvidence, commit failingCommit: String,
                             bisect: Bisector.Result?) throws -> Proposal {
    var proposal = proposal
    let worktree = try ProposalWorktree.create(workspace: workspace, proposalID: proposal.id,
                                               commit: failingCommit)
    proposal.baseCommit = failingCommit
    proposal.branch = worktree.branch
    proposal.worktree = worktree.path
    try proposals.save(proposal)
    var extra: [String: JSONValue] = [:]
    if let bisect {
      extra["bisect"] = Self.json(bisect)
      do {
        try worktree.revert(bisect.firstBad, as: spec.actor)
      } catch {
        throw ProposalFailure(proposal, "git revert of \(bisect.firstBad) failed: \(error)")
      }
    } else {
      let outcome = try runCommand(spec, worktree, failure, proposal)
      extra["remediatorOutput"] = .string(outcome.output)
      extra["exitCode"] = outcome.result.exitCode.map { .integer(Int64($0)) } ?? .null
      proposal.evidence = CanonicalJSON.encode(.object(extra))
      try proposals.save(proposal)
      try check(outcome, spec, proposal)
      let message = "Fix \(failure.checkRef) failing in run \(failure.runID)\n\n"
        + "Proposed by \(spec.actor.id) for \(session.identity.effective.id)."
      guard try worktree.commitAll(message: message, as: spec.actor) else {
        throw ProposalFailure(proposal, "\(spec.actor.id) changed nothing in its worktree")
      }
    }
    proposal.headCommit = try worktree.head()
    let diff = try worktree.diff(from: failingCommit, limit: ProposalStore.maxDiffBytes)
    proposal.diffStat = diff.stat
    proposal.diff = diff.text
    proposal.evidence = CanonicalJSON.encode(.object(extra))
    try proposals.save(proposal)
    return try validateAndQueue(proposal, spec, worktree, failure, bisect: bisect)
  }

  private func runCommand(_ spec: RemediatorSpec, _ worktree: ProposalWorktree,
                          _ failure: FailureEvidence, _ proposal: Proposal) throws
    -> CommandRemediation.Outcome
  {
    let storeRelative = Workspace.relative(workspace.storeFolder, to: workspace.repositoryPath)
    let scratch = (workspace.storeFolder as NSString)
      .appendingPathComponent("remediation/\(proposal.id)")
    let remediation = CommandRemediation(
      spec: spec, worktree: worktree, evidence: failure, proposalID: proposal.id,
      scratch: scratch, excludedPaths: storeRelative.map { [$0] } ?? [],
      allowedEnvironment: session.policy.inheritedEnvironment,
      redactor: try Redactor(policyPatterns: session.policy.redact.map { ("policy", $0) }),
      killGrace: killGrace)
    try recordAgent(spec, "remediator.start", proposal,
                    ["worktree": .string(worktree.path), "branch": .string(worktree.branch)])
    do {
      return try remediation.run()
    } catch {
      throw ProposalFailure(proposal, "\(spec.actor.id) could not run: \(error)")
    }
  }

  /// Throws a `ProposalFailure` when the program timed out, failed, or edited the user's
  /// working tree.
  private func check(_ outcome: CommandRemediation.Outcome, _ spec: RemediatorSpec,
                     _ proposal: Proposal) throws {
    if !outcome.outsideChanges.isEmpty {
      throw ProposalFailure(
        proposal, "\(spec.actor.id) edited files outside its worktree, so its change is "
          + "not taken: " + outcome.outsideChanges.joined(separator: ", "))
    }
    let result = outcome.result
    if result.timedOut {
      throw ProposalFailure(proposal, "\(spec.actor.id) timed out after "
                              + DurationText.format(spec.timeout))
    }
    if !result.succeeded {
      let how = result.exitCode.map { "exit status \($0)" }
        ?? result.signal.map { "signal \($0)" } ?? "an unknown status"
      throw ProposalFailure(proposal, "\(spec.actor.id) failed with \(how)")
    }
  }

  private func failingCommit(_ failure: FailureEvidence, _ git: Git) throws -> String {
    for candidate in [failure.commit, failure.run.head].compactMap({ $0 }) {
      if let commit = try? git.resolve(candidate) { return commit }
    }
    return try git.resolve("HEAD")
  }

  /// Returns the run's recorded bisect result for the check, or bisects from `good` (else
  /// the run's base) to `bad` and records the result on the run.
  private func bisectResult(_ failure: FailureEvidence, good: String?, bad: String) throws
    -> Bisector.Result
  {
    if let text = failure.run.bisectResult,
       let stored = try? JSONDecoder().decode(Bisector.Result.self, from: Data(text.utf8)),
       stored.check == failure.checkRef, good == nil
    {
      return stored
    }
    guard let start = good ?? failure.run.base else {
      throw InputError("run \(failure.runID) has no bisect result and no base to start from",
                       hint: "run `zof bisect --check \(failure.checkRef) --good REF "
                         + "--run \(failure.runID)`, or pass --good REF")
    }
    guard let executable else {
      throw InputError("a revert needs a bisect, and no zof executable was given to run it")
    }
    let result = try Bisector(workspace: workspace, executable: executable)
      .bisect(check: failure.checkRef, good: start, bad: bad)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try session.store.runs.setBisectResult(
      failure.runID, json: String(decoding: try encoder.encode(result), as: UTF8.self))
    return result
  }

  static func json(_ result: Bisector.Result) -> JSONValue {
    [
      "check": .string(result.check), "good": .string(result.good), "bad": .string(result.bad),
      "firstBad": .string(result.firstBad), "author": .string(result.author),
      "authorEmail": .string(result.authorEmail), "subject": .string(result.subject),
      "steps": .integer(Int64(result.steps)),
    ]
  }

  // MARK: - Failing and auditing

  /// Marks `proposal` failed with `reason`, removes its worktree and records the failure.
  func fail(_ proposal: Proposal, _ spec: RemediatorSpec, reason: String) throws -> Proposal {
    var proposal = try proposals.proposal(proposal.id) ?? proposal
    proposal.state = .failedValidation
    proposal.reason = reason
    if let path = proposal.worktree {
      removeWorktree(path)
      proposal.worktree = nil
    }
    try proposals.save(proposal)
    try recordAgent(spec, "proposal.fail", proposal, ["reason": .string(reason)])
    logger.warning("proposal.fail", [("proposal", proposal.id), ("reason", reason)])
    return proposal
  }

  func removeWorktree(_ path: String) {
    ProposalWorktree.remove(path: path,
                            repository: Git(repositoryPath: workspace.repositoryPath))
  }

  /// Records an event of the remediator, with the person who started it in its details.
  @discardableResult
  func recordAgent(_ spec: RemediatorSpec, _ action: String, _ proposal: Proposal,
                   _ details: [String: JSONValue]) throws -> AuditEvent {
    var members = details
    members["startedBy"] = .string(proposal.startedBy)
    members["startedByReal"] = .string(proposal.startedByReal)
    members["remediator"] = .string(spec.actor.id)
    return try session.audit.append(AuditEntry(
      actor: spec.actor.id, action: action, subject: "proposal:\(proposal.id)",
      decision: .recorded, details: .object(members)))
  }
}

/// A remediation step that failed; the proposal is kept with the reason.
struct ProposalFailure: Error {
  var proposal: Proposal?
  var reason: String

  init(_ proposal: Proposal?, _ reason: String) {
    self.proposal = proposal
    self.reason = reason
  }
}
