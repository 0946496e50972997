/// The outcome an audit event records.
public enum AuditDecision: String, Sendable, CaseIterable {
  /// An authorization call allowed the action.
  case allowed
  /// An authorization call denied the action.
  case denied
  /// A fact that needed no decision, such as a queued approval request.
  case recorded
}

/// An event to append to the audit log; `AuditLog` assigns its sequence number, time and
/// hashes.
public struct AuditEntry: Sendable, Equatable {
  /// The real identity that acted, such as `user:default/alice` or `fleet:api/worker-2`.
  public var actor: String
  /// The identity assumed with `--as`, when there is one.
  public var assumedActor: String?
  /// The attempted action, such as `remediation.approve`.
  public var action: String
  /// The thing acted on, such as an approval request id or an entity reference.
  public var subject: String
  public var decision: AuditDecision
  public var details: JSONValue

  public init(actor: String, assumedActor: String? = nil, action: String, subject: String,
              decision: AuditDecision, details: JSONValue = [:]) {
    self.actor = actor
    self.assumedActor = assumedActor
    self.action = action
    self.subject = subject
    self.decision = decision
    self.details = details
  }
}
