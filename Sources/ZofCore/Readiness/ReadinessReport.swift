/// Whether a ref is ready for an environment, criterion by criterion, with the evidence.
public struct ReadinessReport: Sendable, Codable, Equatable {
  public struct Item: Sendable, Codable, Equatable {
    public var criterion: String
    public var met: Bool
    /// The finding, worded for people.
    public var detail: String
    /// The evidence for the finding: run ids, incident refs, request ids, people.
    public var evidence: [String]
  }

  public var ref: String
  public var commit: String
  public var environment: String
  public var ready: Bool
  /// Whether the criteria are Zof's defaults because the policy lists none.
  public var defaults: Bool
  /// The last ref found ready for this environment, which bounds "the changes since".
  public var lastReady: String?
  public var items: [Item]
}
