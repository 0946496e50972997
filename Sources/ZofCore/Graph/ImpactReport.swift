/// What a change can break: the paths it touched, the entities and workflows they reach,
/// the checks that cover them, and the gaps.
public struct ImpactReport: Sendable, Codable {
  /// A changed path and the entities that own it.
  public struct ChangedPath: Sendable, Codable, Equatable {
    public var path: String
    /// Entity refs the path maps to, such as the component whose `zof.dev/paths` match.
    public var components: [String]
    /// Owners from CODEOWNERS, as written there.
    public var owners: [String]
  }

  /// An affected entity or workflow.
  public struct Affected: Sendable, Codable, Equatable {
    public var ref: String
    public var kind: String
    public var distance: Int
    public var risk: Double
    public var level: String
    public var riskParts: RiskScore
    /// The shortest chain from a changed path to this entity.
    public var because: [String]
  }

  /// A check selected because it covers something affected.
  public struct SelectedCheck: Sendable, Codable, Equatable {
    public var ref: String
    public var risk: Double
    public var level: String
    public var because: [String]
  }

  public var changed: [ChangedPath]
  public var affected: [Affected]
  public var workflows: [Affected]
  public var checks: [SelectedCheck]
  /// Affected workflows that no selected check covers.
  public var uncovered: [String]
  /// Changed paths that no entity owns.
  public var unmapped: [ChangedPath]
}
