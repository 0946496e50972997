import Foundation

/// The result of checking the rows of one range of sequence numbers.
struct ChainScan: Sendable {
  var count: Int64 = 0
  /// The last row read, as stored.
  var head = AuditHead.empty
  /// The first row that did not pass, when there is one.
  var firstBadSeq: Int64?
}

extension AuditLog {
  /// Checks every row, splitting the sequence numbers among `workers` connections, and
  /// returns the combined result.
  func scanChain(workers: Int?) throws -> ChainScan {
    let bounds = try database.queryFirst("SELECT min(seq), max(seq) FROM audit_events") {
      $0.isNull(0) ? nil : ($0.int64(0), $0.int64(1))
    } ?? nil
    guard let (low, high) = bounds else { return ChainScan() }
    let span = high - low + 1
    let automatic = span >= 200_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
    let workerCount = Int64(max(1, min(workers ?? automatic, Int(min(span, 64)))))
    let ranges = (0..<workerCount).map { index in
      (low + span * index / workerCount)...(low + span * (index + 1) / workerCount - 1)
    }
    guard ranges.count > 1 else {
      return try AuditLog.scan(database, ranges[0], after: .empty)
    }
    let starts = try ranges.map { range in
      range.lowerBound == low ? AuditHead.empty : try headBefore(seq: range.lowerBound)
    }
    let results = try scanInParallel(ranges, starts: starts)
    return combine(results)
  }

  private func scanInParallel(_ ranges: [ClosedRange<Int64>], starts: [AuditHead]) throws
    -> [ChainScan]
  {
    let collector = ScanCollector(count: ranges.count)
    let path = database.path
    DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
      do {
        // Each worker opens its own connection, so no connection is shared across threads.
        let connection = try Database(path: path)
        collector.store(try AuditLog.scan(connection, ranges[index], after: starts[index]),
                        at: index)
      } catch {
        collector.fail(error)
      }
    }
    return try collector.results()
  }

  private func combine(_ results: [ChainScan]) -> ChainScan {
    var combined = ChainScan()
    for result in results {
      combined.count += result.count
      if result.count > 0 { combined.head = result.head }
      if combined.firstBadSeq == nil { combined.firstBadSeq = result.firstBadSeq }
    }
    return combined
  }

  /// Checks the rows in `range` in order, taking `previous` as the last good row before it.
  ///
  /// Stops checking at the first row that fails, but keeps counting rows and tracking the
  /// head.
  static func scan(_ database: Database, _ range: ClosedRange<Int64>,
                   after previous: AuditHead) throws -> ChainScan {
    var scan = ChainScan()
    var lastGoodSeq = previous.seq
    var previousHash = Array(previous.hash.utf8)
    var lastHash = previousHash
    let hasher = AuditChainHasher()
    let sql = "SELECT \(AuditEvent.columns) FROM audit_events "
      + "WHERE seq BETWEEN ? AND ? ORDER BY seq"
    try database.forEachRow(sql, [range.lowerBound, range.upperBound]) { row in
      let seq = row.int64(0)
      let storedHash = row.unsafeUTF8(9)
      scan.count += 1
      scan.head.seq = seq
      lastHash.replaceSubrange(lastHash.indices, with: storedHash)
      guard scan.firstBadSeq == nil else { return }
      let prevHash = row.unsafeUTF8(8)
      hasher.computeHash(
        prevHash: prevHash, seq: seq, time: row.unsafeUTF8(1), actor: row.unsafeUTF8(2),
        assumedActor: row.isNull(3) ? nil : row.unsafeUTF8(3), action: row.unsafeUTF8(4),
        subject: row.unsafeUTF8(5), decision: row.unsafeUTF8(6), details: row.unsafeUTF8(7))
      let linked = prevHash.elementsEqual(previousHash)
      let intact = hasher.hexBytes.elementsEqual(storedHash)
      if seq == lastGoodSeq + 1 && linked && intact {
        previousHash.replaceSubrange(previousHash.indices, with: storedHash)
        lastGoodSeq = seq
      } else {
        scan.firstBadSeq = seq
      }
    }
    // The head comes from the scan's own snapshot, so rows appended meanwhile are left out.
    scan.head.hash = String(decoding: lastHash, as: UTF8.self)
    return scan
  }
}

/// Results of parallel range scans, written from worker threads.
private final class ScanCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var scans: [ChainScan?]
  private var error: Error?

  init(count: Int) {
    scans = Array(repeating: nil, count: count)
  }

  func store(_ scan: ChainScan, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    scans[index] = scan
  }

  func fail(_ error: Error) {
    lock.lock()
    defer { lock.unlock() }
    if self.error == nil { self.error = error }
  }

  /// Returns every range's result in order, or throws the first worker's error.
  func results() throws -> [ChainScan] {
    lock.lock()
    defer { lock.unlock() }
    if let error { throw error }
    return scans.map { $0 ?? ChainScan() }
  }
}
