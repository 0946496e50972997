import Foundation

extension Authorizer {
  /// Returns the request-state and separation-of-duties checks for `actor` casting the vote
  /// in `approval`.
  func approvalChecks(_ actor: Actor, _ approval: ApprovalState, now: Date) -> [PolicyCheck] {
    let request = approval.request
    var checks = [statusCheck(request, now: now), singleVoteCheck(actor, approval)]
    // Separation of duties governs who lets a change through; anyone permitted may stop it.
    guard approval.choice == .approve else { return checks }
    let rule = governingRule(request.kind.approveAction, environment: request.environment)
    for party in Party.allCases where rule?.distinctFrom.contains(party) == true {
      checks.append(distinctCheck(actor, party, request))
    }
    if let rule, rule.requireOwner {
      checks.append(ownerCheck(actor, approval, required: rule.approvals))
    }
    return checks
  }

  private func statusCheck(_ request: ApprovalRequest, now: Date) -> PolicyCheck {
    if request.status != .pending {
      return PolicyCheck("pending", met: false,
                         reason: "request \(request.id) is already \(request.status.rawValue)")
    }
    if request.isExpired(at: now) {
      return PolicyCheck("pending", met: false,
                         reason: "request \(request.id) expired at \(request.expires)")
    }
    return PolicyCheck("pending", met: true,
                       reason: "request \(request.id) is pending until \(request.expires)")
  }

  private func singleVoteCheck(_ actor: Actor, _ approval: ApprovalState) -> PolicyCheck {
    if let vote = approval.votes.first(where: { $0.voter == actor.id }) {
      return PolicyCheck(
        "single-vote", met: false,
        reason: "\(actor) already voted \(vote.choice.rawValue) at \(vote.time); "
          + "a second vote does not count")
    }
    return PolicyCheck("single-vote", met: true, reason: "\(actor) has not voted on it yet")
  }

  private func distinctCheck(_ actor: Actor, _ party: Party,
                             _ request: ApprovalRequest) -> PolicyCheck {
    let name: String
    let isParty: Bool
    switch party {
    case .proposer:
      name = "not-proposer"
      isParty = request.proposer == actor.id
    case .changeAuthor:
      name = "not-change-author"
      isParty = request.changeAuthors.contains(actor.id)
    case .requester:
      name = "not-requester"
      isParty = request.requester == actor.id
    }
    let role = party == .changeAuthor ? "an author of the change" : "the \(party.rawValue)"
    return PolicyCheck(
      name, met: !isParty,
      reason: isParty
        ? "\(actor) is \(role), and the policy requires approval by someone else"
        : "\(actor) is not \(role)")
  }

  private func ownerCheck(_ actor: Actor, _ approval: ApprovalState,
                          required: Int) -> PolicyCheck {
    let request = approval.request
    let owners = request.owners.compactMap { EntityRef(parsing: $0) }
    let ownerList = request.owners.joined(separator: ", ")
    if owners.isEmpty {
      return PolicyCheck("owner", met: false,
                         reason: "the policy requires an owner's approval, "
                           + "but request \(request.id) lists no owners")
    }
    let user = actor.userRef
    if let user, let owner = owners.first(where: { directory.belongs(user, to: $0) }) {
      return PolicyCheck("owner", met: true, reason: "\(actor) belongs to owner \(owner)")
    }
    let approvals = approval.votes.filter { $0.choice == .approve }
    let ownerApproval = approvals.first { vote in
      guard let user = EntityRef(parsing: vote.voter) else { return false }
      return owners.contains { directory.belongs(user, to: $0) }
    }
    if let ownerApproval {
      return PolicyCheck("owner", met: true,
                         reason: "owner \(ownerApproval.voter) has already approved")
    }
    let remaining = required - approvals.count
    if remaining > 1 {
      return PolicyCheck("owner", met: true,
                         reason: "\(remaining) approvals remain, one of them from \(ownerList)")
    }
    return PolicyCheck("owner", met: false,
                       reason: "the policy requires an approval from an owner (\(ownerList)), "
                         + "and \(actor) belongs to none of them")
  }
}
