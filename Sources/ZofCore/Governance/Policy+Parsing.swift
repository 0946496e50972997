import Foundation

extension Policy {
  /// Picks the policy that applies: the one named `name`, the only one in the catalog, or
  /// the built-in policy when the catalog has none.
  ///
  /// `checkingPatterns` compiles every `spec.redact` expression to report the invalid ones.
  /// A policy read back from a stored snapshot passed that check when it was imported, and
  /// skipping it saves starting the regular expression engine on every command.
  public static func select(from entities: [Entity], named name: String? = nil,
                            checkingPatterns: Bool = true) throws -> Policy {
    let policies = entities.filter { $0.isZofKind && $0.kind.lowercased() == "policy" }
    if let name {
      guard let entity = policies.first(where: { $0.name.lowercased() == name.lowercased() })
      else {
        let known = policies.map(\.name).joined(separator: ", ")
        throw InputError("policy \"\(name)\" not found in the catalog",
                         hint: known.isEmpty ? "add a Policy entity named \(name)"
                           : "known policies: \(known)")
      }
      return try Policy(entity: entity, checkingPatterns: checkingPatterns)
    }
    guard let first = policies.first else { return .builtIn }
    guard policies.count == 1 else {
      throw InputError(
        "the catalog has \(policies.count) policies and none is selected",
        at: policies[1].location, hint: "set `policy` in zof.yaml to one of them")
    }
    return try Policy(entity: first, checkingPatterns: checkingPatterns)
  }

  /// Reads a `Policy` entity, reporting every problem with its file, line and column.
  public init(entity: Entity, checkingPatterns: Bool = true) throws {
    var reader = PolicyReader(entity: entity, checkingPatterns: checkingPatterns)
    self = reader.read()
    if reader.errors.count == 1 { throw reader.errors[0] }
    if !reader.errors.isEmpty { throw InputErrors(reader.errors) }
  }
}

/// Collects problems while reading a policy spec instead of stopping at the first one.
private struct PolicyReader {
  let entity: Entity
  let checkingPatterns: Bool
  var errors: [InputError] = []

  init(entity: Entity, checkingPatterns: Bool) {
    self.entity = entity
    self.checkingPatterns = checkingPatterns
  }

  mutating func read() -> Policy {
    var policy = Policy(name: entity.name, location: entity.location)
    guard let spec = entity.spec, let pairs = spec.pairs else {
      fail("policy \(entity.name) has no spec mapping", at: entity.spec,
           hint: "add spec.roles and spec.rules")
      return policy
    }
    let known = ["roles", "rules", "retention", "redact", "identity", "readiness", "env"]
    for (key, value) in pairs where !known.contains(key) {
      fail("unknown field spec.\(key) in policy \(entity.name)", at: value,
           hint: "known fields: \(known.joined(separator: ", "))")
    }
    policy.roles = readRoles(spec["roles"])
    policy.rules = readRules(spec["rules"], roles: policy.roles)
    policy.evidenceDays = readRetention(spec["retention"])
    policy.redact = readRedact(spec["redact"])
    policy.allowImpersonation = readIdentity(spec["identity"])
    policy.readiness = spec["readiness"]
    policy.inheritedEnvironment = readEnvironment(spec["env"])
    return policy
  }

  // MARK: - Sections

  mutating func readRoles(_ node: YAMLNode?) -> [String: [RoleMember]] {
    guard let node else { return [:] }
    guard let pairs = node.pairs else {
      fail("spec.roles must be a mapping of role name to members", at: node)
      return [:]
    }
    var roles: [String: [RoleMember]] = [:]
    for (role, value) in pairs {
      guard let items = value.array else {
        fail("members of role \(role) must be a list", at: value,
             hint: "write [\"*\"], or user and group references")
        continue
      }
      roles[role] = items.compactMap { readMember($0, role: role) }
    }
    return roles
  }

  mutating func readMember(_ node: YAMLNode, role: String) -> RoleMember? {
    guard let text = node.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      fail("a member of role \(role) is not a string", at: node)
      return nil
    }
    if text == "*" { return .everyone }
    let lowered = text.lowercased()
    if lowered.hasPrefix("fleet:") || lowered.hasPrefix("remediator:") {
      return .agents(Glob(lowered))
    }
    let ref = EntityRef(parsing: text, defaultKind: "group", defaultNamespace: entity.namespace)
    switch ref?.kind {
    case "user": return .user(ref!)
    case "group": return .group(ref!)
    default:
      fail("invalid member \"\(text)\" of role \(role)", at: node,
           hint: "write *, user:NAME, group:NAME, fleet:NAME/*, or remediator:NAME")
      return nil
    }
  }

  mutating func readRules(_ node: YAMLNode?, roles: [String: [RoleMember]]) -> [PolicyRule] {
    guard let node else { return [] }
    guard let items = node.array else {
      fail("spec.rules must be a list", at: node)
      return []
    }
    return items.compactMap { readRule($0, roles: roles) }
  }

  mutating func readRule(_ node: YAMLNode, roles: [String: [RoleMember]]) -> PolicyRule? {
    guard let pairs = node.pairs else {
      fail("a rule must be a mapping", at: node, hint: "start it with `action:`")
      return nil
    }
    let known = ["action", "roles", "environments", "approvals", "distinctFrom",
                 "requireOwner", "deny"]
    for (key, value) in pairs where !known.contains(key) {
      fail("unknown rule field \(key)", at: value, hint: "known: \(known.joined(separator: ", "))")
    }
    var rule = PolicyRule(actions: readActions(node["action"], rule: node),
                          location: location(of: node))
    rule.roles = readStrings(node["roles"], field: "roles")
    rule.environments = readStrings(node["environments"], field: "environments")
    rule.deny = readBool(node["deny"], field: "deny") ?? false
    rule.requireOwner = readBool(node["requireOwner"], field: "requireOwner") ?? false
    rule.approvals = readApprovals(node["approvals"])
    rule.distinctFrom = readParties(node["distinctFrom"])
    for role in rule.roles where roles[role] == nil && !Policy.builtInRoles.contains(role) {
      fail("rule names unknown role \(role)", at: node["roles"] ?? node,
           hint: "define it under spec.roles or use a built-in role: "
             + Policy.builtInRoles.joined(separator: ", "))
    }
    if !rule.deny && rule.roles.isEmpty {
      fail("an allow rule needs roles", at: node, hint: "add `roles:`, or `deny: true`")
    }
    return rule
  }

  mutating func readActions(_ node: YAMLNode?, rule: YAMLNode) -> [String] {
    guard let node else {
      fail("a rule has no action", at: rule, hint: "add `action: run.start` or `action: \"*\"`")
      return []
    }
    let actions = readStrings(node, field: "action")
    for action in actions where !isKnownActionPattern(action) {
      fail("unknown action \"\(action)\"", at: node,
           hint: "known: " + Action.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return actions
  }

  func isKnownActionPattern(_ pattern: String) -> Bool {
    if pattern == "*" { return true }
    if pattern.hasSuffix(".*") {
      let prefix = String(pattern.dropLast())
      return Action.allCases.contains { $0.rawValue.hasPrefix(prefix) }
    }
    return Action(rawValue: pattern) != nil
  }

  mutating func readApprovals(_ node: YAMLNode?) -> Int {
    guard let node else { return 1 }
    guard let count = node.int, count >= 1 else {
      fail("approvals must be a whole number of at least 1", at: node)
      return 1
    }
    return count
  }

  mutating func readParties(_ node: YAMLNode?) -> Set<Party> {
    var parties: Set<Party> = []
    for name in readStrings(node, field: "distinctFrom") {
      guard let party = Party(rawValue: name) else {
        fail("unknown party \"\(name)\" in distinctFrom", at: node,
             hint: "use proposer, changeAuthor or requester")
        continue
      }
      parties.insert(party)
    }
    return parties
  }

  mutating func readRetention(_ node: YAMLNode?) -> Int? {
    guard let node else { return nil }
    guard let daysNode = node["evidenceDays"] else { return nil }
    guard let days = daysNode.int, days >= 1 else {
      fail("retention.evidenceDays must be a whole number of days, at least 1", at: daysNode)
      return nil
    }
    return days
  }

  mutating func readRedact(_ node: YAMLNode?) -> [String] {
    guard let node else { return [] }
    var patterns: [String] = []
    for item in node.array ?? [node] {
      guard let pattern = item.string else {
        fail("spec.redact must be a list of regular expressions", at: item)
        continue
      }
      do {
        if checkingPatterns { _ = try NSRegularExpression(pattern: pattern) }
        patterns.append(pattern)
      } catch {
        fail("invalid regular expression \"\(pattern)\" in spec.redact", at: item,
             hint: "use ICU regular expression syntax and escape backslashes in quoted YAML")
      }
    }
    return patterns
  }

  mutating func readIdentity(_ node: YAMLNode?) -> Bool {
    guard let flag = node?["allowImpersonation"] else { return false }
    return readBool(flag, field: "identity.allowImpersonation") ?? false
  }

  mutating func readEnvironment(_ node: YAMLNode?) -> [String] {
    guard let node else { return Policy.defaultInheritedEnvironment }
    let names = readStrings(node, field: "env")
    let pattern = "^[A-Za-z_][A-Za-z0-9_]*$"
    for name in names where name.range(of: pattern, options: .regularExpression) == nil {
      fail("invalid environment variable name \"\(name)\" in spec.env", at: node)
    }
    return names
  }

  // MARK: - Scalars

  mutating func readStrings(_ node: YAMLNode?, field: String) -> [String] {
    guard let node else { return [] }
    guard let strings = node.strings else {
      fail("\(field) must be a string or a list of strings", at: node)
      return []
    }
    return strings
  }

  mutating func readBool(_ node: YAMLNode?, field: String) -> Bool? {
    guard let node else { return nil }
    guard let value = node.bool else {
      fail("\(field) must be true or false", at: node)
      return nil
    }
    return value
  }

  func location(of node: YAMLNode?) -> SourceLocation {
    guard let node else { return entity.location }
    return SourceLocation(file: entity.location.file, line: node.mark.line,
                          column: node.mark.column)
  }

  mutating func fail(_ message: String, at node: YAMLNode?, hint: String? = nil) {
    errors.append(InputError(message, at: location(of: node), hint: hint))
  }
}
