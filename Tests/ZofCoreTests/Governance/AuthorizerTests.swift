import Testing
@testable import ZofCore

struct AuthorizerTests {
  static let users = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: platform, namespace: infra}
    spec: {type: org, children: [sre]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: sre, namespace: infra}
    spec: {type: team, members: [user:default/zoe]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: oncall, namespace: infra}
    spec: {type: team, parent: sre}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: yan, namespace: infra}
    spec: {memberOf: [oncall]}
    """

  @Test func groupsResolveTransitively() throws {
    let directory = Directory(entities: try TestCatalog.entities(Self.users))
    let yan = EntityRef(kind: "user", namespace: "infra", name: "yan")
    let groups = directory.groups(of: yan).map(\.description).sorted()
    #expect(groups == ["group:infra/oncall", "group:infra/platform", "group:infra/sre"])
    let zoe = EntityRef(kind: "user", name: "zoe")
    #expect(directory.groups(of: zoe).map(\.description).sorted() == [
      "group:infra/platform", "group:infra/sre",
    ])
    #expect(directory.groups(of: EntityRef(kind: "user", name: "nobody")).isEmpty)
  }

  static func builtIn() -> Authorizer {
    Authorizer(policy: .builtIn, directory: Directory(entities: []))
  }

  @Test(arguments: [
    (Action.view, "production", true),
    (.view, nil, true),
    (.runStart, "staging", true),
    (.runStart, nil, true),
    (.runStart, "production", false),
    (.remediationPropose, "staging", true),
    (.catalogImport, nil, true),
    (.releaseSignoff, "production", false),
    (.remediationApprove, "staging", true),
    (.quarantineApprove, "production", false),
    (.catalogImport, "production", false),
  ] as [(Action, String?, Bool)])
  func builtInPolicy(action: Action, environment: String?, allowed: Bool) {
    let decision = Self.builtIn().authorize(
      Identity(real: .user("alice")), action,
      context: AuthorizationContext(subject: "x", environment: environment))
    #expect(decision.allowed == allowed, "\(decision.reasons)")
  }

  @Test(arguments: [Action.remediationApprove, .remediationReject, .quarantineApprove,
                    .releaseSignoff])
  func agentsNeverDecideApprovals(action: Action) {
    let decision = Self.builtIn().authorize(
      Identity(real: .fleetWorker(fleet: "api", worker: 1)), action,
      context: AuthorizationContext(subject: "x", environment: "staging"))
    #expect(!decision.allowed)
    #expect(decision.checks.first { $0.name == "not-agent" }?.met == false)
  }

  @Test func builtInSeparatesProposerAndAuthor() throws {
    let fixture = try GovernanceFixture(policy: """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: unused}
      spec: {type: team}
      """)
    #expect(fixture.authorizer.policy.name == "default")
    let request = try fixture.queueRemediation(proposer: .user("alice"))
    let byProposer = try fixture.queue.approve(requestID: request.id,
                                               by: GovernanceFixture.user("alice"))
    #expect(!byProposer.decision.allowed)
    let byAuthor = try fixture.queue.approve(requestID: request.id,
                                             by: GovernanceFixture.user("carol"))
    #expect(!byAuthor.decision.allowed)
    let byRequester = try fixture.queue.approve(requestID: request.id,
                                                by: GovernanceFixture.user("frank"))
    #expect(byRequester.decision.allowed)
    #expect(byRequester.request.status == .approved)
  }

  @Test func decideAndRecordAuditsBothOutcomes() throws {
    let store = try TemporaryStore()
    let audit = AuditLog(database: store.database)
    let authorizer = Self.builtIn()
    let identity = Identity(real: .user("alice"))
    let allowed = try authorizer.decideAndRecord(
      identity, .runStart, context: AuthorizationContext(subject: "run-1", environment: "dev"),
      audit: audit, details: ["checks": "overwritten", "plan": "p-1"])
    let denied = try authorizer.decideAndRecord(
      identity, .runStart,
      context: AuthorizationContext(subject: "run-2", environment: "production"), audit: audit)
    #expect(allowed.allowed)
    #expect(!denied.allowed)
    let events = try audit.events(AuditQuery()).events
    #expect(events.map(\.decision) == [.denied, .allowed])
    #expect(events.map(\.seq) == [denied.auditSeq, allowed.auditSeq])
    #expect(events[1].details.contains("\"plan\":\"p-1\""))
    #expect(events[1].details.contains("\"environment\":\"dev\""))
    #expect(!events[1].details.contains("overwritten"))
  }

  @Test(arguments: [
    ("alice", "user:default/alice", Actor.Kind.user),
    ("user:infra/Yan", "user:infra/yan", .user),
    ("fleet:api/worker-2", "fleet:api/worker-2", .fleetWorker),
    ("remediator:revert", "remediator:revert", .remediator),
  ])
  func actorParsing(text: String, id: String, kind: Actor.Kind) throws {
    let actor = try Actor(parsing: text)
    #expect(actor.id == id)
    #expect(actor.kind == kind)
  }

  @Test(arguments: ["fleet:api", "remediator:", "group:sre", "user:a/b/c", ""])
  func actorParsingRejects(text: String) {
    #expect(throws: InputError.self) { try Actor(parsing: text) }
  }

  @Test func currentUserIsAUser() throws {
    let actor = try Actor.currentUser()
    #expect(actor.kind == .user)
    #expect(actor.id.hasPrefix("user:default/"))
  }
}
