import Foundation

/// The stage of a proposal, from creation to its approval decision.
public enum ProposalState: String, Sendable, Codable, CaseIterable {
  case proposed, validating, validated
  case failedValidation = "failed-validation"
  case approved, rejected, expired, superseded

  /// Whether a newer proposal for the same failure replaces this one.
  public var isOpen: Bool { self == .proposed || self == .validating || self == .validated }

  /// Whether nothing more happens to the proposal.
  public var isFinished: Bool { !isOpen }
}

/// A proposed fix for one failing check of one run, with its evidence and validation.
public struct Proposal: Sendable, Equatable {
  public var id: Int64
  public var createdAt: String
  public var updatedAt: String
  /// The run in which the check failed or flaked.
  public var runID: Int64
  public var checkRef: String
  /// The remediator's name; it acts as `remediator:NAME`.
  public var remediator: String
  public var type: RemediatorSpec.Kind
  public var state: ProposalState
  /// The effective identity of the person who started the remediation.
  public var startedBy: String
  /// The real identity behind `startedBy`, which differs under `--as`.
  public var startedByReal: String
  /// The failing commit the proposal's branch starts from.
  public var baseCommit: String?
  /// The commit that contains the proposed change.
  public var headCommit: String?
  public var branch: String?
  /// The git worktree the remediator worked in; nil once it is removed.
  public var worktree: String?
  public var diffStat: String
  /// The full diff, cut at `ProposalStore.maxDiffBytes`.
  public var diff: String
  public var validationRunID: Int64?
  public var validationStatus: String?
  public var approvalRequestID: String?
  /// The reason the proposal failed or was superseded.
  public var reason: String?
  /// The failure under repair, the bisect result and the remediator's output, as JSON.
  public var evidence: String
  public var patchPath: String?
  public var summaryPath: String?
  /// The hand-off after approval, as JSON: the pull request command's output, or the
  /// commands a person runs.
  public var handoff: String?

  public var actor: Actor { .remediator(remediator) }
}

/// A quarantined check: it still runs and is shown, but its failures do not fail runs or
/// readiness until the quarantine is lifted or expires.
public struct Quarantine: Sendable, Equatable {
  public var id: Int64
  public var checkRef: String
  public var proposalID: Int64
  public var approvalRequestID: String?
  public var startedAt: String
  public var expiresAt: String
  public var liftedAt: String?
  public var liftedBy: String?

  /// Returns whether the quarantine applies at `now`.
  public func isActive(at now: Date) -> Bool {
    guard liftedAt == nil, let expiry = Timestamp.parse(expiresAt) else { return false }
    return now < expiry
  }
}
