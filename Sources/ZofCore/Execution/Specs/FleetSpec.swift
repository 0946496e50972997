/// The spec of a Fleet entity: the check domains it serves, the number of checks it runs at
/// once, and the environments it may run in.
public struct FleetSpec: Sendable, Equatable {
  public var name: String
  public var domains: [String]
  public var concurrency: Int
  /// Environments the fleet may run in; empty means any.
  public var environments: [String]

  public init(name: String, domains: [String] = [], concurrency: Int = 1,
              environments: [String] = []) {
    self.name = name
    self.domains = domains
    self.concurrency = concurrency
    self.environments = environments
  }
}
