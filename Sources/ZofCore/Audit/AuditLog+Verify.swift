extension AuditLog {
  /// Recomputes the whole chain, oldest first, and reports the first problem.
  ///
  /// Rows are read one at a time, so memory use does not depend on the log's size. A row
  /// passes when its `seq` follows the previous one, its `prev_hash` equals the previous
  /// row's hash, and its hash matches its content. At the first row that fails, a few
  /// point queries tell what happened there (see `classify`).
  ///
  /// With `expectHead`, a head saved earlier (for example printed after a release), the
  /// check also fails as `truncated` when the chain ends before that head or no longer
  /// contains it. A longer chain that still contains the head is intact.
  public func verify(expectHead: AuditHead? = nil) throws -> AuditVerification {
    let scan = try scanChain()
    var tamper = try scan.firstBadSeq.map {
      try classify(rowSeq: $0, previous: scan.lastGood)
    }
    if tamper == nil, let expectHead {
      tamper = try checkTruncation(expected: expectHead, head: scan.head)
    }
    return AuditVerification(count: scan.count, head: scan.head, tamper: tamper)
  }

  private struct ChainScan {
    var count: Int64 = 0
    var head = AuditHead.empty
    var lastGood = AuditHead.empty
    var firstBadSeq: Int64?
  }

  private func scanChain() throws -> ChainScan {
    var scan = ChainScan()
    var previousHash = Array(AuditHead.genesisHash.utf8)
    let hasher = AuditChainHasher()
    let sql = "SELECT \(AuditEvent.columns) FROM audit_events ORDER BY seq"
    try database.forEachRow(sql) { row in
      let seq = row.int64(0)
      scan.count += 1
      let storedHash = row.unsafeUTF8(9)
      // After the first failure only the count and head are still needed.
      guard scan.firstBadSeq == nil else { return }
      let prevHash = row.unsafeUTF8(8)
      hasher.computeHash(
        prevHash: prevHash, seq: seq, time: row.unsafeUTF8(1), actor: row.unsafeUTF8(2),
        assumedActor: row.isNull(3) ? nil : row.unsafeUTF8(3), action: row.unsafeUTF8(4),
        subject: row.unsafeUTF8(5), decision: row.unsafeUTF8(6), details: row.unsafeUTF8(7))
      let linked = prevHash.elementsEqual(previousHash)
      let intact = hasher.hexBytes.elementsEqual(storedHash)
      if seq == scan.lastGood.seq + 1 && linked && intact {
        previousHash.replaceSubrange(previousHash.indices, with: storedHash)
        scan.lastGood.seq = seq
      } else {
        scan.firstBadSeq = seq
      }
    }
    scan.lastGood.hash = String(decoding: previousHash, as: UTF8.self)
    if scan.count > 0 { scan.head = try readHead() }
    return scan
  }

  /// Names what happened at the first row that failed, `rowSeq`, given the last row before
  /// it that passed (`previous`, or the empty head).
  ///
  /// - inserted: the row links to `previous` and so does the row after it, so the row is
  ///   extra; or the row links to a row further back than `previous`, so either the rows
  ///   in between were added or the row is a fork (see `skippedRows`).
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

  /// The row links to `target`, further back than the last good row `last`. When the row
  /// no longer matches its hash, its `seq` was moved to make room, so the rows after
  /// `target` are the extra ones; when it still matches, the row itself is a fork.
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
