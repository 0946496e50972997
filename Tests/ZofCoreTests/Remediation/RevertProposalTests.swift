import Foundation
import Testing
@testable import ZofCore

/// The whole loop on the demo: a commit breaks a check, bisect finds it, the revert
/// validates, and only a permitted person who did not write the change approves it.
@Suite(.serialized)
struct RevertProposalTests {
  @Test func revertValidatesAndBobApproves() throws {
    let fixture = try RemediationFixture()
    let carol = try fixture.session(as: "carol")
    let runID = try fixture.run(["partial-refund-journey"], session: carol)
    #expect(try carol.store.runs.run(runID)?.status == .failed)

    let service = fixture.service(carol)
    let proposal = try service.propose(ProposalService.Request(
      runID: runID, check: "partial-refund-journey", remediator: "revert",
      good: fixture.commits[0]))
    #expect(proposal.state == .validated, "reason: \(proposal.reason ?? "")")
    #expect(proposal.branch == "zof/fix/\(proposal.id)")
    #expect(proposal.validationStatus == "passed")
    #expect(proposal.diffStat.contains("libs/serde/serde.py"))

    // Bisect found the last demo commit, and the run keeps its result.
    let stored = try #require(try carol.store.runs.run(runID)?.bisectResult)
    let bisect = try JSONDecoder().decode(Bisector.Result.self, from: Data(stored.utf8))
    #expect(bisect.firstBad == fixture.commits.last)
    #expect(bisect.authorEmail == "alice@example.com")

    // The branch holds the revert of that commit, and the worktree is under the store.
    let subject = try fixture.git(["log", "-1", "--format=%s", "zof/fix/\(proposal.id)"])
    #expect(subject.hasPrefix("Revert \"Encode amounts without Decimal rounding\""))
    let worktree = try #require(proposal.worktree)
    #expect(worktree.hasPrefix(fixture.root + "/.zof/worktrees/"))

    // The validation run ran at the branch's commit, linked to the proposal, in staging.
    let validation = try #require(try carol.store.runs.run(proposal.validationRunID ?? 0))
    #expect(validation.proposalID == proposal.id)
    #expect(validation.environment == "staging")
    #expect(validation.status == .passed)
    let attempts = try carol.store.runs.attempts(run: validation.id)
    #expect(!attempts.isEmpty)
    #expect(attempts.allSatisfy { $0.commit == proposal.headCommit })

    // The request names Alice as the change author and the payments team as owner.
    let requestID = try #require(proposal.approvalRequestID)
    let request = try #require(try carol.approvals.request(id: requestID))
    #expect(request.kind == .remediation)
    #expect(request.proposer == "remediator:revert")
    #expect(request.changeAuthors == ["user:default/alice"])
    #expect(request.owners.contains("group:default/payments-team"))
    #expect(request.evidence.contains("\"diff\":"))
    #expect(request.evidence.contains("test_partial_refund_balance"))

    let alice = try fixture.session(as: "alice")
    let refused = try alice.approvals.approve(requestID: requestID, by: alice.identity)
    #expect(!refused.decision.allowed)
    #expect(refused.request.status == .pending)
    #expect(try service.afterDecision(requestID: requestID)?.state == .validated)

    let bob = try fixture.session(as: "bob")
    let approved = try bob.approvals.approve(requestID: requestID, by: bob.identity)
    #expect(approved.decision.allowed)
    #expect(approved.request.status == .approved)

    let done = try #require(try fixture.service(bob).afterDecision(requestID: requestID))
    #expect(done.state == .approved)
    #expect(done.worktree == nil)
    #expect(!FileManager.default.fileExists(atPath: worktree))
    let patch = try String(contentsOfFile: try #require(done.patchPath), encoding: .utf8)
    #expect(patch.contains("Revert \"Encode amounts without Decimal rounding\""))
    let summary = try String(contentsOfFile: try #require(done.summaryPath), encoding: .utf8)
    #expect(summary.contains("# Fix check:default/partial-refund-journey"))
    #expect(done.patchPath?.hasPrefix(fixture.root + "/.zof/proposals/\(done.id)/") == true)
    #expect(done.handoff?.contains("git push origin zof/fix/\(done.id)") == true)
    // The branch stays for a person to push or delete.
    #expect(try fixture.git(["branch", "--list", "zof/fix/\(done.id)"]).contains("zof/fix/"))

    let events = try fixture.events(bob, subject: "proposal:\(proposal.id)")
    let actions = events.map(\.action)
    for action in ["proposal.create", "run.start", "proposal.validate", "proposal.queue",
                   "proposal.approved"] {
      #expect(actions.contains(action), "missing \(action) in \(actions)")
    }
    let agentEvents = events.filter { $0.actor == "remediator:revert" }
    #expect(!agentEvents.isEmpty)
    #expect(agentEvents.allSatisfy { $0.details.contains("\"startedBy\":\"user:default/carol\"") })
    let propose = try bob.audit.events(AuditQuery(action: "remediation.propose")).events
    #expect(propose.first?.assumedActor == "user:default/carol")
    #expect(propose.first?.decision == .allowed)
    let votes = try bob.audit.events(AuditQuery(subject: requestID)).events
    #expect(votes.contains { $0.assumedActor == "user:default/alice" && $0.decision == .denied })
    #expect(votes.contains { $0.assumedActor == "user:default/bob" && $0.decision == .allowed })
    #expect(try bob.audit.verify().isIntact)
  }

  @Test func pullRequestCommandGetsBranch() throws {
    let fixture = try RemediationFixture()
    let config = fixture.folder.file("zof.yaml")
    let text = try String(contentsOfFile: config, encoding: .utf8) + """
      pullRequest:
        command: echo "branch=$ZOF_BRANCH"; head -1 "$ZOF_SUMMARY"; test -s "$ZOF_PATCH"

      """
    try text.write(toFile: config, atomically: true, encoding: .utf8)
    let carol = try fixture.session(as: "carol")
    let runID = try fixture.run(["partial-refund-journey"], session: carol)
    let proposal = try fixture.service(carol).propose(ProposalService.Request(
      runID: runID, check: "partial-refund-journey", remediator: "fix-rounding"))
    let requestID = try #require(proposal.approvalRequestID)
    let bob = try fixture.session(as: "bob")
    _ = try bob.approvals.approve(requestID: requestID, by: bob.identity)

    let done = try #require(try fixture.service(bob).applyDecisions().first)
    #expect(done.state == .approved)
    let handoff = try #require(done.handoff)
    #expect(handoff.contains("\"mode\":\"command\""))
    #expect(handoff.contains("branch=zof/fix/\(done.id)"))
    #expect(handoff.contains("# Fix check:default/partial-refund-journey"))
    #expect(handoff.contains("\"exitCode\":0"))
  }

  @Test func passingCheckHasNothingToRevert() throws {
    let fixture = try RemediationFixture()
    let carol = try fixture.session(as: "carol")
    let runID = try fixture.run(["checkout-journey"], session: carol)
    #expect(throws: InputError.self) {
      try fixture.service(carol).propose(ProposalService.Request(
        runID: runID, check: "checkout-journey", remediator: "revert"))
    }
    #expect(try ProposalStore(database: carol.store.database).list().isEmpty)
  }
}
