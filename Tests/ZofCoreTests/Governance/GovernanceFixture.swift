import Foundation
@testable import ZofCore

/// A payments catalog and policy, with a store, an audit log and an approval queue.
///
/// Groups: `sre` is the parent of `payments-team`. Alice and Carol are in payments-team
/// (owners of the payments service, and approvers through sre), Bob is in sre only, Erin is
/// an approver by name, and Dave has no roles beyond operator.
final class GovernanceFixture {
  static let catalog = """
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: sre}
    spec: {type: team, children: [payments-team]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata: {name: payments-team}
    spec: {type: team, parent: sre}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: alice}
    spec: {memberOf: [payments-team]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: bob}
    spec: {memberOf: [sre]}
    ---
    apiVersion: backstage.io/v1alpha1
    kind: User
    metadata: {name: carol}
    spec: {memberOf: [payments-team]}
    """

  static let policy = """
    apiVersion: zof.dev/v1alpha1
    kind: Policy
    metadata: {name: payments}
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
        - action: remediation.approve
          roles: [approver]
          distinctFrom: [proposer, changeAuthor, requester]
          requireOwner: true
        - action: [remediation.reject, quarantine.approve]
          roles: [approver]
        - action: [run.start, remediation.propose]
          roles: [operator]
      identity:
        allowImpersonation: false
    """

  let store: TemporaryStore
  let clock = TestClock()
  let audit: AuditLog
  let authorizer: Authorizer
  let queue: ApprovalQueue

  init(policy policyText: String = GovernanceFixture.policy) throws {
    store = try TemporaryStore()
    let clock = self.clock
    audit = AuditLog(database: store.database, clock: { clock.now })
    let entities = try TestCatalog.entities(Self.catalog + "\n---\n" + policyText)
    authorizer = Authorizer(policy: try Policy.select(from: entities),
                            directory: Directory(entities: entities))
    queue = ApprovalQueue(audit: audit, authorizer: authorizer, clock: { clock.now })
  }

  static func user(_ login: String) -> Identity { Identity(real: .user(login)) }

  /// Queues a remediation of the payments service proposed by `proposer`, whose broken
  /// change Carol wrote and Frank asked to fix.
  func queueRemediation(proposer: Actor = .remediator("revert"),
                        environment: String? = "staging") throws -> ApprovalRequest {
    let draft = ApprovalDraft(
      kind: .remediation, subject: "proposal-1", proposer: proposer,
      changeAuthors: [.user("carol")], affected: [EntityRef(kind: "component", name: "payments")],
      owners: [EntityRef(kind: "group", name: "payments-team")], environment: environment,
      evidence: ["runs": ["run-7"]], lifetime: 3600)
    return try queue.create(draft, requester: Self.user("frank"))
  }

  /// Returns the newest audit event.
  func lastEvent() throws -> AuditEvent? {
    try audit.events(AuditQuery(limit: 1)).events.first
  }
}
