/// The rules of who may do what, where, and with how many approvals: the spec of a `Policy`
/// entity.
///
/// Rules grant or deny actions to roles. For an action in an environment, every rule whose
/// `actions` and `environments` match applies. A matching deny rule wins when it names one
/// of the actor's roles or names no roles at all. Otherwise the actor needs a role of a
/// matching allow rule. `view` is allowed when no rule denies it. The first matching allow
/// rule also sets the separation-of-duties requirements of approval actions (`approvals`,
/// `distinctFrom`, `requireOwner`).
public struct Policy: Sendable {
  /// Roles that exist in every policy, whether or not it lists members for them.
  public static let builtInRoles = ["viewer", "operator", "approver", "release-manager", "admin"]

  /// The variables checks inherit when the policy has no `spec.env`.
  public static let defaultInheritedEnvironment = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"]

  /// The policy entity's name, or `default` for the built-in policy.
  public var name: String
  /// Members of each role.
  public var roles: [String: [RoleMember]]
  public var rules: [PolicyRule]
  /// How long evidence is kept, in days; nil keeps it forever.
  public var evidenceDays: Int?
  /// Regular expressions matching secrets to redact from captured output and environments.
  public var redact: [String]
  /// Whether `--as USER` is allowed (for demos and tests).
  public var allowImpersonation: Bool
  /// `spec.readiness` as written, for the readiness checks to interpret.
  public var readiness: YAMLNode?
  /// Names of environment variables that checks inherit from Zof's own environment.
  /// Everything else is left out of a check's environment. From `spec.env`, which
  /// defaults to `defaultInheritedEnvironment`.
  public var inheritedEnvironment: [String]
  /// The position of the policy entity in its file; nil for the built-in policy.
  public var location: SourceLocation?

  public init(name: String, roles: [String: [RoleMember]] = [:], rules: [PolicyRule] = [],
              evidenceDays: Int? = nil, redact: [String] = [], allowImpersonation: Bool = false,
              readiness: YAMLNode? = nil, inheritedEnvironment: [String] = [],
              location: SourceLocation? = nil) {
    self.name = name
    self.roles = roles
    self.rules = rules
    self.evidenceDays = evidenceDays
    self.redact = redact
    self.allowImpersonation = allowImpersonation
    self.readiness = readiness
    self.inheritedEnvironment = inheritedEnvironment
    self.location = location
  }

  /// The policy used when the catalog has none.
  ///
  /// Everyone may view everywhere, and may import the catalog, start runs and propose
  /// remediations outside `production`; every other action in `production` is denied.
  /// Approving needs one approval from someone other than the proposer and the change
  /// author. Agents never approve, as under every policy.
  public static let builtIn = Policy(
    name: "default",
    roles: ["viewer": [.everyone], "operator": [.everyone], "approver": [.everyone]],
    rules: [
      PolicyRule(actions: ["run.start", "remediation.*", "quarantine.approve",
                           "release.signoff", "catalog.import"],
                 environments: ["production"], deny: true),
      PolicyRule(actions: ["view"], roles: ["viewer"]),
      PolicyRule(actions: ["run.start", "remediation.propose", "catalog.import"],
                 roles: ["operator"]),
      PolicyRule(actions: ["remediation.approve", "remediation.reject", "quarantine.approve",
                           "release.signoff"],
                 roles: ["approver"], approvals: 1, distinctFrom: [.proposer, .changeAuthor]),
    ],
    inheritedEnvironment: defaultInheritedEnvironment)
}

/// A member of a role as the policy lists it.
public enum RoleMember: Sendable, Hashable, CustomStringConvertible {
  /// `*`: every user and agent.
  case everyone
  /// A user reference such as `user:default/alice`.
  case user(EntityRef)
  /// A group reference; members of the group and of its child groups hold the role.
  case group(EntityRef)
  /// An agent id or a glob over ids, such as `fleet:api/*` or `remediator:revert`.
  case agents(Glob)

  public var description: String {
    switch self {
    case .everyone: "*"
    case .user(let ref), .group(let ref): ref.description
    case .agents(let glob): glob.pattern
    }
  }
}

/// A party to a change that separation of duties can exclude from approving it.
public enum Party: String, Sendable, CaseIterable {
  /// The actor (often an agent) that proposed the fix or quarantine.
  case proposer
  /// An author of the change under repair.
  case changeAuthor
  /// The actor that requested the approval.
  case requester
}

/// One entry of `spec.rules`.
public struct PolicyRule: Sendable {
  /// Action names, `*`, or a prefix pattern such as `remediation.*`.
  public var actions: [String]
  /// Roles the rule applies to; empty means everyone (allowed only for deny rules).
  public var roles: [String]
  /// Environment names the rule applies to; empty means any, including no environment.
  public var environments: [String]
  /// Distinct approvals a request needs, for approval actions.
  public var approvals: Int
  public var distinctFrom: Set<Party>
  /// Whether one of the approvals must come from an owner of an affected component.
  public var requireOwner: Bool
  public var deny: Bool
  /// The rule's position in the policy file, quoted in reasons.
  public var location: SourceLocation?

  public init(actions: [String], roles: [String] = [], environments: [String] = [],
              approvals: Int = 1, distinctFrom: Set<Party> = [], requireOwner: Bool = false,
              deny: Bool = false, location: SourceLocation? = nil) {
    self.actions = actions
    self.roles = roles
    self.environments = environments
    self.approvals = approvals
    self.distinctFrom = distinctFrom
    self.requireOwner = requireOwner
    self.deny = deny
    self.location = location
  }

  /// Returns whether the rule covers `action` in `environment`.
  public func matches(_ action: Action, environment: String?) -> Bool {
    let actionMatches = actions.contains { pattern in
      if pattern == "*" || pattern == action.rawValue { return true }
      guard pattern.hasSuffix(".*") else { return false }
      return action.rawValue.hasPrefix(String(pattern.dropLast()))
    }
    guard actionMatches else { return false }
    if environments.isEmpty { return true }
    guard let environment else { return false }
    return environments.contains { $0 == "*" || $0 == environment }
  }

  /// A short description for reasons, such as `rule at policy.yaml:12:7`.
  public var label: String {
    location.map { "rule at \($0)" } ?? "built-in rule for \(actions.joined(separator: ", "))"
  }
}
