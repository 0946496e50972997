import Foundation

extension AuditLog {
  /// Returns one page of events matching `query`, newest first.
  public func events(_ query: AuditQuery) throws -> AuditPage {
    guard query.limit > 0 else {
      throw InputError("audit query limit must be positive, got \(query.limit)")
    }

    var conditions: [String] = []
    var values: [SQLBindable] = []
    if let actor = query.actor {
      conditions.append("(actor = ? OR assumed_actor = ?)")
      values += [actor, actor]
    }
    if let action = query.action {
      conditions.append("action = ?")
      values.append(action)
    }
    if let subject = query.subject {
      conditions.append("subject = ?")
      values.append(subject)
    }
    if let since = query.since {
      // Stored times have one fixed-width format, so text order is time order.
      conditions.append("time >= ?")
      values.append(Timestamp.iso8601(since))
    }
    if let before = query.before {
      conditions.append("seq < ?")
      values.append(before)
    }

    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    // One extra row shows whether another page follows.
    values.append(query.limit + 1)
    var events = try database.query(
      "SELECT \(AuditEvent.columns) FROM audit_events \(filter) ORDER BY seq DESC LIMIT ?",
      values, AuditEvent.init(row:))

    var cursor: Int64?
    if events.count > query.limit {
      events.removeLast()
      cursor = events.last?.seq
    }
    return AuditPage(events: events, nextCursor: cursor)
  }

  /// Streams every event with a sequence number above `afterSeq`, oldest first, as one JSON
  /// line each, and returns how many were written.
  ///
  /// A line is the event's canonical encoding with `hash` and `prev_hash` added, without
  /// the trailing newline. Rows are read one at a time, so memory use does not grow with
  /// the log.
  @discardableResult
  public func export(afterSeq: Int64 = 0, _ writeLine: (String) throws -> Void) throws -> Int {
    var buffer: [UInt8] = []
    var count = 0
    let sql = "SELECT \(AuditEvent.columns) FROM audit_events WHERE seq > ? ORDER BY seq"
    try database.forEachRow(sql, [afterSeq]) { row in
      buffer.removeAll(keepingCapacity: true)
      let assumed = row.isNull(3) ? nil : row.unsafeUTF8(3)
      AuditChainHasher.appendEvent(
        seq: row.int64(0), time: row.unsafeUTF8(1), actor: row.unsafeUTF8(2),
        assumedActor: assumed, action: row.unsafeUTF8(4), subject: row.unsafeUTF8(5),
        decision: row.unsafeUTF8(6), details: row.unsafeUTF8(7),
        hashes: (prev: row.unsafeUTF8(8), hash: row.unsafeUTF8(9)), to: &buffer)
      try writeLine(String(decoding: buffer, as: UTF8.self))
      count += 1
    }
    return count
  }
}
