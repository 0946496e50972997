/// The first place where the stored chain differs from what was appended.
public struct AuditTamper: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable, CaseIterable {
    /// A row's content or hash was changed.
    case edited
    /// Rows are missing before the reported sequence number ends the gap.
    case deleted
    /// A row was added that the chain never linked to.
    case inserted
    /// Rows were moved out of their order.
    case reordered
    /// The chain no longer reaches the head the caller saved.
    case truncated
  }

  public var kind: Kind
  /// The first sequence number affected.
  public var seq: Int64
  /// A description of what was found, for people.
  public var detail: String

  public init(kind: Kind, seq: Int64, detail: String) {
    self.kind = kind
    self.seq = seq
    self.detail = detail
  }

  public var description: String { "\(kind.rawValue) at seq \(seq): \(detail)" }
}

/// The result of `AuditLog.verify`.
public struct AuditVerification: Sendable, Equatable {
  /// How many rows the table holds.
  public var count: Int64
  /// The last stored row's sequence number and hash, as stored.
  public var head: AuditHead
  /// The first problem found, or nil when the chain is intact.
  public var tamper: AuditTamper?

  public var isIntact: Bool { tamper == nil }
}
