import Foundation

/// Approval requests and their votes, decided through the `Authorizer` and audited.
///
/// A request is approved when the governing rule's `approvals` count of distinct permitted
/// people approved it, and rejected by one rejection from a permitted person. A second vote
/// by the same person is denied and audited as denied, like every other rejected vote.
/// Votes on a request that is approved, rejected, expired or withdrawn are denied too.
///
/// The approval count comes from the policy in force when each vote is cast, so a policy
/// change applies to requests already queued.
public final class ApprovalQueue: Sendable {
  public let audit: AuditLog
  public let authorizer: Authorizer
  private let clock: @Sendable () -> Date

  private var database: Database { audit.database }

  public init(audit: AuditLog, authorizer: Authorizer,
              clock: @escaping @Sendable () -> Date = { Date() }) {
    self.audit = audit
    self.authorizer = authorizer
    self.clock = clock
  }

  /// Queues a request from `requester` and records it in the audit log as `recorded`.
  public func create(_ draft: ApprovalDraft, requester: Identity) throws -> ApprovalRequest {
    let now = clock()
    let request = ApprovalRequest(
      id: "apr-" + UUID().uuidString.lowercased().prefix(8),
      kind: draft.kind, subject: draft.subject, requester: requester.effective.id,
      proposer: draft.proposer.id, changeAuthors: draft.changeAuthors.map(\.id),
      affected: draft.affected.map(\.description), owners: draft.owners.map(\.description),
      environment: draft.environment, evidence: CanonicalJSON.encode(draft.evidence),
      created: Timestamp.iso8601(now), expires: Timestamp.iso8601(now + draft.lifetime),
      status: .pending, decided: nil)
    try database.transaction {
      try insert(request)
      try audit.append(AuditEntry(
        identity: requester, action: "approval.create", subject: request.id,
        decision: .recorded,
        details: ["kind": .string(request.kind.rawValue), "subject": .string(request.subject),
                  "environment": request.environment.map { .string($0) } ?? .null,
                  "expires": .string(request.expires)]))
    }
    return request
  }

  /// Returns the separation-of-duties checklist for `identity` approving request `id` now.
  /// Its `allowed` is whether they may approve. Nothing is recorded.
  public func checklist(requestID id: String, for identity: Identity) throws -> Decision {
    let state = try loadState(id, choice: .approve)
    return authorizer.authorize(identity, state.request.kind.approveAction,
                                context: context(state))
  }

  /// Approves request `id` as `identity`, or records why not.
  public func approve(requestID id: String, by identity: Identity,
                      comment: String? = nil) throws -> ApprovalOutcome {
    try vote(.approve, requestID: id, by: identity, comment: comment)
  }

  /// Rejects request `id` as `identity`, or records why not.
  public func reject(requestID id: String, by identity: Identity,
                     comment: String? = nil) throws -> ApprovalOutcome {
    try vote(.reject, requestID: id, by: identity, comment: comment)
  }

  /// Marks pending requests past their expiry as expired, records each, and returns them.
  @discardableResult
  public func expireOverdue() throws -> [ApprovalRequest] {
    let now = clock()
    return try database.transaction {
      let overdue = try requests(status: .pending).filter { $0.isExpired(at: now) }
      for request in overdue {
        try setStatus(.expired, of: request.id, at: now)
        try audit.append(AuditEntry(
          actor: "zof", action: "approval.expire", subject: request.id, decision: .recorded,
          details: ["expires": .string(request.expires)]))
      }
      return overdue
    }
  }

  /// Withdraws pending request `id`, whose subject no longer needs a decision (a newer
  /// proposal replaced it), and records why. Returns false, changing nothing, when the
  /// request is no longer pending.
  ///
  /// The withdrawal follows from an action that was itself authorized and recorded, so it
  /// is recorded as Zof's, like an expiry.
  @discardableResult
  public func withdraw(requestID id: String, reason: String) throws -> Bool {
    let now = clock()
    return try database.transaction {
      guard let request = try request(id: id), request.status == .pending else { return false }
      try setStatus(.withdrawn, of: id, at: now)
      try audit.append(AuditEntry(
        actor: "zof", action: "approval.withdraw", subject: id, decision: .recorded,
        details: ["reason": .string(reason)]))
      return true
    }
  }

  // MARK: - Voting

  /// Decides, records and applies one vote in a single write transaction, so concurrent
  /// voters see each other's votes.
  private func vote(_ choice: ApprovalVote.Choice, requestID id: String, by identity: Identity,
                    comment: String?) throws -> ApprovalOutcome {
    try database.transaction {
      let state = try loadState(id, choice: choice)
      let request = state.request
      let action = choice == .approve ? request.kind.approveAction : request.kind.rejectAction
      let decisionContext = context(state)
      let preview = authorizer.authorize(identity, action, context: decisionContext)
      let status = preview.allowed ? statusAfter(choice, state) : request.status
      var details: [String: JSONValue] = [
        "vote": .string(choice.rawValue), "status": .string(status.rawValue),
      ]
      if let comment { details["comment"] = .string(comment) }
      // The same context gives the same decision, now recorded with the resulting status.
      let decision = try authorizer.decideAndRecord(
        identity, action, context: decisionContext, audit: audit, details: .object(details))
      if decision.allowed, let seq = decision.auditSeq {
        try insertVote(choice, on: id, by: identity, comment: comment, auditSeq: seq,
                       at: decisionContext.now)
        if status != request.status { try setStatus(status, of: id, at: decisionContext.now) }
      } else if request.status == .pending, request.isExpired(at: decisionContext.now) {
        try setStatus(.expired, of: id, at: decisionContext.now)
      }
      let updated = try loadState(id, choice: choice).request
      return ApprovalOutcome(decision: decision, request: updated)
    }
  }

  private func statusAfter(_ choice: ApprovalVote.Choice, _ state: ApprovalState)
    -> ApprovalStatus
  {
    if choice == .reject { return .rejected }
    let rule = authorizer.governingRule(
      state.request.kind.approveAction, environment: state.request.environment)
    let approvals = state.votes.filter { $0.choice == .approve }.count + 1
    return approvals >= (rule?.approvals ?? 1) ? .approved : .pending
  }

  private func context(_ state: ApprovalState) -> AuthorizationContext {
    AuthorizationContext(subject: state.request.id, environment: state.request.environment,
                         approval: state, now: clock())
  }

  private func loadState(_ id: String, choice: ApprovalVote.Choice) throws -> ApprovalState {
    guard let request = try request(id: id) else {
      throw InputError("approval request \(id) not found",
                       hint: "list requests with `zof approvals`")
    }
    return ApprovalState(request: request, votes: try votes(requestID: id), choice: choice)
  }
}

/// The result of a vote: the decision (with its audit sequence number) and the request
/// after the vote.
public struct ApprovalOutcome: Sendable {
  public var decision: Decision
  public var request: ApprovalRequest
}
