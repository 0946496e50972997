import Foundation
import Testing
@testable import ZofCore

/// A flaky check is quarantined after approval, stops gating runs, and gates again once
/// the quarantine expires.
@Suite(.serialized)
struct QuarantineTests {
  /// Fails its first attempt (flaky), and every attempt while `always-fail` exists.
  static let catalog = """
    apiVersion: zof.dev/v1alpha1
    kind: Check
    metadata: {name: relay}
    spec:
      domain: unit
      run: test "$ZOF_ATTEMPT" != 1 && test ! -e always-fail
      retries: 1
    """

  @Test func approvedQuarantineExcusesUntilExpiry() throws {
    let fixture = try RemediationFixture(extraCatalog: Self.catalog)
    let dave = try fixture.session(as: "dave")
    let start = Date(timeIntervalSince1970: 1_900_000_000)
    let flakyRun = try fixture.run(["relay"], session: dave, now: start)
    #expect(try dave.store.runs.runChecks(flakyRun).first?.status == .flaky)

    let proposal = try fixture.service(dave, now: start).propose(ProposalService.Request(
      runID: flakyRun, check: "relay", remediator: "quarantine"))
    #expect(proposal.state == .validated)
    #expect(proposal.branch == nil)
    let requestID = try #require(proposal.approvalRequestID)
    #expect(try dave.approvals.request(id: requestID)?.kind == .quarantine)

    let bob = try fixture.session(as: "bob")
    #expect(try bob.approvals.approve(requestID: requestID, by: bob.identity).decision.allowed)
    let approved = try fixture.service(bob, now: start).afterDecision(requestID: requestID)
    #expect(approved?.state == .approved)
    let quarantines = Quarantines(database: bob.store.database)
    #expect(try quarantines.isQuarantined(checkRef: "check:default/relay", now: start))
    let expiry = start + 14 * 86400
    #expect(try !quarantines.isQuarantined(checkRef: "check:default/relay", now: expiry))

    fixture.folder.write("always-fail", "")
    let excused = try fixture.run(["relay"], session: bob, now: start + 86400)
    #expect(try bob.store.runs.runChecks(excused).first?.status == .failed)
    #expect(try bob.store.runs.run(excused)?.status == .passed)
    let gate = QuarantineGate(database: bob.store.database)
    #expect(try gate.quarantinedChecks(runID: excused) == ["check:default/relay"])

    let gating = try fixture.run(["relay"], session: bob, now: expiry)
    #expect(try bob.store.runs.run(gating)?.status == .failed)
    #expect(try gate.quarantinedChecks(runID: gating).isEmpty)
  }

  @Test func steadyCheckCannotBeQuarantined() throws {
    let fixture = try RemediationFixture()
    let dave = try fixture.session(as: "dave")
    let runID = try fixture.run(["partial-refund-journey"], session: dave)
    #expect(throws: InputError.self) {
      try fixture.service(dave).propose(ProposalService.Request(
        runID: runID, check: "partial-refund-journey", remediator: "quarantine"))
    }
  }

  @Test func gateKeepsOtherFailures() {
    let checks = [
      RunCheckRecord(checkRef: "check:default/a", fleet: "f", status: .failed, ordinal: 0),
      RunCheckRecord(checkRef: "check:default/b", fleet: "f", status: .failed, ordinal: 1),
    ]
    let cases: [(Set<String>, RunStatus)] = [
      (["check:default/a", "check:default/b"], .passed),
      (["check:default/a"], .failed),
      ([], .failed),
    ]
    for (excused, expected) in cases {
      #expect(QuarantineGate.status(.failed, checks: checks, excused: excused) == expected)
    }
    #expect(QuarantineGate.status(.errored, checks: checks, excused: ["check:default/a"])
              == .errored)
  }
}
