import Foundation

/// Redacts, captures and stores the output of one attempt while it runs.
///
/// The head of each stream is stored as it arrives, so another process can follow it.
/// Past the head, an elision marker chunk is stored once, then recent output as tail
/// chunks. Tail chunks older than the last `tailLimit` bytes are deleted, and output that
/// arrives faster than the flush interval is trimmed in memory. Storage so stays bounded
/// however much a check writes. The marker is rewritten at the end with the number of bytes
/// elided.
///
/// Not thread-safe: it belongs to the worker thread running the attempt.
final class EvidenceWriter {
  private struct StreamState {
    var capture: EvidenceCapture
    var redactor: StreamingRedactor
    var markerSeq: Int?
    var pendingTail: [UInt8] = []
    /// Stored tail chunks, oldest first.
    var storedTail: [(seq: Int, count: Int)] = []
    var storedTailBytes = 0
    var elidedBytes = 0
  }

  let store: RunStore
  let attemptID: Int64
  let options: ExecutionOptions
  /// The whole redacted stdout, kept when the report is read from it.
  private(set) var fullStdout: [UInt8]?
  private(set) var fullStdoutOverflowed = false

  private var streams: [StreamState]
  private var pending: [EvidenceChunk] = []
  private var pendingBytes = 0
  private var dropped: [Int] = []
  private var nextSeq = 0
  private var lastFlush = Date()

  init(store: RunStore, attemptID: Int64, options: ExecutionOptions, keepStdout: Bool) {
    self.store = store
    self.attemptID = attemptID
    self.options = options
    let state = {
      StreamState(capture: EvidenceCapture(headLimit: options.headLimit,
                                           tailLimit: options.tailLimit),
                  redactor: StreamingRedactor(redactor: options.redactor))
    }
    streams = [state(), state()]
    fullStdout = keepStdout ? [] : nil
  }

  /// Takes raw bytes read from `stream`.
  func receive(_ stream: OutputStream, _ raw: UnsafeRawBufferPointer) throws {
    let index = Self.index(stream)
    streams[index].capture.recordRaw(raw)
    let redacted = streams[index].redactor.feed(raw)
    keep(redacted, stream: stream)
    try flushIfDue()
  }

  /// Writes pending output when enough bytes or time have accumulated.
  func flushIfDue() throws {
    if pendingBytes >= options.flushBytes
      || Date().timeIntervalSince(lastFlush) >= options.flushInterval {
      try flush()
    }
  }

  /// Releases what the redactors still hold, writes everything, rewrites the elision markers,
  /// and returns what was captured of stdout and stderr.
  func finish() throws
    -> (stdout: CapturedOutput, stderr: CapturedOutput, redactions: [String: Int]) {
    for stream in OutputStream.allCases {
      let index = Self.index(stream)
      keep(streams[index].redactor.finish(), stream: stream)
    }
    try flush()
    var markers: [(seq: Int, bytes: [UInt8])] = []
    for state in streams {
      guard let seq = state.markerSeq else { continue }
      let head = state.capture.finish().head
      markers.append((seq, EvidenceText.elisionMarker(bytes: state.elidedBytes, after: head)))
    }
    try store.writeEvidence([], attempt: attemptID, dropped: [], markers: markers)
    var redactions = streams[0].redactor.counts
    redactions.merge(streams[1].redactor.counts, uniquingKeysWith: +)
    return (streams[0].capture.finish(), streams[1].capture.finish(), redactions)
  }

  // MARK: - Buffering

  private func keep(_ redacted: [UInt8], stream: OutputStream) {
    guard !redacted.isEmpty else { return }
    let index = Self.index(stream)
    if stream == .stdout, fullStdout != nil { keepStdout(redacted) }
    let headPart = streams[index].capture.append(redacted: redacted)
    if !headPart.isEmpty { addChunk(stream, .head, Array(headPart)) }
    guard redacted.count > headPart.count else { return }
    if streams[index].markerSeq == nil {
      streams[index].markerSeq = nextSeq
      addChunk(stream, .elision, Array("[zof: output elided, count pending]\n".utf8))
    }
    streams[index].pendingTail += redacted[headPart.count...]
    // Trimming at twice the limit keeps the copy amortized while memory stays bounded.
    let excess = streams[index].pendingTail.count - options.tailLimit
    if excess > options.tailLimit {
      streams[index].pendingTail.removeFirst(excess)
      streams[index].elidedBytes += excess
    }
  }

  private func keepStdout(_ redacted: [UInt8]) {
    guard var full = fullStdout, !fullStdoutOverflowed else { return }
    fullStdout = nil
    if full.count + redacted.count > options.maxTAPBytes {
      fullStdoutOverflowed = true
    } else {
      full += redacted
    }
    fullStdout = full
  }

  private func addChunk(_ stream: OutputStream, _ kind: ChunkKind, _ bytes: [UInt8]) {
    if kind == .head, let last = pending.last, last.stream == stream, last.kind == .head {
      pending[pending.count - 1].bytes += bytes
    } else {
      pending.append(EvidenceChunk(attemptID: attemptID, seq: nextSeq, stream: stream,
                                   kind: kind, bytes: bytes))
      nextSeq += 1
    }
    pendingBytes += bytes.count
  }

  private func flush() throws {
    for stream in OutputStream.allCases {
      moveTailToPending(Self.index(stream), stream)
    }
    lastFlush = Date()
    guard !pending.isEmpty || !dropped.isEmpty else { return }
    try store.writeEvidence(pending, attempt: attemptID, dropped: dropped, markers: [])
    pending.removeAll(keepingCapacity: true)
    dropped.removeAll()
    pendingBytes = 0
  }

  /// Turns a stream's pending tail into a chunk and drops stored tail chunks that are no
  /// longer among the last `tailLimit` bytes.
  private func moveTailToPending(_ index: Int, _ stream: OutputStream) {
    var state = streams[index]
    defer { streams[index] = state }
    guard !state.pendingTail.isEmpty else { return }
    let excess = state.pendingTail.count - options.tailLimit
    if excess > 0 {
      state.pendingTail.removeFirst(excess)
      state.elidedBytes += excess
    }
    let seq = nextSeq
    pending.append(EvidenceChunk(attemptID: attemptID, seq: seq, stream: stream, kind: .tail,
                                 bytes: state.pendingTail))
    nextSeq += 1
    state.storedTail.append((seq, state.pendingTail.count))
    state.storedTailBytes += state.pendingTail.count
    state.pendingTail.removeAll(keepingCapacity: true)
    while let oldest = state.storedTail.first,
          state.storedTailBytes - oldest.count >= options.tailLimit {
      state.storedTail.removeFirst()
      state.storedTailBytes -= oldest.count
      state.elidedBytes += oldest.count
      dropped.append(oldest.seq)
    }
  }

  private static func index(_ stream: OutputStream) -> Int { stream == .stdout ? 0 : 1 }
}
