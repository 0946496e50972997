import Foundation
import ZofCore

/// `zof approvals`, `zof approve ID`, `zof reject ID`.
enum ApprovalsCommand {
  static let spec = CommandSpec(
    name: "approvals", summary: "list approval requests and whether you may approve them",
    usage: "[--all] [--json]",
    discussion: "For each pending request, the separation-of-duties checklist for the acting "
      + "user: every rule, met or not, and why.",
    options: [
      .flag("--all", "include decided, expired and withdrawn requests"),
      .flag("--json", "print as JSON"),
    ]
  ) { invocation in
    let session = try invocation.session()
    let queue = session.approvals
    _ = try queue.expireOverdue()
    let requests = try queue.requests(status: invocation.arguments.flag("--all") ? nil : .pending)
    let rows = try requests.map { request -> [String: Any] in
      var row = requestJSON(request)
      if request.status == .pending {
        let checklist = try queue.checklist(requestID: request.id, for: session.identity)
        row["mayApprove"] = checklist.allowed
        row["checklist"] = checklist.checks.map {
          ["name": $0.name, "met": $0.met, "reason": $0.reason]
        }
      }
      row["votes"] = try queue.votes(requestID: request.id).map {
        ["voter": $0.voter, "choice": $0.choice.rawValue, "time": $0.time,
         "comment": $0.comment ?? ""]
      }
      return row
    }
    if invocation.json {
      try Console.json(rows)
      return ExitStatus.success
    }
    if rows.isEmpty {
      Console.out("no pending approval requests")
      return ExitStatus.success
    }
    Console.out("as \(session.identity):")
    for row in rows {
      Console.out("")
      Console.out("\(row["id"]!)  \(row["kind"]!)  \(row["status"]!)  \(row["subject"]!)")
      Console.out("  proposer \(row["proposer"]!), requested by \(row["requester"]!), "
                    + "expires \(row["expires"]!)")
      if let authors = row["changeAuthors"] as? [String], !authors.isEmpty {
        Console.out("  change authors: \(authors.joined(separator: ", "))")
      }
      guard let checklist = row["checklist"] as? [[String: Any]] else { continue }
      let may = row["mayApprove"] as? Bool ?? false
      Console.out("  you \(may ? "may" : "may not") approve:")
      for check in checklist {
        Console.out("    [\((check["met"] as? Bool ?? false) ? "x" : " ")] \(check["reason"]!)")
      }
    }
    return ExitStatus.success
  }

  static func requestJSON(_ request: ApprovalRequest) -> [String: Any] {
    var row: [String: Any] = [
      "id": request.id, "kind": request.kind.rawValue, "subject": request.subject,
      "status": request.status.rawValue, "requester": request.requester,
      "proposer": request.proposer, "changeAuthors": request.changeAuthors,
      "affected": request.affected, "owners": request.owners, "created": request.created,
      "expires": request.expires, "environment": request.environment ?? "",
    ]
    if let decided = request.decided { row["decided"] = decided }
    if let evidence = try? JSONSerialization.jsonObject(with: Data(request.evidence.utf8)) {
      row["evidence"] = evidence
    }
    return row
  }

  static let approveSpec = CommandSpec(
    name: "approve", summary: "approve a request, if the policy allows you to",
    usage: "ID [--comment TEXT] [--json]",
    options: [
      .value("--comment", "TEXT", "a note kept with the vote"),
      .flag("--json", "print the outcome as JSON"),
    ],
    positionals: ["ID"], positionalRange: 1...1
  ) { invocation in
    try vote(invocation, choice: .approve)
  }

  static let rejectSpec = CommandSpec(
    name: "reject", summary: "reject a request; a comment saying why is required",
    usage: "ID --comment TEXT [--json]",
    options: [
      .value("--comment", "TEXT", "why the request is rejected (required)"),
      .flag("--json", "print the outcome as JSON"),
    ],
    positionals: ["ID"], positionalRange: 1...1
  ) { invocation in
    try vote(invocation, choice: .reject)
  }

  /// Casts a vote through the core, which decides, audits and applies it.
  static func vote(_ invocation: Invocation, choice: ApprovalVote.Choice) throws -> Int32 {
    let id = invocation.arguments.positionals[0]
    let comment = invocation.arguments.value("--comment")
    if choice == .reject && (comment ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError("`zof reject` needs --comment TEXT saying why", command: "reject")
    }
    let session = try invocation.session()
    let queue = session.approvals
    _ = try queue.expireOverdue()
    guard try queue.request(id: id) != nil else {
      throw InputError("no approval request `\(id)`", hint: "`zof approvals --all` lists them")
    }
    let outcome = choice == .approve
      ? try queue.approve(requestID: id, by: session.identity, comment: comment)
      : try queue.reject(requestID: id, by: session.identity, comment: comment)
    let followUp = try ApprovalHooks.afterDecision(outcome, session: session)
    if invocation.json {
      var row = requestJSON(outcome.request)
      row["allowed"] = outcome.decision.allowed
      row["reasons"] = outcome.decision.reasons
      row["auditSeq"] = outcome.decision.auditSeq ?? 0
      try Console.json(row)
      return outcome.decision.allowed ? ExitStatus.success : ExitStatus.gateFailed
    }
    guard outcome.decision.allowed else {
      Console.error("zof: refused: \(choice.rawValue) \(id) as \(session.identity)")
      for reason in outcome.decision.reasons { Console.error("  - \(reason)") }
      if let seq = outcome.decision.auditSeq {
        Console.error("  recorded as audit event \(seq)")
      }
      return ExitStatus.gateFailed
    }
    Console.out("\(choice == .approve ? "approved" : "rejected") by \(session.identity); "
                  + "request \(id) is now \(outcome.request.status.rawValue)")
    for line in followUp { Console.out(line) }
    return ExitStatus.success
  }
}

/// The follow-up after a vote, for the capabilities that own the request's subject.
enum ApprovalHooks {
  /// Hands a decided remediation or quarantine request to its proposal: an approved fix
  /// gets its patch, summary and pull request hand-off; a quarantine starts. Returns lines
  /// for the front end to show.
  static func afterDecision(_ outcome: ApprovalOutcome, session: WorkspaceSession) throws
    -> [String]
  {
    guard outcome.decision.allowed, outcome.request.status != .pending,
          outcome.request.kind != .release
    else { return [] }
    let service = ProposalService(session: session, executable: BisectCommand.selfPath())
    guard let proposal = try service.afterDecision(requestID: outcome.request.id) else {
      return []
    }
    var lines = ["proposal \(proposal.id) is now \(proposal.state.rawValue)"
                   + (proposal.branch.map { " (branch \($0))" } ?? "")]
    if let summary = proposal.summaryPath { lines.append("summary: \(summary)") }
    return lines
  }
}
