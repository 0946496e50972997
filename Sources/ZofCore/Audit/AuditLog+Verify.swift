extension AuditLog {
  /// Recomputes the whole chain and reports the first problem.
  ///
  /// Rows are read one at a time, so memory use does not depend on the log's size. A row
  /// passes when its `seq` follows the previous one, its `prev_hash` equals the previous
  /// row's hash, and its hash matches its content. At the first row that fails, a few
  /// point queries tell what happened there (see `classify`).
  ///
  /// Each row's hash depends only on its own stored columns, so `workers` connections can
  /// check ranges of sequence numbers at once. By default a log of 200,000 rows or more
  /// uses one worker per active processor (at most 8), and a smaller one uses a single
  /// worker.
  ///
  /// With `expectHead`, a head saved earlier (for example printed after a release), the
  /// check also fails as `truncated` when the chain ends before that head or no longer
  /// contains it. A longer chain that still contains the head is intact.
  public func verify(expectHead: AuditHead? = nil, workers: Int? = nil)
    throws -> AuditVerification
  {
    let scan = try scanChain(workers: workers)
    var tamper: AuditTamper?
    if let firstBad = scan.firstBadSeq {
      let previous = try headBefore(seq: firstBad)
      tamper = try classify(rowSeq: firstBad, previous: previous)
    }
    if tamper == nil, let expectHead {
      tamper = try checkTruncation(expected: expectHead, head: scan.head)
    }
    return AuditVerification(count: scan.count, head: scan.head, tamper: tamper)
  }

  /// Extends `earlier`, a verification of this log that found it intact, over the rows
  /// appended since, and returns the verification of the whole log.
  ///
  /// The rows `earlier` covered are not read again, so a console can keep the verified
  /// head current as events arrive. The first new row must link to `earlier`'s head as it
  /// was then, so an edit that rewrote the old tail and its hashes before that row was
  /// appended still shows, as does a tail that was removed.
  public func verifyAppended(since earlier: AuditVerification) throws -> AuditVerification {
    guard earlier.isIntact else { return earlier }
    let current = try readHead()
    if current.seq <= earlier.head.seq {
      guard current != earlier.head else { return earlier }
      return AuditVerification(
        count: earlier.count, head: current,
        tamper: try checkTruncation(expected: earlier.head, head: current))
    }
    let scan = try AuditLog.scan(database, (earlier.head.seq + 1)...current.seq,
                                 after: earlier.head)
    var tamper: AuditTamper?
    if let firstBad = scan.firstBadSeq {
      tamper = try classify(rowSeq: firstBad, previous: try headBefore(seq: firstBad))
    }
    return AuditVerification(count: earlier.count + scan.count,
                             head: scan.count > 0 ? scan.head : earlier.head, tamper: tamper)
  }

  /// Names what happened at the first row that failed, `rowSeq`, given the last row before
  /// it that passed (`previous`, or the empty head).
  ///
  /// - inserted: the row links to `previous` and so does the row after it, so the row is
  ///   extra. Or the row links to a row further back than `previous`: then either the
  ///   rows in between were added or the row is a fork (see `skippedRows`).
  /// - reordered: the row links to a row that comes after it.
  /// - deleted: sequence numbers are missing between `previous` and the row.
  /// - edited: the row's hash does not match its content; or the row is consistent but
  ///   `previous` no longer has the hash the row links to, so `previous` was changed and
  ///   its hash recomputed.
  func classify(rowSeq: Int64, previous: AuditHead) throws -> AuditTamper {
    guard let row = try event(seq: rowSeq) else {
      throw OperationError("audit verify", "row \(rowSeq) disappeared during verification")
    }
    let next = try eventAfter(seq: rowSeq)
    let intact = recomputedHash(of: row) == row.hash
    let gap = rowSeq > previous.seq + 1
    if row.prevHash == previous.hash {
      if let next, next.prevHash == previous.hash {
        return AuditTamper(
          kind: .inserted, seq: rowSeq,
          detail: "rows \(rowSeq) and \(next.seq) both link to row \(previous.seq)")
      }
      if !intact { return editedContent(rowSeq) }
      return missingRows(from: previous.seq + 1, to: rowSeq - 1)
    }
    if gap { return missingRows(from: previous.seq + 1, to: rowSeq - 1) }
    if let target = try seq(ofHash: row.prevHash) {
      if target > rowSeq {
        return AuditTamper(
          kind: .reordered, seq: rowSeq,
          detail: "row \(rowSeq) links to row \(target), which comes after it")
      }
      if target < previous.seq {
        return skippedRows(after: target, through: previous.seq, row: row, intact: intact)
      }
    }
    if !intact || previous.seq == 0 { return editedContent(rowSeq) }
    return AuditTamper(
      kind: .edited, seq: previous.seq,
      detail: "row \(previous.seq) was changed and its hash recomputed; "
        + "row \(rowSeq) still links to its old hash")
  }

  /// Classifies a row that links to `target`, further back than the last good row `last`.
  /// When the row no longer matches its hash, its `seq` was moved to make room, so the
  /// rows after `target` are the extra ones. When it still matches, the row is a fork.
  private func skippedRows(after target: Int64, through last: Int64, row: AuditEvent,
                           intact: Bool) -> AuditTamper {
    if intact {
      return AuditTamper(
        kind: .inserted, seq: row.seq,
        detail: "row \(row.seq) links to row \(target) instead of row \(last)")
    }
    let range = target + 1 == last ? "row \(last) was" : "rows \(target + 1)-\(last) were"
    return AuditTamper(
      kind: .inserted, seq: target + 1,
      detail: "\(range) added: row \(row.seq) was renumbered and links to row \(target)")
  }

  private func editedContent(_ seq: Int64) -> AuditTamper {
    AuditTamper(kind: .edited, seq: seq, detail: "row \(seq) does not match its hash")
  }

  private func missingRows(from first: Int64, to last: Int64) -> AuditTamper {
    let range = first == last ? "row \(first) is" : "rows \(first)-\(last) are"
    return AuditTamper(kind: .deleted, seq: first, detail: "\(range) missing")
  }

  private func checkTruncation(expected: AuditHead, head: AuditHead) throws -> AuditTamper? {
    if head.seq < expected.seq {
      return AuditTamper(
        kind: .truncated, seq: head.seq + 1,
        detail: "the chain ends at row \(head.seq), before the expected head \(expected)")
    }
    let stored = try database.queryFirst(
      "SELECT hash FROM audit_events WHERE seq = ?", [expected.seq]) { $0.text(0) }
    guard stored != expected.hash else { return nil }
    return AuditTamper(
      kind: .truncated, seq: expected.seq,
      detail: "row \(expected.seq) no longer has the expected head hash \(expected.hash); "
        + "the tail was removed and rewritten")
  }

  /// Returns the sequence number and hash of the row just before `seq`, or the empty head.
  func headBefore(seq: Int64) throws -> AuditHead {
    let head = try database.queryFirst(
      "SELECT seq, hash FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT 1", [seq]
    ) { AuditHead(seq: $0.int64(0), hash: $0.text(1)) }
    return head ?? .empty
  }

  private func event(seq: Int64) throws -> AuditEvent? {
    try database.queryFirst(
      "SELECT \(AuditEvent.columns) FROM audit_events WHERE seq = ?", [seq],
      AuditEvent.init(row:))
  }

  private func eventAfter(seq: Int64) throws -> AuditEvent? {
    try database.queryFirst(
      "SELECT \(AuditEvent.columns) FROM audit_events WHERE seq > ? ORDER BY seq LIMIT 1",
      [seq], AuditEvent.init(row:))
  }

  /// Finds the row with `hash`; a full scan, because only a failed verification needs it.
  private func seq(ofHash hash: String) throws -> Int64? {
    try database.scalar("SELECT seq FROM audit_events WHERE hash = ? LIMIT 1", [hash])
  }

  func recomputedHash(of event: AuditEvent) -> String {
    let bytes = AuditChainHasher().hash(
      prevHash: Array(event.prevHash.utf8), seq: event.seq, time: Array(event.time.utf8),
      actor: Array(event.actor.utf8), assumedActor: event.assumedActor.map { Array($0.utf8) },
      action: Array(event.action.utf8), subject: Array(event.subject.utf8),
      decision: Array(event.decision.rawValue.utf8), details: Array(event.details.utf8))
    return String(decoding: bytes, as: UTF8.self)
  }
}
