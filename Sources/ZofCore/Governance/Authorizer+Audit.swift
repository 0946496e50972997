extension AuditEntry {
  /// An entry for `identity`, recording its real and its assumed actor.
  public init(identity: Identity, action: String, subject: String, decision: AuditDecision,
              details: JSONValue = [:]) {
    self.init(actor: identity.real.id, assumedActor: identity.assumed?.id, action: action,
              subject: subject, decision: decision, details: details)
  }
}

extension Authorizer {
  /// Decides like `authorize` and appends the decision to `audit`, allowed or denied.
  ///
  /// The event's details are the members of `details` plus `checks`, `environment` and
  /// `policy`, which the authorizer sets and which replace members of the same name. The
  /// returned decision carries the event's sequence number.
  public func decideAndRecord(_ identity: Identity, _ action: Action,
                              context: AuthorizationContext, audit: AuditLog,
                              details: JSONValue = [:]) throws -> Decision {
    var decision = authorize(identity, action, context: context)
    var members: [String: JSONValue] = [:]
    if case .object(let extra) = details { members = extra }
    members["checks"] = .array(decision.checks.map(\.json))
    members["environment"] = context.environment.map { .string($0) } ?? .null
    members["policy"] = .string(policy.name)
    let event = try audit.append(AuditEntry(
      identity: identity, action: action.rawValue, subject: context.subject,
      decision: decision.allowed ? .allowed : .denied, details: .object(members)))
    decision.auditSeq = event.seq
    return decision
  }

  /// Returns the identity for a command run by `real`, acting as `login` when given.
  ///
  /// Acting as another user needs `spec.identity.allowImpersonation: true` in the policy
  /// and a real actor that is a person. The attempt is audited either way, and a rejected one
  /// throws an `InputError`, which front ends report with exit status 2.
  public func identity(real: Actor, actingAs login: String?, audit: AuditLog) throws -> Identity {
    guard let login else { return Identity(real: real) }
    let identity = Identity(real: real, assumed: try Actor(parsing: login))
    let context = AuthorizationContext(subject: identity.effective.id)
    let decision = try decideAndRecord(identity, .impersonate, context: context, audit: audit)
    guard decision.allowed else {
      throw InputError(
        "--as \(login) is not allowed: " + decision.reasons.joined(separator: "; "),
        hint: "run without --as, or set spec.identity.allowImpersonation: true in the policy")
    }
    return identity
  }
}
