import Foundation
import ZofCore

/// `zof policy check|explain`.
enum PolicyCommand {
  static let spec = CommandSpec(
    name: "policy", summary: "validate the policy and explain what people may do",
    usage: "check|explain [options]",
    subcommands: [checkSpec, explainSpec]
  ) { _ in
    throw UsageError("`zof policy` needs a subcommand: check or explain", command: "policy")
  }

  /// Actions people take, in the order the report lists them.
  static let personActions: [Action] = [
    .runStart, .remediationPropose, .remediationApprove, .remediationReject,
    .quarantineApprove, .releaseSignoff, .catalogImport,
  ]

  static let checkSpec = CommandSpec(
    name: "check", summary: "validate the policy against the catalog and list permissions",
    usage: "[--json]",
    discussion: "Reports role members that name no user or group in the catalog, and for "
      + "every User in the catalog the roles they hold and the actions they may start in "
      + "each environment (approval rules such as distinctFrom are checked per request).",
    options: [.flag("--json", "print as JSON")]
  ) { invocation in
    let session = try invocation.session()
    let graph = try session.graph
    let policy = session.policy
    var problems: [String] = []
    for (role, members) in policy.roles.sorted(by: { $0.key < $1.key }) {
      for member in members {
        let text = member.description
        if text == "*" || text.hasPrefix("fleet:") || text.hasPrefix("remediator:") { continue }
        if graph.find(text) == nil {
          problems.append("role \(role): member \(text) is not in the catalog")
        }
      }
    }
    let environments = Self.environments(graph, workspace: session.workspace)
    var users: [[String: Any]] = []
    for id in graph.ids(ofKind: "user") {
      let actor = Actor.user(graph[id].name, namespace: graph[id].namespace)
      let identity = Identity(real: actor)
      var allowed: [String: [String]] = [:]
      for action in personActions {
        allowed[action.rawValue] = environments.filter { environment in
          Self.mayStart(session.authorizer, identity, action, environment)
        }
      }
      users.append(["user": actor.id, "roles": session.authorizer.roles(of: actor).keys.sorted(),
                    "allowed": allowed])
    }
    if invocation.json {
      try Console.json(["policy": policy.name, "problems": problems, "users": users,
                        "environments": environments])
      return problems.isEmpty ? ExitStatus.success : ExitStatus.gateFailed
    }
    Console.out("policy \(policy.name)"
                  + (policy.location.map { " (\($0))" } ?? " (built in: the catalog has none)"))
    Console.out(problems.isEmpty ? "no problems found" : "\(problems.count) problem(s):")
    for problem in problems { Console.out("  \(problem)") }
    Console.out("")
    for user in users {
      let roles = (user["roles"] as? [String] ?? []).joined(separator: ", ")
      Console.out("\(user["user"]!)  roles: \(roles.isEmpty ? "(none)" : roles)")
      let allowed = user["allowed"] as? [String: [String]] ?? [:]
      for action in personActions {
        let places = allowed[action.rawValue] ?? []
        Console.out("  \(action.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))"
                      + (places.isEmpty ? "no" : places.joined(separator: ", ")))
      }
    }
    return problems.isEmpty ? ExitStatus.success : ExitStatus.gateFailed
  }

  static let explainSpec = CommandSpec(
    name: "explain", summary: "say why an action would be allowed or denied",
    usage: "ACTION [--env ENV] [--as USER] [--json]",
    discussion: "ACTION is one of " + personActions.map(\.rawValue).joined(separator: ", ")
      + ". Here --as names the user to explain for; it evaluates their permissions without "
      + "acting as them, so it needs no impersonation right and records nothing.",
    options: [
      .value("--env", "ENV", "the environment", default: "`environment` in zof.yaml"),
      .flag("--json", "print as JSON"),
    ],
    positionals: ["ACTION"], positionalRange: 1...1
  ) { invocation in
    let text = invocation.arguments.positionals[0]
    guard let action = Action(rawValue: text) else {
      let names = Action.allCases.map(\.rawValue)
      throw UsageError("unknown action `\(text)`",
                       hint: Suggestion.closest(to: text, in: names).map { "did you mean \($0)?" }
                         ?? "actions: \(names.joined(separator: ", "))", command: "policy")
    }
    // Explaining for another user does not act as them, so the session opens as oneself.
    let session = try WorkspaceSession(workspace: try invocation.workspace(),
                                       logger: invocation.logger())
    let actor = try invocation.arguments.global.actingAs.map { try Actor(parsing: $0) }
      ?? session.identity.real
    let environment = invocation.arguments.value("--env")
      ?? session.workspace.config.environment
    let decision = session.authorizer.authorize(
      Identity(real: actor), action,
      context: AuthorizationContext(subject: "explain", environment: environment))
    if invocation.json {
      try Console.json([
        "action": action.rawValue, "actor": actor.id, "environment": environment,
        "allowed": decision.allowed,
        "checks": decision.checks.map { ["name": $0.name, "met": $0.met, "reason": $0.reason] },
      ])
      return ExitStatus.success
    }
    Console.out("\(action.rawValue) by \(actor.id) in \(environment): "
                  + (decision.allowed ? "allowed" : "denied"))
    for check in decision.checks { Console.out("  \(check)") }
    if [.remediationApprove, .quarantineApprove, .releaseSignoff].contains(action) {
      Console.out("  (separation-of-duties rules are checked against each request: "
                    + "see `zof approvals`)")
    }
    return ExitStatus.success
  }

  static func environments(_ graph: SystemGraph, workspace: Workspace) -> [String] {
    var names = Set(graph.ids(ofKind: "environment").map { graph[$0].name })
    names.insert(workspace.config.environment)
    return names.sorted()
  }

  static func mayStart(_ authorizer: Authorizer, _ identity: Identity, _ action: Action,
                       _ environment: String) -> Bool {
    let decision = authorizer.authorize(
      identity, action, context: AuthorizationContext(subject: "check", environment: environment))
    // For approvals, only the role and rule checks apply before there is a request.
    return decision.checks.filter { !$0.met }.allSatisfy { $0.name == "request" }
      && !decision.checks.isEmpty
  }
}
