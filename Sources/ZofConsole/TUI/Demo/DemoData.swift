/// Fixed in-memory data for the demo panes: a small payments system.
enum DemoData {
  struct Entity {
    var kind: String
    var name: String
    var owner: String
    var risk: String
    var dependsOn: [String]
  }

  struct Run {
    var id: String
    var workflow: String
    var status: String
    var progress: Double
    var duration: String
    var log: [String]
  }

  struct Approval {
    var id: String
    var proposal: String
    var requester: String
    var needed: String
    var state: String
  }

  static let entities: [Entity] = [
    Entity(kind: "Component", name: "payments-api", owner: "team-payments", risk: "high",
           dependsOn: ["serde-core", "ledger", "fraud-check"]),
    Entity(kind: "Component", name: "ledger", owner: "team-ledger", risk: "critical",
           dependsOn: ["serde-core", "postgres-main"]),
    Entity(kind: "Component", name: "refunds", owner: "team-payments", risk: "high",
           dependsOn: ["serde-core", "ledger"]),
    Entity(kind: "Component", name: "fraud-check", owner: "team-risk", risk: "medium",
           dependsOn: ["serde-core"]),
    Entity(kind: "Component", name: "serde-core", owner: "team-platform", risk: "critical",
           dependsOn: []),
    Entity(kind: "Resource", name: "postgres-main", owner: "team-platform", risk: "low",
           dependsOn: []),
    Entity(kind: "API", name: "payments-v2", owner: "team-payments", risk: "medium",
           dependsOn: ["payments-api"]),
    Entity(kind: "Workflow", name: "checkout", owner: "team-payments", risk: "critical",
           dependsOn: ["payments-api", "fraud-check"]),
    Entity(kind: "Workflow", name: "partial-refund", owner: "team-payments", risk: "high",
           dependsOn: ["refunds", "ledger"]),
    Entity(kind: "Group", name: "team-payments", owner: "-", risk: "low", dependsOn: []),
  ]

  static let runs: [Run] = [
    Run(id: "r-1042", workflow: "partial-refund", status: "failed", progress: 1,
        duration: "2m14s", log: [
          "$ swift test --filter RefundTests",
          "Test Suite 'RefundTests' started",
          "✔ refundsFullAmount (0.12s)",
          "✘ refundsPartialAmount: expected 40.00, got 0.00",
          "\u{1B}[31mFAIL\u{1B}[0m 1 of 2 tests failed",
          "\u{1B}]52;c;ZXZpbA==\u{07}clipboard write stripped",
          "exit status 1",
        ]),
    Run(id: "r-1043", workflow: "checkout", status: "running", progress: 0.62,
        duration: "1m03s", log: [
          "$ ./checks/checkout-e2e.sh",
          "step 1/5 cart created",
          "step 2/5 card authorised",
          "step 3/5 fraud score 0.02",
        ]),
    Run(id: "r-1044", workflow: "checkout", status: "flaky", progress: 1, duration: "3m40s",
        log: ["attempt 1 failed: timeout", "attempt 2 passed"]),
    Run(id: "r-1045", workflow: "ledger-sync", status: "ok", progress: 1, duration: "48.2s",
        log: ["all 214 tests passed"]),
    Run(id: "r-1046", workflow: "partial-refund", status: "pending", progress: 0,
        duration: "-", log: []),
  ]

  static let approvals: [Approval] = [
    Approval(id: "p-17", proposal: "revert 3f9c2e1 in serde-core", requester: "remediator:revert",
             needed: "2 approvers", state: "waiting"),
    Approval(id: "p-18", proposal: "quarantine checkout-e2e (flaky)", requester: "qa-lead",
             needed: "1 approver", state: "waiting"),
    Approval(id: "p-16", proposal: "bump ledger schema", requester: "bob", needed: "1 approver",
             state: "approved"),
  ]

  static let auditEvents: [String] = [
    "#1201 alice    run.start        r-1042 partial-refund",
    "#1202 fleet:api/worker-2 attempt.finish r-1042 failed",
    "#1203 remediator:revert proposal.create p-17",
    "#1204 bob      approval.grant   p-16",
    "#1205 alice    readiness.view   main -> staging",
  ]

  /// The readiness checklist of `main` for staging.
  static let readiness: [TreeView.Node] = [
    TreeView.Node("main", label: "main -> staging: not ready", role: .failed, children: [
      TreeView.Node("checks", label: "required checks", role: .failed, children: [
        TreeView.Node("r-1042", label: "✘ partial-refund (r-1042)", role: .failed),
        TreeView.Node("r-1043", label: "… checkout (r-1043) running", role: .running),
        TreeView.Node("r-1045", label: "✔ ledger-sync (r-1045)", role: .ok),
      ]),
      TreeView.Node("approvals", label: "approvals", role: .warning, children: [
        TreeView.Node("p-17", label: "p-17 waiting for 2 approvers", role: .warning),
      ]),
      TreeView.Node("incidents", label: "✔ no open incidents", role: .ok),
    ]),
  ]

  static func riskRole(_ risk: String) -> ThemeRole {
    switch risk {
    case "low": .riskLow
    case "medium": .riskMedium
    case "high": .riskHigh
    default: .riskCritical
    }
  }

  static func statusRole(_ status: String) -> ThemeRole {
    switch status {
    case "ok", "approved": .ok
    case "failed": .failed
    case "flaky": .flaky
    case "running": .running
    case "waiting": .warning
    default: .pending
    }
  }
}
