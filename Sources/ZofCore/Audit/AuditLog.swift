import Foundation

/// The append-only audit trail: a hash chain of events in the `audit_events` table.
///
/// Each event stores the hash of the event before it, and its own hash over that value and
/// its canonical encoding (see `AuditChainHasher`). Editing, deleting, inserting or
/// reordering stored rows therefore breaks the chain where it happened, and `verify`
/// reports the place.
/// Triggers reject UPDATE and DELETE on the table.
///
/// NOTE: The hash is not keyed, so someone with write access who drops the triggers can
/// rewrite the whole tail consistently; only a head saved elsewhere (`verify(expectHead:)`)
/// detects that.
public final class AuditLog: @unchecked Sendable {
  public let database: Database
  private let clock: @Sendable () -> Date
  private let lock = NSLock()
  private var cachedHead: AuditHead?

  static let insertSQL = """
    INSERT INTO audit_events (\(AuditEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  /// Creates a log over a migrated store; `clock` supplies event times.
  public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
    self.database = database
    self.clock = clock
  }

  /// The head after this instance's last append or read, without a query; nil before either.
  ///
  /// Another process may have appended since, so writers never trust it (see `append`).
  public var lastKnownHead: AuditHead? {
    lock.lock()
    defer { lock.unlock() }
    return cachedHead
  }

  /// Reads the current head from the store.
  public func head() throws -> AuditHead {
    let head = try readHead()
    remember(head)
    return head
  }

  /// Appends one event and returns it as stored.
  @discardableResult
  public func append(_ entry: AuditEntry) throws -> AuditEvent {
    let head = try append(contentsOf: [entry])
    let event = try database.queryFirst(
      "SELECT \(AuditEvent.columns) FROM audit_events WHERE seq = ?", [head.seq],
      AuditEvent.init(row:))
    guard let event else {
      throw OperationError("audit append", "event \(head.seq) is missing after its insert")
    }
    return event
  }

  /// Appends `entries` in one transaction, in order, and returns the new head.
  ///
  /// The head is read again inside the write transaction (`BEGIN IMMEDIATE` holds the write
  /// lock), so two processes appending at once extend one chain instead of forking it.
  /// Every event of one call gets the same time. When the call runs inside an outer
  /// transaction, the events commit or roll back with it.
  @discardableResult
  public func append(contentsOf entries: [AuditEntry]) throws -> AuditHead {
    let head = try database.transaction { () throws -> AuditHead in
      var head = try readHead()
      guard !entries.isEmpty else { return head }
      let time = Timestamp.iso8601(clock())
      let statement = try database.prepare(AuditLog.insertSQL)
      let hasher = AuditChainHasher()
      for entry in entries {
        head = try insert(entry, after: head, time: time, statement: statement, hasher: hasher)
      }
      return head
    }
    remember(head)
    return head
  }

  private func insert(_ entry: AuditEntry, after head: AuditHead, time: String,
                      statement: Statement, hasher: AuditChainHasher) throws -> AuditHead {
    let seq = head.seq + 1
    let details = CanonicalJSON.encode(entry.details)
    let hashBytes = hasher.hash(
      prevHash: head.hash.utf8, seq: seq, time: time.utf8, actor: entry.actor.utf8,
      assumedActor: entry.assumedActor?.utf8, action: entry.action.utf8,
      subject: entry.subject.utf8, decision: entry.decision.rawValue.utf8,
      details: details.utf8)
    let hash = String(decoding: hashBytes, as: UTF8.self)
    try statement.bind([
      seq, time, entry.actor, entry.assumedActor, entry.action, entry.subject,
      entry.decision.rawValue, details, head.hash, hash,
    ])
    try statement.run()
    return AuditHead(seq: seq, hash: hash)
  }

  func readHead() throws -> AuditHead {
    let head = try database.queryFirst(
      "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
    ) { AuditHead(seq: $0.int64(0), hash: $0.text(1)) }
    return head ?? .empty
  }

  private func remember(_ head: AuditHead) {
    lock.lock()
    defer { lock.unlock() }
    cachedHead = head
  }
}
