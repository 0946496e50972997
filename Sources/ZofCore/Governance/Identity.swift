/// Who is acting: the real actor, and the user assumed with `--as` when impersonating.
///
/// Authorization looks at the effective actor (the assumed one when present), except that
/// an agent stays an agent even when it assumes a user. Audit events record both.
public struct Identity: Sendable, Hashable, CustomStringConvertible {
  public let real: Actor
  public let assumed: Actor?

  public init(real: Actor, assumed: Actor? = nil) {
    self.real = real
    self.assumed = assumed
  }

  /// The actor whose permissions apply.
  public var effective: Actor { assumed ?? real }

  /// Whether either identity is an agent.
  public var involvesAgent: Bool { real.isAgent || (assumed?.isAgent ?? false) }

  public var description: String {
    assumed.map { "\($0.id) (impersonated by \(real.id))" } ?? real.id
  }
}
