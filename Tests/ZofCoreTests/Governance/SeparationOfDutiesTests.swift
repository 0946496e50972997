import Foundation
import Testing
@testable import ZofCore

/// One refused vote: how the request is set up, who votes, and which checks must fail.
struct RefusedVote: Sendable, CustomTestStringConvertible {
  var name: String
  var proposer: Actor = .remediator("revert")
  var environment: String? = "staging"
  /// Votes cast (and allowed) before the one under test.
  var earlier: [(login: String, choice: ApprovalVote.Choice)] = []
  var voter: Identity
  var choice: ApprovalVote.Choice = .approve
  /// Seconds the clock moves before the vote.
  var delay: TimeInterval = 0
  var failing: Set<String>

  var testDescription: String { name }

  static let all: [RefusedVote] = [
    RefusedVote(name: "self-approval by the proposer", proposer: .user("alice"),
                voter: GovernanceFixture.user("alice"), failing: ["not-proposer"]),
    RefusedVote(name: "approval by the change author",
                voter: GovernanceFixture.user("carol"), failing: ["not-change-author"]),
    RefusedVote(name: "approval by the requester",
                voter: GovernanceFixture.user("frank"),
                failing: ["role", "not-requester", "owner"]),
    RefusedVote(name: "approval by an agent the policy lists",
                voter: Identity(real: .fleetWorker(fleet: "api", worker: 2)),
                failing: ["not-agent", "owner"]),
    RefusedVote(name: "rejection by an agent",
                voter: Identity(real: .remediator("revert")), choice: .reject,
                failing: ["not-agent", "role"]),
    RefusedVote(name: "approval by a role that is not allowed",
                voter: GovernanceFixture.user("dave"), failing: ["role", "owner"]),
    RefusedVote(name: "second approval by the same person", environment: "production",
                earlier: [("alice", .approve)], voter: GovernanceFixture.user("alice"),
                failing: ["single-vote"]),
    RefusedVote(name: "approval after a rejection", earlier: [("bob", .reject)],
                voter: GovernanceFixture.user("alice"), failing: ["pending"]),
    RefusedVote(name: "approval of an approved request", earlier: [("alice", .approve)],
                voter: GovernanceFixture.user("erin"), failing: ["pending"]),
    RefusedVote(name: "approval of an expired request", voter: GovernanceFixture.user("alice"),
                delay: 3601, failing: ["pending"]),
    RefusedVote(name: "owner required and missing", voter: GovernanceFixture.user("bob"),
                failing: ["owner"]),
    RefusedVote(name: "last of two approvals without an owner", environment: "production",
                earlier: [("erin", .approve)], voter: GovernanceFixture.user("bob"),
                failing: ["owner"]),
  ]
}

struct SeparationOfDutiesTests {
  @Test(arguments: RefusedVote.all)
  func voteIsRefusedAndAudited(_ testCase: RefusedVote) throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation(proposer: testCase.proposer,
                                               environment: testCase.environment)
    for (login, choice) in testCase.earlier {
      let identity = GovernanceFixture.user(login)
      let outcome = choice == .approve
        ? try fixture.queue.approve(requestID: request.id, by: identity)
        : try fixture.queue.reject(requestID: request.id, by: identity)
      #expect(outcome.decision.allowed, "earlier vote by \(login): \(outcome.decision.reasons)")
    }
    fixture.clock.advance(testCase.delay)
    let statusBefore = try #require(try fixture.queue.request(id: request.id)).status
    let votesBefore = try fixture.queue.votes(requestID: request.id).count

    let outcome = testCase.choice == .approve
      ? try fixture.queue.approve(requestID: request.id, by: testCase.voter)
      : try fixture.queue.reject(requestID: request.id, by: testCase.voter)

    let failing = Set(outcome.decision.checks.filter { !$0.met }.map(\.name))
    #expect(!outcome.decision.allowed)
    #expect(failing == testCase.failing, "\(outcome.decision.reasons)")
    #expect(try fixture.queue.votes(requestID: request.id).count == votesBefore)
    if testCase.delay > 0 {
      #expect(outcome.request.status == .expired)
    } else {
      #expect(outcome.request.status == statusBefore)
    }

    let event = try #require(try fixture.lastEvent())
    #expect(event.seq == outcome.decision.auditSeq)
    #expect(event.decision == .denied)
    #expect(event.actor == testCase.voter.real.id)
    #expect(event.subject == request.id)
    let action = testCase.choice == .approve ? "remediation.approve" : "remediation.reject"
    #expect(event.action == action)
    for name in testCase.failing {
      #expect(event.details.contains("\"name\":\"\(name)\""))
    }
    #expect(try fixture.audit.verify().isIntact)
  }

  @Test func ownerApprovalIsAllowedAndAudited() throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation()
    let checklist = try fixture.queue.checklist(requestID: request.id,
                                                for: GovernanceFixture.user("alice"))
    #expect(checklist.allowed)
    #expect(checklist.checks.map(\.name) == [
      "not-agent", "role", "pending", "single-vote", "not-proposer", "not-change-author",
      "not-requester", "owner",
    ])

    let outcome = try fixture.queue.approve(requestID: request.id,
                                            by: GovernanceFixture.user("alice"), comment: "ok")
    #expect(outcome.decision.allowed)
    #expect(outcome.request.status == .approved)
    #expect(outcome.request.decided != nil)
    let votes = try fixture.queue.votes(requestID: request.id)
    #expect(votes.map(\.voter) == ["user:default/alice"])
    #expect(votes.first?.auditSeq == outcome.decision.auditSeq)

    let event = try #require(try fixture.lastEvent())
    #expect(event.decision == .allowed)
    #expect(event.action == "remediation.approve")
    #expect(event.details.contains("\"status\":\"approved\""))
    #expect(event.details.contains("\"comment\":\"ok\""))
  }

  @Test func twoApprovalsNeededInProduction() throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation(environment: "production")
    let first = try fixture.queue.approve(requestID: request.id, by: GovernanceFixture.user("bob"))
    #expect(first.decision.allowed)
    #expect(first.request.status == .pending)
    let second = try fixture.queue.approve(requestID: request.id,
                                           by: GovernanceFixture.user("alice"))
    #expect(second.decision.allowed)
    #expect(second.request.status == .approved)
  }

  @Test func rejectionByPermittedPersonRejects() throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation()
    let outcome = try fixture.queue.reject(requestID: request.id,
                                           by: GovernanceFixture.user("bob"), comment: "risky")
    #expect(outcome.decision.allowed)
    #expect(outcome.request.status == .rejected)
  }

  @Test func createIsRecorded() throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation()
    #expect(request.status == .pending)
    #expect(request.requester == "user:default/frank")
    #expect(request.changeAuthors == ["user:default/carol"])
    #expect(request.owners == ["group:default/payments-team"])
    #expect(try fixture.queue.request(id: request.id) == request)
    let event = try #require(try fixture.lastEvent())
    #expect(event.action == "approval.create")
    #expect(event.decision == .recorded)
    #expect(event.subject == request.id)
  }

  @Test func expireOverdueMarksAndRecords() throws {
    let fixture = try GovernanceFixture()
    let request = try fixture.queueRemediation()
    fixture.clock.advance(7200)
    let expired = try fixture.queue.expireOverdue()
    #expect(expired.map(\.id) == [request.id])
    #expect(try fixture.queue.request(id: request.id)?.status == .expired)
    #expect(try fixture.lastEvent()?.action == "approval.expire")
  }

  @Test func unknownRequestIsInputError() throws {
    let fixture = try GovernanceFixture()
    #expect(throws: InputError.self) {
      try fixture.queue.approve(requestID: "apr-missing", by: GovernanceFixture.user("alice"))
    }
  }

  @Test func impersonationWithoutPermissionIsRefusedAndAudited() throws {
    let fixture = try GovernanceFixture()
    let error = try #require(throws: InputError.self) {
      try fixture.authorizer.identity(real: .user("bob"), actingAs: "alice",
                                      audit: fixture.audit)
    }
    #expect(error.message.contains("--as alice is not allowed"))
    let event = try #require(try fixture.lastEvent())
    #expect(event.action == "identity.impersonate")
    #expect(event.decision == .denied)
    #expect(event.actor == "user:default/bob")
    #expect(event.assumedActor == "user:default/alice")
  }

  @Test func impersonationWithPermissionRecordsBothActors() throws {
    let policy = GovernanceFixture.policy.replacingOccurrences(
      of: "allowImpersonation: false", with: "allowImpersonation: true")
    let fixture = try GovernanceFixture(policy: policy)
    let identity = try fixture.authorizer.identity(real: .user("bob"), actingAs: "alice",
                                                   audit: fixture.audit)
    #expect(identity.effective == .user("alice"))
    let request = try fixture.queueRemediation()
    let outcome = try fixture.queue.approve(requestID: request.id, by: identity)
    #expect(outcome.decision.allowed)
    let event = try #require(try fixture.lastEvent())
    #expect(event.actor == "user:default/bob")
    #expect(event.assumedActor == "user:default/alice")
    #expect(try fixture.queue.votes(requestID: request.id).first?.realActor == "user:default/bob")
  }

  @Test func agentCannotImpersonate() throws {
    let policy = GovernanceFixture.policy.replacingOccurrences(
      of: "allowImpersonation: false", with: "allowImpersonation: true")
    let fixture = try GovernanceFixture(policy: policy)
    #expect(throws: InputError.self) {
      try fixture.authorizer.identity(real: .remediator("revert"), actingAs: "alice",
                                      audit: fixture.audit)
    }
  }
}
