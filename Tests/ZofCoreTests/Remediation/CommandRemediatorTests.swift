import Foundation
import Testing
@testable import ZofCore

/// Command remediators on the demo: one fixes the bug, one makes it worse, one hangs, one
/// edits the user's working tree.
@Suite(.serialized)
struct CommandRemediatorTests {
  static let remediators = """
    apiVersion: zof.dev/v1alpha1
    kind: Remediator
    metadata: {name: break-more}
    spec:
      type: command
      run: printf 'raise SystemExit(3)\\n' >> libs/serde/serde.py
    ---
    apiVersion: zof.dev/v1alpha1
    kind: Remediator
    metadata: {name: hang}
    spec:
      type: command
      run: sleep 60
      timeout: 1s
    ---
    apiVersion: zof.dev/v1alpha1
    kind: Remediator
    metadata: {name: escape}
    spec:
      type: command
      run: cd ../../.. && echo '# edited' >> libs/serde/serde.py && echo '# here' >> README.md
    ---
    apiVersion: zof.dev/v1alpha1
    kind: Remediator
    metadata: {name: read-evidence}
    spec:
      type: command
      command: [sh, -c, 'cp "$ZOF_EVIDENCE_TESTS" tests-seen.txt && echo "$ZOF_FAILED_RUN"']
    """

  let fixture: RemediationFixture
  let session: WorkspaceSession
  let runID: Int64

  init() throws {
    fixture = try RemediationFixture(extraCatalog: Self.remediators)
    session = try fixture.session(as: "carol")
    runID = try fixture.run(["partial-refund-journey"], session: session)
  }

  func propose(_ remediator: String) throws -> Proposal {
    try fixture.service(session).propose(ProposalService.Request(
      runID: runID, check: "partial-refund-journey", remediator: remediator))
  }

  @Test func fixingScriptValidates() throws {
    let proposal = try propose("fix-rounding")
    #expect(proposal.state == .validated, "reason: \(proposal.reason ?? "")")
    #expect(proposal.diff.contains("ROUND_HALF_EVEN"))
    #expect(proposal.approvalRequestID != nil)
    let author = try fixture.git(["log", "-1", "--format=%an", "zof/fix/\(proposal.id)"])
    #expect(author.hasPrefix("remediator:fix-rounding"))
    // The evidence folder is never part of the proposal.
    #expect(!proposal.diff.contains(".zof-evidence"))
    #expect(proposal.evidence.contains("restored rounding"))
  }

  @Test func worseningScriptFailsValidation() throws {
    let proposal = try propose("break-more")
    #expect(proposal.state == .failedValidation)
    #expect(proposal.validationStatus == "failed")
    #expect(proposal.reason?.contains("partial-refund-journey") == true)
    #expect(proposal.approvalRequestID == nil)
    #expect(proposal.worktree == nil)
    // The failed proposal stays visible with its diff and branch.
    #expect(proposal.diff.contains("SystemExit(3)"))
    #expect(try fixture.git(["branch", "--list", "zof/fix/\(proposal.id)"]).contains("zof/fix"))
  }

  @Test func hangingScriptTimesOut() throws {
    let proposal = try propose("hang")
    #expect(proposal.state == .failedValidation)
    #expect(proposal.reason?.contains("timed out") == true)
    #expect(proposal.worktree == nil)
    let folder = fixture.root + "/.zof/worktrees/\(proposal.id)"
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.zof/remediation/\(proposal.id)"))
  }

  @Test func editOutsideWorktreeIsNotTaken() throws {
    let proposal = try propose("escape")
    #expect(proposal.state == .failedValidation)
    let reason = try #require(proposal.reason)
    #expect(reason.contains("outside its worktree"))
    #expect(reason.contains("libs/serde/serde.py"))
    #expect(reason.contains("README.md"))
    #expect(proposal.headCommit == nil)
    #expect(proposal.validationRunID == nil)
    let events = try fixture.events(session, subject: "proposal:\(proposal.id)")
    let failure = try #require(events.first { $0.action == "proposal.fail" })
    #expect(failure.actor == "remediator:escape")
    #expect(failure.details.contains("outside its worktree"))
  }

  @Test func evidenceFilesReachTheProgram() throws {
    let proposal = try propose("read-evidence")
    // The copy is the change; the rerun still fails, so the proposal fails validation.
    #expect(proposal.state == .failedValidation)
    #expect(proposal.diff.contains("test_partial_refund_balance"))
    #expect(proposal.evidence.contains("\(runID)"))
  }

  @Test func newerProposalSupersedesOlder() throws {
    let first = try propose("fix-rounding")
    let second = try propose("fix-rounding")
    let store = ProposalStore(database: session.store.database)
    #expect(try store.proposal(first.id)?.state == .superseded)
    #expect(second.state == .validated)
    #expect(!FileManager.default.fileExists(atPath: first.worktree ?? "/nonexistent-folder"))

    // The older proposal's request leaves the queue, recorded, and takes no more votes.
    let olderRequest = try #require(first.approvalRequestID)
    #expect(try session.approvals.request(id: olderRequest)?.status == .withdrawn)
    #expect(try session.approvals.requests(status: .pending).map(\.id)
              == [second.approvalRequestID].compactMap { $0 })
    let withdrawal = try session.audit.events(AuditQuery(action: "approval.withdraw")).events
    #expect(withdrawal.map(\.subject) == [olderRequest])
    #expect(withdrawal.first?.details.contains("superseded by proposal \(second.id)") == true)
    // A process still working on the older proposal cannot bring it back by saving.
    var stale = first
    stale.state = .validated
    try store.save(stale)
    #expect(try store.proposal(first.id)?.state == .superseded)
    let bob = try fixture.session(as: "bob")
    let vote = try bob.approvals.approve(requestID: olderRequest, by: bob.identity)
    #expect(!vote.decision.allowed)
    #expect(vote.decision.reasons.joined().contains("already withdrawn"))
  }
}
