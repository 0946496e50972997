/// One stored audit event with its place in the hash chain.
public struct AuditEvent: Sendable, Equatable {
  public var seq: Int64
  /// UTC time in ISO 8601 with milliseconds, as `Timestamp.iso8601` writes it.
  public var time: String
  public var actor: String
  public var assumedActor: String?
  public var action: String
  public var subject: String
  public var decision: AuditDecision
  /// The details as canonical JSON text, exactly the bytes that were hashed.
  public var details: String
  /// The hash of the event before this one, or `AuditHead.genesisHash` for the first.
  public var prevHash: String
  /// SHA-256 of `prevHash` and the canonical encoding of this event, as lowercase hex.
  public var hash: String

  init(row: Row) {
    seq = row.int64(0)
    time = row.text(1)
    actor = row.text(2)
    assumedActor = row.optionalText(3)
    action = row.text(4)
    subject = row.text(5)
    // The CHECK constraint allows only the three values. A tampered value reads as
    // `recorded` here and still fails verification, because the hash covers the stored text.
    decision = AuditDecision(rawValue: row.text(6)) ?? .recorded
    details = row.text(7)
    prevHash = row.text(8)
    hash = row.text(9)
  }

  /// The column list that `init(row:)` reads, in order.
  static let columns =
    "seq, time, actor, assumed_actor, action, subject, decision, details, prev_hash, hash"
}

/// The last event of the chain: its sequence number and hash.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
  /// The `prev_hash` of the first event: 64 zeros.
  public static let genesisHash = String(repeating: "0", count: 64)

  /// The head of an empty log.
  public static let empty = AuditHead(seq: 0, hash: genesisHash)

  public var seq: Int64
  public var hash: String

  public init(seq: Int64, hash: String) {
    self.seq = seq
    self.hash = hash
  }

  public var description: String { "\(seq):\(hash)" }
}

extension AuditEvent {
  /// The action as people read it. A vote shows which way it went, because a rejection of
  /// a quarantine or a release is decided, and recorded, under the approve action.
  public var displayAction: String {
    guard details.contains("\"vote\""),
          let node = try? JSONNodeReader.parse(details, mark: YAMLNode.Mark(line: 1, column: 1)),
          let vote = node["vote"]?.string
    else { return action }
    return "\(action) (\(vote) vote)"
  }
}
