/// An ordered, budgeted list of checks to run, with what was left out and why.
public struct Plan: Sendable, Codable, Equatable {
  /// One check in the plan.
  public struct Item: Sendable, Codable, Equatable {
    public var ref: String
    public var risk: Double
    public var level: String
    /// The chain that selected the check.
    public var because: [String]
    public var domain: String?
    /// The fleet that runs it, when one may.
    public var fleet: String?
    /// The reason it does not run, for deferred, unassigned and skipped items.
    public var reason: String?
  }

  public var environment: String
  /// The way the checks were chosen: `impact`, `checks` or `all`.
  public var selection: String
  /// Checks to run, riskiest first.
  public var selected: [Item]
  /// Checks past the budget, riskiest first.
  public var deferred: [Item]
  /// Checks no fleet may run here.
  public var unassigned: [Item]
  /// Checks that do not run in this environment.
  public var skipped: [Item]
  /// Affected workflows that no check covers, from the impact analysis.
  public var uncovered: [String]
}
