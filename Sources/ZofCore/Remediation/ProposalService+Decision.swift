import Foundation

extension ProposalService {
  /// Applies the decision on approval request `requestID` to its proposal, and returns the
  /// proposal; nil when no proposal has that request.
  ///
  /// Call it after a vote. While the request is pending nothing changes. When it was
  /// approved, a quarantine starts, or a fix gets its patch, evidence summary and pull
  /// request hand-off under `<store folder>/proposals/ID/`. When it was rejected or
  /// expired, the proposal is marked so. Worktrees of decided proposals are removed and
  /// their branches kept. Calling it again for a decided proposal changes nothing.
  @discardableResult
  public func afterDecision(requestID: String) throws -> Proposal? {
    guard var proposal = try proposals.proposal(requestID: requestID) else { return nil }
    guard proposal.state == .validated,
          let request = try session.approvals.request(id: requestID)
    else { return proposal }
    switch request.status {
    case .pending, .withdrawn:
      return proposal
    case .approved:
      proposal = try approved(proposal, request)
    case .rejected:
      proposal.state = .rejected
    case .expired:
      proposal.state = .expired
    }
    if let path = proposal.worktree {
      removeWorktree(path)
      proposal.worktree = nil
    }
    try proposals.save(proposal)
    try session.record("proposal.\(proposal.state.rawValue)", subject: "proposal:\(proposal.id)",
                       details: ["approvalRequest": .string(requestID),
                                 "remediator": .string(proposal.actor.id),
                                 "branch": proposal.branch.map { .string($0) } ?? .null,
                                 "patch": proposal.patchPath.map { .string($0) } ?? .null])
    logger.info("proposal.decided", [("proposal", proposal.id), ("request", requestID),
                                     ("state", proposal.state.rawValue)])
    return proposal
  }

  /// Applies the decisions of every validated proposal whose request was decided, after
  /// expiring overdue requests; returns the proposals that changed.
  @discardableResult
  public func applyDecisions() throws -> [Proposal] {
    try session.approvals.expireOverdue()
    var changed: [Proposal] = []
    for proposal in try proposals.list(state: .validated) {
      guard let id = proposal.approvalRequestID,
            let updated = try afterDecision(requestID: id), updated.state != .validated
      else { continue }
      changed.append(updated)
    }
    return changed
  }

  private func approved(_ proposal: Proposal, _ request: ApprovalRequest) throws -> Proposal {
    var proposal = proposal
    proposal.state = .approved
    if proposal.type == .quarantine {
      let spec = try? RemediatorSpec.named(proposal.remediator, in: try graph)
      let quarantine = try Quarantines(database: session.store.database).start(
        checkRef: proposal.checkRef, proposalID: proposal.id, requestID: request.id,
        now: clock(), duration: spec?.expires ?? RemediatorSpec.defaultExpiry)
      try session.record("quarantine.start", subject: proposal.checkRef,
                         details: ["proposal": .integer(proposal.id),
                                   "expires": .string(quarantine.expiresAt)])
      return proposal
    }
    let handoff = ProposalHandoff(workspace: workspace, proposal: proposal, request: request,
                                  policy: session.policy)
    let files = try handoff.writeFiles()
    proposal.patchPath = files.patch
    proposal.summaryPath = files.summary
    proposal.handoff = CanonicalJSON.encode(try handoff.handOff(files))
    return proposal
  }
}
