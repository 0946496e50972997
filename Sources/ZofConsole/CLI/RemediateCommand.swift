import Foundation
import ZofCore

/// `zof remediate RUN CHECK --with REMEDIATOR`: proposes a fix for a failing check.
enum RemediateCommand {
  static let spec = CommandSpec(
    name: "remediate", summary: "propose a fix for a failed check, validate it, queue it",
    usage: "RUN CHECK --with REMEDIATOR [--good REF] [--json]",
    discussion: "The remediator works on branch zof/fix/ID in its own worktree under the "
      + "store folder, never in your working tree. Zof then reruns the failing check and "
      + "the checks the change selects (in staging when the catalog has it) and queues the "
      + "proposal for approval only when that run passed. Nothing is merged or pushed. "
      + "Exit status: 0 when the proposal validated, 1 when it failed validation.",
    options: [
      .value("--with", "REMEDIATOR", "the remediator to use, such as revert"),
      .value("--good", "REF", "a revision where the check passes, when a revert must bisect"),
      .flag("--json", "print the proposal as JSON"),
    ],
    positionals: ["RUN", "CHECK"], positionalRange: 2...2
  ) { invocation in
    let arguments = invocation.arguments
    guard let remediator = arguments.value("--with") else {
      throw UsageError("`zof remediate` needs --with REMEDIATOR", command: "remediate")
    }
    guard let runID = Int64(arguments.positionals[0]) else {
      throw UsageError("invalid run `\(arguments.positionals[0])`",
                       hint: "give a run number from `zof runs`", command: "remediate")
    }
    let service = ProposalService(session: try invocation.session(),
                                  executable: BisectCommand.selfPath())
    if !invocation.json {
      Console.out("remediating \(arguments.positionals[1]) of run \(runID) with "
                    + "remediator:\(remediator)...")
    }
    let proposal = try service.propose(ProposalService.Request(
      runID: runID, check: arguments.positionals[1], remediator: remediator,
      good: arguments.value("--good")))
    if invocation.json {
      try Console.json(ProposalView.json(proposal, session: try invocation.session()))
    } else {
      ProposalView.printDetails(proposal, session: try invocation.session())
    }
    return proposal.state == .failedValidation ? ExitStatus.gateFailed : ExitStatus.success
  }
}

/// `zof proposals [show ID]`: proposals and what became of them.
enum ProposalsCommand {
  static let spec = CommandSpec(
    name: "proposals", summary: "list remediation proposals, or show one",
    usage: "[show ID] [--json]",
    discussion: "Listing also applies approval decisions made since: an approved fix gets "
      + "its patch and summary, an approved quarantine starts.",
    options: [.flag("--json", "print as JSON")],
    subcommands: [showSpec]
  ) { invocation in
    let session = try invocation.session()
    let service = ProposalService(session: session)
    try service.applyDecisions()
    let proposals = try service.proposals.list()
    if invocation.json {
      try Console.json(try proposals.map { try ProposalView.json($0, session: session) })
      return ExitStatus.success
    }
    if proposals.isEmpty {
      Console.out("no proposals yet; start one with `zof remediate RUN CHECK --with NAME`")
      return ExitStatus.success
    }
    Console.out("ID    STATE              REMEDIATOR                RUN   CHECK")
    for proposal in proposals {
      Console.out(RunsCommand.pad("\(proposal.id)", 6)
                    + RunsCommand.pad(proposal.state.rawValue, 19)
                    + RunsCommand.pad(proposal.actor.id, 26)
                    + RunsCommand.pad("\(proposal.runID)", 6) + proposal.checkRef)
    }
    return ExitStatus.success
  }

  static let showSpec = CommandSpec(
    name: "show", summary: "show one proposal with its evidence",
    usage: "ID [--json]",
    options: [.flag("--json", "print as JSON")],
    positionals: ["ID"], positionalRange: 1...1
  ) { invocation in
    let text = invocation.arguments.positionals[0]
    let session = try invocation.session()
    let service = ProposalService(session: session)
    try service.applyDecisions()
    guard let id = Int64(text), let proposal = try service.proposals.proposal(id) else {
      throw InputError("no proposal `\(text)`", hint: "`zof proposals` lists them")
    }
    if invocation.json {
      try Console.json(try ProposalView.json(proposal, session: session))
    } else {
      ProposalView.printDetails(proposal, session: session)
    }
    return ExitStatus.success
  }
}

/// The terminal and JSON forms of a proposal.
enum ProposalView {
  static func json(_ proposal: Proposal, session: WorkspaceSession) throws -> [String: Any] {
    var object: [String: Any] = [
      "id": proposal.id, "state": proposal.state.rawValue, "run": proposal.runID,
      "check": proposal.checkRef, "remediator": proposal.actor.id,
      "type": proposal.type.rawValue, "startedBy": proposal.startedBy,
      "startedByReal": proposal.startedByReal, "createdAt": proposal.createdAt,
      "updatedAt": proposal.updatedAt, "diffStat": proposal.diffStat,
    ]
    let optional: [String: Any?] = [
      "branch": proposal.branch, "worktree": proposal.worktree,
      "baseCommit": proposal.baseCommit, "headCommit": proposal.headCommit,
      "validationRun": proposal.validationRunID, "validationStatus": proposal.validationStatus,
      "approvalRequest": proposal.approvalRequestID, "reason": proposal.reason,
      "patch": proposal.patchPath, "summary": proposal.summaryPath,
    ]
    for (key, value) in optional {
      if let value { object[key] = value }
    }
    if let id = proposal.approvalRequestID, let request = try session.approvals.request(id: id) {
      object["approvalStatus"] = request.status.rawValue
    }
    if let handoff = proposal.handoff,
       let value = try? JSONSerialization.jsonObject(with: Data(handoff.utf8))
    {
      object["handoff"] = value
    }
    return object
  }

  static func printDetails(_ proposal: Proposal, session: WorkspaceSession) {
    let object = (try? json(proposal, session: session)) ?? [:]
    Console.out("proposal \(proposal.id): \(proposal.state.rawValue)")
    Console.out("  remediator: \(proposal.actor.id), started by \(proposal.startedBy)")
    Console.out("  failure: \(proposal.checkRef) in run \(proposal.runID)")
    let fields: [(String, String)] = [
      ("branch", "branch"), ("worktree", "worktree"), ("validation run", "validationRun"),
      ("validation", "validationStatus"), ("approval request", "approvalRequest"),
      ("approval", "approvalStatus"), ("reason", "reason"), ("patch", "patch"),
      ("summary", "summary"),
    ]
    for (label, key) in fields {
      if let value = object[key] { Console.out("  \(label): \(TerminalSafe.line("\(value)"))") }
    }
    if !proposal.diffStat.isEmpty {
      Console.out("  diff:")
      for line in proposal.diffStat.split(separator: "\n") {
        Console.out("    \(TerminalSafe.line(String(line)))")
      }
    }
    if let handoff = object["handoff"] as? [String: Any] {
      if let commands = handoff["commands"] as? [String] {
        Console.out("  to open a pull request, run:")
        for command in commands { Console.out("    \(command)") }
      } else if let output = handoff["output"] as? String {
        Console.out("  pull request command exited \(handoff["exitCode"] ?? "?"):")
        for line in output.split(separator: "\n").suffix(10) {
          Console.out("    \(TerminalSafe.line(String(line)))")
        }
      }
    }
    if proposal.state == .validated, let id = proposal.approvalRequestID {
      Console.out("  next: an approver runs `zof approve \(id)`")
    }
  }
}

/// Starts the remediators marked `auto: true` after `zof run`, and reports what they did.
enum AutomaticProposals {
  static func start(after runID: Int64, invocation: Invocation) throws -> [[String: Any]] {
    let session = try invocation.session()
    let service = ProposalService(session: session, executable: BisectCommand.selfPath())
    let outcomes = try AutoRemediation.afterRun(runID, service: service)
    var objects: [[String: Any]] = []
    for outcome in outcomes {
      if let proposal = outcome.proposal {
        objects.append(try ProposalView.json(proposal, session: session))
        if !invocation.json {
          Console.out("  remediator:\(outcome.remediator) proposed \(proposal.id) for "
                        + "\(outcome.checkRef): \(proposal.state.rawValue)")
        }
      } else if let reason = outcome.skipped, !invocation.json {
        Console.out("  remediator:\(outcome.remediator) skipped \(outcome.checkRef): \(reason)")
      }
    }
    return objects
  }
}
