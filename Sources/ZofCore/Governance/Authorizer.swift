import Foundation

/// The facts an authorization needs besides the actor and the action.
public struct AuthorizationContext: Sendable {
  /// The thing the action applies to, recorded as the audit event's subject.
  public var subject: String
  public var environment: String?
  /// The request being decided, with its votes so far, for approval actions.
  public var approval: ApprovalState?
  public var now: Date

  public init(subject: String, environment: String? = nil, approval: ApprovalState? = nil,
              now: Date = Date()) {
    self.subject = subject
    self.environment = environment
    self.approval = approval
    self.now = now
  }
}

/// An approval request, the votes cast on it, and the vote being decided.
public struct ApprovalState: Sendable {
  public var request: ApprovalRequest
  public var votes: [ApprovalVote]
  /// Whether the actor is approving or rejecting. Rejecting a quarantine or a release uses
  /// the same action as approving it, so the action alone does not tell.
  public var choice: ApprovalVote.Choice

  public init(request: ApprovalRequest, votes: [ApprovalVote],
              choice: ApprovalVote.Choice = .approve) {
    self.request = request
    self.votes = votes
    self.choice = choice
  }
}

/// The one place that decides whether an actor may do something.
///
/// `authorize` returns a `Decision` with every check it made. `decideAndRecord` also
/// writes that decision to the audit log, whether it allows or denies.
public struct Authorizer: Sendable {
  public let policy: Policy
  public let directory: Directory

  public init(policy: Policy, directory: Directory) {
    self.policy = policy
    self.directory = directory
  }

  /// Decides whether `identity` may perform `action` in `context`.
  ///
  /// Agents may never approve, reject or sign off, even where the policy grants them a role
  /// that could. For approval
  /// actions with `context.approval` set, the decision includes the request's state and the
  /// separation-of-duties rules.
  public func authorize(_ identity: Identity, _ action: Action,
                        context: AuthorizationContext) -> Decision {
    if action == .impersonate {
      return Decision(action: action, checks: impersonationChecks(identity))
    }
    var checks: [PolicyCheck] = []
    if action.decidesApproval {
      checks.append(agentCheck(identity))
    }
    checks.append(roleCheck(identity.effective, action, environment: context.environment))
    if action.decidesApproval, let approval = context.approval {
      checks += approvalChecks(identity.effective, approval, now: context.now)
    }
    return Decision(action: action, checks: checks)
  }

  /// Returns the roles of `actor`, each with the membership that grants it (for example
  /// `via group:default/sre`).
  public func roles(of actor: Actor) -> [String: String] {
    let groups = actor.userRef.map { directory.groups(of: $0) } ?? []
    var granted: [String: String] = [:]
    for (role, members) in policy.roles {
      for member in members {
        if let via = holds(actor, member, groups: groups) {
          granted[role] = via
          break
        }
      }
    }
    return granted
  }

  /// Returns the rule that sets approval requirements for `action` in `environment`: the
  /// first matching allow rule.
  public func governingRule(_ action: Action, environment: String?) -> PolicyRule? {
    policy.rules.first { !$0.deny && $0.matches(action, environment: environment) }
  }

  private func holds(_ actor: Actor, _ member: RoleMember, groups: Set<EntityRef>) -> String? {
    switch member {
    case .everyone:
      return "as everyone (*)"
    case .user(let ref):
      return actor.userRef == ref ? "as \(ref)" : nil
    case .group(let ref):
      return groups.contains(ref) ? "via \(ref)" : nil
    case .agents(let glob):
      return actor.isAgent && glob.matches(actor.id) ? "via \(glob.pattern)" : nil
    }
  }

  // MARK: - Checks

  private func agentCheck(_ identity: Identity) -> PolicyCheck {
    guard identity.involvesAgent else {
      return PolicyCheck("not-agent", met: true, reason: "\(identity.effective) is a person")
    }
    let agent = identity.real.isAgent ? identity.real : identity.effective
    return PolicyCheck("not-agent", met: false,
                       reason: "\(agent) is an agent; agents never approve, reject or sign off")
  }

  private func roleCheck(_ actor: Actor, _ action: Action, environment: String?) -> PolicyCheck {
    let place = environment.map { " in \($0)" } ?? ""
    let rules = policy.rules.filter { $0.matches(action, environment: environment) }
    let granted = roles(of: actor)
    for rule in rules where rule.deny {
      if rule.roles.isEmpty || rule.roles.contains(where: { granted[$0] != nil }) {
        return PolicyCheck("role", met: false,
                           reason: "\(rule.label) denies \(action.rawValue)\(place)")
      }
    }
    for rule in rules where !rule.deny {
      if let role = rule.roles.first(where: { granted[$0] != nil }) {
        return PolicyCheck(
          "role", met: true,
          reason: "\(actor) holds role \(role) \(granted[role]!), which \(rule.label) allows "
            + "to \(action.rawValue)\(place)")
      }
    }
    if action == .view {
      return PolicyCheck("role", met: true, reason: "viewing is allowed unless a rule denies it")
    }
    let roleList = granted.keys.sorted().joined(separator: ", ")
    return PolicyCheck(
      "role", met: false,
      reason: "no rule of policy \(policy.name) allows \(actor) to \(action.rawValue)\(place)"
        + " (roles: \(roleList.isEmpty ? "none" : roleList))")
  }

  private func impersonationChecks(_ identity: Identity) -> [PolicyCheck] {
    let target = identity.assumed?.id ?? identity.real.id
    let allowed = PolicyCheck(
      "impersonation-allowed", met: policy.allowImpersonation,
      reason: policy.allowImpersonation
        ? "policy \(policy.name) allows acting as another user"
        : "policy \(policy.name) does not set spec.identity.allowImpersonation, "
          + "so \(identity.real) may not act as \(target)")
    let person = PolicyCheck(
      "impersonator-is-person", met: !identity.real.isAgent,
      reason: identity.real.isAgent
        ? "\(identity.real) is an agent; agents may not assume another identity"
        : "\(identity.real) is a person")
    return [allowed, person]
  }
}
