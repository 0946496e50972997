import Foundation
import ZofCore

/// The console's `:` commands beyond the shell's own (`help`, `quit`, `theme`).
///
/// Arguments are parsed with the CLI's `ArgumentParser` and option specs, so `:run` and
/// `:impact` accept exactly what `zof run` and `zof impact` accept. Words are split as a
/// shell splits them, quotes included (`CommandWords`), without any expansion.
@MainActor
final class ConsoleCommands {
  static let names = ["run", "impact", "bisect", "remediate", "approve", "reject", "as",
                      "audit", "verify", "readiness", "refresh"]

  let context: ConsoleContext
  let graph: GraphPane
  let runs: RunsPane
  let approvals: ApprovalsPane
  let audit: AuditPane
  let readiness: ReadinessPane
  /// Shows the pane at an index; set by the builder to the shell's `showPane`.
  var showPane: (Int) -> Void = { _ in }

  init(context: ConsoleContext, graph: GraphPane, runs: RunsPane, approvals: ApprovalsPane,
       audit: AuditPane, readiness: ReadinessPane) {
    self.context = context
    self.graph = graph
    self.runs = runs
    self.approvals = approvals
    self.audit = audit
    self.readiness = readiness
  }

  /// Runs one command line; returns the reactions for the shell.
  func handle(_ line: String) -> [Reaction] {
    do {
      let words = try CommandWords.split(line)
      guard let name = words.first else { return [] }
      let arguments = Array(words.dropFirst())
      // Commands that read the graph see catalog edits made since the console opened. What
      // that found goes last, so a warning about the catalog is not hidden by the result.
      let notes = Self.graphCommands.contains(name) ? try context.refreshIfCatalogChanged() : []
      return (try run(name, arguments)) + notes
    } catch {
      return [.message(.error, ConsoleErrorText.describe(error))]
    }
  }

  static let graphCommands: Set<String> = ["run", "impact", "bisect", "remediate", "readiness"]

  private func run(_ name: String, _ arguments: [String]) throws -> [Reaction] {
    do {
      switch name {
      case "run": return try startRun(arguments)
      case "impact": return try showImpact(arguments)
      case "bisect": return try startBisect(arguments)
      case "remediate": return try startRemediation(arguments)
      case "readiness": return try showReadiness(arguments)
      case "approve": return try vote(.approve, arguments)
      case "reject": return try vote(.reject, arguments)
      case "as": return try switchIdentity(arguments)
      case "audit": return try queryAudit(arguments)
      case "verify":
        context.startVerification()
        return [.message(.info, "verifying the audit chain in the background")]
      case "refresh":
        // A read-only console imports nothing: it reloads, and warns when the catalog changed.
        if context.readOnly {
          context.invalidate()
          return [.reload, .message(.info, "data reloaded")]
            + (try context.refreshIfCatalogChanged())
        }
        try context.refresh()
        return [.reload, .message(.info, "graph, policy and data reloaded")]
      default:
        let known = (ConsoleCommands.names + ConsoleApp.builtinCommands).sorted()
        let hint = Suggestion.closest(to: name, in: known).map { "; did you mean :\($0)?" }
        return [.message(.error, "unknown command \"\(name)\"" + (hint ?? "; Tab lists them"))]
      }
    } catch {
      return [.message(.error, ConsoleErrorText.describe(error))]
    }
  }

  // MARK: - Runs and impact

  private func startRun(_ arguments: [String]) throws -> [Reaction] {
    try requireWritable("starting a run")
    let invocation = try invocation(for: RunCommand.spec, arguments)
    if invocation.arguments.value("--junit") != nil || invocation.json {
      throw UsageError("--junit and --json apply to `zof run` only; the console shows the run")
    }
    let session = context.session
    let result = try PlanArguments.plan(invocation, command: "run")
    let request = try RunCommand.authorizedRequest(result, session: session)
    let launcher = RunLauncher(workspace: session.workspace, store: session.store,
                               graph: result.loaded.graph, logger: session.logger)
    let id = try launcher.record(request)
    context.startRun(id, request: request)
    context.invalidate()
    showPane(1)
    runs.showRun(id)
    return [.message(.info, "run \(id) started: \(result.plan.selected.count) check(s) "
                                + "in \(result.plan.environment)")]
  }

  private func showImpact(_ arguments: [String]) throws -> [Reaction] {
    let invocation = try invocation(for: ImpactCommand.spec, arguments)
    let change = try ChangeArguments.read(invocation, command: "impact")
    let loaded = try context.session.loaded
    let analyzer = ImpactAnalyzer(
      graph: loaded.graph, repositoryPath: context.workspace.repositoryPath,
      history: try HistorySource.rates(invocation, graph: loaded.graph))
    let report = analyzer.analyze(paths: change.paths)
    graph.showImpact(GraphImpactOverlay(title: change.description, report: report,
                                        graph: loaded.graph))
    showPane(0)
    return [.message(.info, "impact of \(change.description): \(report.affected.count) "
                       + "affected, \(report.checks.count) check(s); c clears")]
  }

  // MARK: - Bisect and remediation

  /// `:bisect --check REF --good REF [--bad REF]`, in the background.
  private func startBisect(_ arguments: [String]) throws -> [Reaction] {
    try requireWritable("bisecting")
    let invocation = try invocation(for: BisectCommand.spec, arguments)
    let parsed = invocation.arguments
    guard let check = parsed.value("--check"), let good = parsed.value("--good") else {
      throw UsageError(":bisect needs --check REF and --good REF",
                       hint: "for example :bisect --check partial-refund-journey --good HEAD~3")
    }
    let bad = parsed.value("--bad") ?? "HEAD"
    let run = parsed.value("--run")
    let started = context.startJob("bisect") { session in
      let (result, _) = try BisectCommand.bisectAndRecord(
        session: session, check: check, good: good, bad: bad, run: run)
      return "first bad commit \(result.firstBad.prefix(12)) by \(result.author): "
        + result.subject
    }
    return [.message(.info, started ? "bisecting \(check) between \(good) and \(bad)…"
                       : "a bisect is already running")]
  }

  /// `:remediate RUN CHECK --with REMEDIATOR`, in the background.
  private func startRemediation(_ arguments: [String]) throws -> [Reaction] {
    try requireWritable("proposing a fix")
    let invocation = try invocation(for: RemediateCommand.spec, arguments)
    let parsed = invocation.arguments
    guard let remediator = parsed.value("--with"), let runID = Int64(parsed.positionals[0])
    else {
      throw UsageError(":remediate needs RUN CHECK --with REMEDIATOR",
                       hint: "for example :remediate 1 partial-refund-journey --with revert")
    }
    let check = parsed.positionals[1]
    let good = parsed.value("--good")
    let started = context.startJob("remediate") { session in
      let service = ProposalService(session: session, executable: BisectCommand.selfPath())
      let proposal = try service.propose(ProposalService.Request(
        runID: runID, check: check, remediator: remediator, good: good))
      var text = "proposal \(proposal.id): \(proposal.state.rawValue)"
      if let request = proposal.approvalRequestID { text += "; approval request \(request)" }
      if let reason = proposal.reason { text += " (\(reason))" }
      return text
    }
    return [.message(.info, started ? "remediating \(check) of run \(runID) with "
                       + "\(remediator); validating on its own branch…"
                       : "a remediation is already running")]
  }

  /// `:readiness [--ref REF] [--env ENV]`: the Readiness pane for that ref and environment.
  private func showReadiness(_ arguments: [String]) throws -> [Reaction] {
    let invocation = try invocation(for: ReadinessCommand.spec, arguments)
    let ref = invocation.arguments.value("--ref") ?? readiness.ref
    let environment = invocation.arguments.value("--env") ?? readiness.environment
    showPane(4)
    return readiness.show(ref: ref, environment: environment)
  }

  /// Parses `arguments` as the options of `spec`, as the CLI would.
  private func invocation(for spec: CommandSpec, _ arguments: [String]) throws -> Invocation {
    let (parsed, _) = try ArgumentParser.parse([spec.name] + arguments, commands: [spec])
    if parsed.global.actingAs != nil || parsed.global.workspace != nil {
      throw UsageError("--as and --workspace are not available here",
                       hint: "switch identity with :as USER")
    }
    return Invocation(arguments: parsed, session: context.session,
                      currentDirectory: context.workspace.root)
  }

  // MARK: - Governance

  private func vote(_ choice: ApprovalVote.Choice, _ arguments: [String]) throws -> [Reaction] {
    try requireWritable(choice == .approve ? "approving" : "rejecting")
    let id = arguments.first ?? approvals.selected?.id
    guard let id else {
      throw UsageError(":\(choice.rawValue) needs a request id",
                       hint: "select one in the Approvals pane or give :\(choice.rawValue) ID")
    }
    let comment = arguments.dropFirst().joined(separator: " ")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if choice == .reject && comment.isEmpty {
      throw UsageError(":reject needs a comment", hint: "for example :reject \(id) wrong fix")
    }
    return approvals.vote(choice, id, comment: comment.isEmpty ? nil : comment)
  }

  private func switchIdentity(_ arguments: [String]) throws -> [Reaction] {
    guard arguments.count <= 1 else {
      throw UsageError(":as takes one user name", hint: "for example :as bob; :as alone returns")
    }
    try context.switchIdentity(to: arguments.first)
    let identity = context.session.identity
    let roles = context.session.roles.joined(separator: ", ")
    return [.reload, .message(.info, "acting as \(identity.description) (\(roles))")]
  }

  static let auditSpec = CommandSpec(
    name: "audit", summary: "query the audit trail in the console", usage: "[options]",
    options: [
      .value("--actor", "ACTOR", "events whose real or assumed actor is ACTOR"),
      .value("--action", "ACTION", "events of this action, such as run.start"),
      .value("--subject", "SUBJECT", "events about this subject"),
    ]
  ) { _ in ExitStatus.success }

  private func queryAudit(_ arguments: [String]) throws -> [Reaction] {
    let (parsed, _) = try ArgumentParser.parse(["audit"] + arguments,
                                               commands: [Self.auditSpec])
    let actor = parsed.value("--actor").map(Self.actorRef)
    let query = AuditQuery(actor: actor, action: parsed.value("--action"),
                           subject: parsed.value("--subject"))
    showPane(3)
    return audit.setQuery(query) + [.message(.info, "audit: \(audit.queryText)")]
  }

  /// Accepts `bob` for `user:default/bob`, as the rest of zof does.
  static func actorRef(_ text: String) -> String {
    (try? Actor(parsing: text).id) ?? text
  }

  private func requireWritable(_ what: String) throws {
    guard !context.readOnly else {
      throw UsageError("read-only mode: \(what) is disabled",
                       hint: "open the console without --readonly")
    }
  }
}
