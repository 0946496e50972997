import Foundation

/// The kind of change an approval request is for.
public enum ApprovalKind: String, Sendable, CaseIterable {
  case remediation, quarantine, release

  /// The action that approves a request of this kind.
  public var approveAction: Action {
    switch self {
    case .remediation: .remediationApprove
    case .quarantine: .quarantineApprove
    case .release: .releaseSignoff
    }
  }

  /// The action that rejects a request of this kind.
  ///
  /// Only remediations have a separate reject action, so rejecting a quarantine or a
  /// release needs the same permission as approving it.
  public var rejectAction: Action {
    self == .remediation ? .remediationReject : approveAction
  }
}

public enum ApprovalStatus: String, Sendable, CaseIterable {
  case pending, approved, rejected, expired
  /// Taken off the queue undecided, because its subject no longer needs a decision.
  case withdrawn
}

/// The fields a capability supplies to queue a request with `ApprovalQueue.create`.
public struct ApprovalDraft: Sendable {
  public var kind: ApprovalKind
  /// The thing to approve, such as a proposal id or a release ref.
  public var subject: String
  /// The actor that proposed the change, often a remediator.
  public var proposer: Actor
  /// Authors of the change under repair, as actors.
  public var changeAuthors: [Actor]
  /// Catalog entities the change affects.
  public var affected: [EntityRef]
  /// Owners (usually groups) of the affected components.
  public var owners: [EntityRef]
  public var environment: String?
  /// Evidence to show the approver: runs, attempts, diffs.
  public var evidence: JSONValue
  /// How long the request stays open, in seconds.
  public var lifetime: TimeInterval

  public init(kind: ApprovalKind, subject: String, proposer: Actor, changeAuthors: [Actor] = [],
              affected: [EntityRef] = [], owners: [EntityRef] = [], environment: String? = nil,
              evidence: JSONValue = [:], lifetime: TimeInterval = 7 * 86400) {
    self.kind = kind
    self.subject = subject
    self.proposer = proposer
    self.changeAuthors = changeAuthors
    self.affected = affected
    self.owners = owners
    self.environment = environment
    self.evidence = evidence
    self.lifetime = lifetime
  }
}

/// A stored approval request.
public struct ApprovalRequest: Sendable, Equatable {
  public var id: String
  public var kind: ApprovalKind
  public var subject: String
  /// The effective actor that queued the request.
  public var requester: String
  public var proposer: String
  public var changeAuthors: [String]
  public var affected: [String]
  public var owners: [String]
  public var environment: String?
  /// The evidence as canonical JSON text.
  public var evidence: String
  public var created: String
  public var expires: String
  public var status: ApprovalStatus
  public var decided: String?

  /// Returns whether the request is past its expiry time at `now`.
  public func isExpired(at now: Date) -> Bool {
    guard let expiry = Timestamp.parse(expires) else { return false }
    return now >= expiry
  }
}

/// One person's approval or rejection of a request.
public struct ApprovalVote: Sendable, Equatable {
  public enum Choice: String, Sendable { case approve, reject }

  public var requestID: String
  /// The effective actor that voted.
  public var voter: String
  /// The real actor, which differs from `voter` under `--as`.
  public var realActor: String
  public var choice: Choice
  public var time: String
  public var comment: String?
  /// The audit event that recorded the vote.
  public var auditSeq: Int64
}
