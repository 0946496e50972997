/// The evidence kept from one output stream: the first `headLimit` and last `tailLimit`
/// bytes of its redacted form, with the byte count and SHA-256 of the raw stream.
///
/// Raw bytes only feed the count and the digest, so the digest can be compared with the
/// output of a rerun, while nothing unredacted is kept.
///
/// Not thread-safe: one capture belongs to the thread that reads the stream.
public final class EvidenceCapture {
  public let headLimit: Int
  public let tailLimit: Int
  public private(set) var rawBytes = 0
  public private(set) var redactedBytes = 0

  private var head: [UInt8] = []
  private var tail: TailBuffer
  private let hasher = SHA256Hasher()
  private var digest: String?

  public init(headLimit: Int = 256 * 1024, tailLimit: Int = 256 * 1024) {
    self.headLimit = headLimit
    self.tailLimit = tailLimit
    self.tail = TailBuffer(capacity: tailLimit)
  }

  /// Adds raw bytes to the count and the digest.
  public func recordRaw(_ bytes: UnsafeRawBufferPointer) {
    rawBytes += bytes.count
    hasher.update(bytes)
  }

  /// Adds redacted bytes and returns the part of them that falls within the head.
  @discardableResult
  public func append(redacted bytes: [UInt8]) -> ArraySlice<UInt8> {
    redactedBytes += bytes.count
    let room = max(0, headLimit - head.count)
    let headPart = bytes.prefix(room)
    head += headPart
    if bytes.count > room { tail.append(bytes[room...]) }
    return headPart
  }

  /// Finishes the digest and returns what was kept; call once, at the end of the stream.
  public func finish() -> CapturedOutput {
    let sha256 = digest ?? hasher.finalizeHex()
    digest = sha256
    let tailBytes = tail.contents
    return CapturedOutput(
      head: head, tail: tailBytes,
      elidedBytes: redactedBytes - head.count - tailBytes.count,
      rawBytes: rawBytes, redactedBytes: redactedBytes, sha256: sha256)
  }
}

/// What a capture kept of one stream.
public struct CapturedOutput: Sendable, Equatable {
  public var head: [UInt8]
  public var tail: [UInt8]
  /// Redacted bytes between head and tail that were not kept.
  public var elidedBytes: Int
  public var rawBytes: Int
  public var redactedBytes: Int
  /// SHA-256 of the raw stream, lowercase hex.
  public var sha256: String

  /// Head, a marker line when bytes were elided, then tail.
  public var bytes: [UInt8] {
    guard elidedBytes > 0 else { return head + tail }
    return head + EvidenceText.elisionMarker(bytes: elidedBytes, after: head) + tail
  }

  /// The kept output as text that is safe to print: see `EvidenceText.displayText`.
  public var text: String { EvidenceText.displayText(bytes) }
}
