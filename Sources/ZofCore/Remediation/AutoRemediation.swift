import Foundation

/// Starts remediators marked `spec.auto: true` on the failures of a finished run.
///
/// Each remediator is authorized for `remediation.propose` as its own identity
/// (`remediator:NAME`); a denied one is skipped, and the denial is in the audit log.
/// Command and revert remediators take failed checks, quarantine remediators take checks
/// that failed or flaked and whose history is flaky.
public enum AutoRemediation {
  /// The result for one remediator and check.
  public struct Outcome: Sendable {
    public var remediator: String
    public var checkRef: String
    public var proposal: Proposal?
    /// The reason nothing was proposed, when nothing was.
    public var skipped: String?
  }

  /// Runs the automatic remediators for run `runID`; returns what each did.
  public static func afterRun(_ runID: Int64, service: ProposalService) throws -> [Outcome] {
    let session = service.session
    let autos = try RemediatorSpec.all(in: session.graph).filter(\.auto)
    guard !autos.isEmpty else { return [] }
    let checks = try session.store.runs.runChecks(runID)
    var outcomes: [Outcome] = []
    for spec in autos {
      for check in checks where applies(spec, check.status) {
        outcomes.append(try start(spec, check.checkRef, runID: runID, service: service))
      }
    }
    return outcomes
  }

  static func applies(_ spec: RemediatorSpec, _ status: RunCheckStatus) -> Bool {
    switch spec.kind {
    case .quarantine: status == .flaky || status == .failed
    case .revert, .command: status == .failed || status == .timedOut
    }
  }

  private static func start(_ spec: RemediatorSpec, _ checkRef: String, runID: Int64,
                            service: ProposalService) throws -> Outcome {
    let session = service.session
    let decision = try session.authorizer.decideAndRecord(
      Identity(real: spec.actor), .remediationPropose,
      context: AuthorizationContext(subject: "run:\(runID)/\(checkRef)"), audit: session.audit,
      details: ["startedBy": .string(session.identity.effective.id), "automatic": true])
    var outcome = Outcome(remediator: spec.name, checkRef: checkRef)
    guard decision.allowed else {
      outcome.skipped = "denied: " + decision.reasons.joined(separator: "; ")
      return outcome
    }
    do {
      let failure = try FailureEvidence.load(runID: runID, checkRef: checkRef,
                                             runs: session.store.runs)
      outcome.proposal = try service.start(spec, failure: failure, good: nil)
    } catch let error as InputError {
      outcome.skipped = error.message
    }
    return outcome
  }
}
