/// One condition an authorization evaluated, met or not, with the reason in words.
public struct PolicyCheck: Sendable, Equatable, CustomStringConvertible {
  /// A stable short name, such as `role` or `not-proposer`.
  public var name: String
  public var met: Bool
  public var reason: String

  public init(_ name: String, met: Bool, reason: String) {
    self.name = name
    self.met = met
    self.reason = reason
  }

  public var description: String { "[\(met ? "x" : " ")] \(reason)" }

  var json: JSONValue {
    ["name": .string(name), "met": .bool(met), "reason": .string(reason)]
  }
}

/// The outcome of `Authorizer.authorize`: allowed when every check is met.
///
/// For an approval the checks are also the separation-of-duties checklist shown to the
/// person about to approve.
public struct Decision: Sendable, Equatable {
  public var action: Action
  public var checks: [PolicyCheck]
  /// The audit event that recorded the decision, when it was recorded.
  public var auditSeq: Int64?

  public init(action: Action, checks: [PolicyCheck], auditSeq: Int64? = nil) {
    self.action = action
    self.checks = checks
    self.auditSeq = auditSeq
  }

  public var allowed: Bool { !checks.isEmpty && checks.allSatisfy(\.met) }

  /// The reasons: the unmet checks when denied, every check when allowed.
  public var reasons: [String] {
    let relevant = allowed ? checks : checks.filter { !$0.met }
    return relevant.map(\.reason)
  }
}
