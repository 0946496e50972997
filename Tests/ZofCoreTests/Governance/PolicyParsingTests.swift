import Testing
@testable import ZofCore

struct PolicyParsingTests {
  static let full = """
    apiVersion: zof.dev/v1alpha1
    kind: Policy
    metadata:
      name: payments
    spec:
      roles:
        approver: [group:sre, user:erin, "fleet:api/*"]
        operator: ["*"]
      rules:
        - action: remediation.approve
          roles: [approver]
          environments: [production]
          approvals: 2
          distinctFrom: [proposer, changeAuthor, requester]
          requireOwner: true
        - action: [run.start, "remediation.*"]
          roles: [operator]
        - action: "*"
          environments: [production]
          deny: true
      retention:
        evidenceDays: 30
      redact: ['token=\\S+']
      identity:
        allowImpersonation: true
      readiness:
        requireChecks: [unit]
      env: [PATH, HOME]
    """

  @Test func readsEveryField() throws {
    let policy = try TestCatalog.policy(Self.full)
    #expect(policy.name == "payments")
    #expect(policy.roles["approver"] == [
      .group(EntityRef(kind: "group", name: "sre")),
      .user(EntityRef(kind: "user", name: "erin")),
      .agents(Glob("fleet:api/*")),
    ])
    #expect(policy.roles["operator"] == [.everyone])
    #expect(policy.rules.count == 3)
    let first = policy.rules[0]
    #expect(first.actions == ["remediation.approve"])
    #expect(first.environments == ["production"])
    #expect(first.approvals == 2)
    #expect(first.distinctFrom == [.proposer, .changeAuthor, .requester])
    #expect(first.requireOwner)
    #expect(first.location?.line == 10)
    #expect(policy.rules[1].matches(.remediationReject, environment: "staging"))
    #expect(!policy.rules[1].matches(.releaseSignoff, environment: nil))
    #expect(policy.rules[2].deny)
    #expect(policy.evidenceDays == 30)
    #expect(policy.redact == ["token=\\S+"])
    #expect(policy.allowImpersonation)
    #expect(policy.readiness?["requireChecks"]?.strings == ["unit"])
    #expect(policy.inheritedEnvironment == ["PATH", "HOME"])
  }

  @Test(arguments: [
    ("rules: [{action: run.stop, roles: [operator]}]", "unknown action \"run.stop\"", 6, 20),
    ("rules: [{action: run.start, roles: [wizard]}]", "unknown role wizard", 6, 38),
    ("rules: [{action: run.start}]", "an allow rule needs roles", 6, 11),
    ("rules: [{action: view, roles: [viewer], approvals: 0}]", "approvals must be", 6, 54),
    ("rules: [{action: view, roles: [viewer], distinctFrom: [boss]}]", "unknown party", 6, 57),
    ("roles: {approver: [\"component:x\"]}", "invalid member", 6, 22),
    ("retention: {evidenceDays: soon}", "evidenceDays must be", 6, 29),
    ("redact: [\"(unclosed\"]", "invalid regular expression", 6, 12),
    ("identity: {allowImpersonation: maybe}", "must be true or false", 6, 34),
    ("env: [\"BAD-NAME\"]", "invalid environment variable name", 6, 8),
    ("rulez: []", "unknown field spec.rulez", 6, 10),
  ])
  func reportsErrorWithPosition(spec: String, message: String, line: Int, column: Int) throws {
    let yaml = """
      apiVersion: zof.dev/v1alpha1
      kind: Policy
      metadata:
        name: broken
      spec:
        \(spec)
      """
    let error = try #require(throws: InputError.self) { try TestCatalog.policy(yaml) }
    #expect(error.message.contains(message), "\(error)")
    #expect(error.location?.file == "policy.yaml")
    #expect(error.location?.line == line)
    #expect(error.location?.column == column)
  }

  @Test func reportsEveryProblem() throws {
    let yaml = """
      apiVersion: zof.dev/v1alpha1
      kind: Policy
      metadata: {name: broken}
      spec:
        rules:
          - {action: run.stop, roles: [operator]}
          - {action: view, roles: [nobody]}
      """
    let errors = try #require(throws: InputErrors.self) { try TestCatalog.policy(yaml) }
    #expect(errors.errors.map(\.location?.line) == [6, 7])
  }

  @Test func envDefaultsWhenMissing() throws {
    let policy = try TestCatalog.policy("""
      apiVersion: zof.dev/v1alpha1
      kind: Policy
      metadata: {name: small}
      spec:
        rules: [{action: view, roles: [viewer]}]
      """)
    #expect(policy.inheritedEnvironment == Policy.defaultInheritedEnvironment)
    #expect(policy.evidenceDays == nil)
    #expect(!policy.allowImpersonation)
  }

  @Test func selectsBuiltInWhenCatalogHasNone() throws {
    let entities = try TestCatalog.entities("""
      apiVersion: backstage.io/v1alpha1
      kind: User
      metadata: {name: alice}
      spec: {memberOf: []}
      """)
    #expect(try Policy.select(from: entities).name == "default")
  }

  @Test func selectsByName() throws {
    let entities = try TestCatalog.entities(Self.full + "\n---\n" + """
      apiVersion: zof.dev/v1alpha1
      kind: Policy
      metadata: {name: other}
      spec: {}
      """)
    #expect(throws: InputError.self) { try Policy.select(from: entities) }
    #expect(try Policy.select(from: entities, named: "payments").name == "payments")
    #expect(throws: InputError.self) { try Policy.select(from: entities, named: "missing") }
  }
}
