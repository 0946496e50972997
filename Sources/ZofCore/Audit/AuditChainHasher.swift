/// Computes event hashes for the audit chain.
///
/// The canonical encoding of an event is the `CanonicalJSON` encoding of an object with
/// exactly these eight members, which sorted by key are:
///
///     {"action":…,"actor":…,"assumed_actor":…,"decision":…,"details":…,"seq":…,
///      "subject":…,"time":…}
///
/// - `seq` is an integer and `assumed_actor` is a string or `null`; the others are strings
///   except `details`.
/// - `details` is the stored details text inserted verbatim. `AuditLog` stores it in
///   canonical JSON, so the whole object is canonical, and verification needs no JSON
///   parser.
/// - `time` is the stored text, `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC.
///
/// The event's hash is the lowercase hex SHA-256 of the bytes of `prev_hash` (64 ASCII hex
/// characters, or 64 zeros for the first event) immediately followed by the canonical
/// encoding, with no separator.
///
/// The hasher reuses one buffer and one digest context, so an instance is not thread-safe.
final class AuditChainHasher {
  private let digest = SHA256Hasher()
  private var buffer: [UInt8] = []
  private var digestBytes = [UInt8](repeating: 0, count: 32)
  /// The hex hash computed by the last `computeHash` call.
  private(set) var hexBytes = [UInt8](repeating: 0, count: 64)
  private static let hexDigits = Array("0123456789abcdef".utf8)

  init() {
    buffer.reserveCapacity(512)
  }

  /// Returns the hash, as 64 hex bytes, of an event whose fields are UTF-8 byte
  /// collections.
  func hash<Bytes: Collection>(
    prevHash: Bytes, seq: Int64, time: Bytes, actor: Bytes, assumedActor: Bytes?,
    action: Bytes, subject: Bytes, decision: Bytes, details: Bytes
  ) -> [UInt8] where Bytes.Element == UInt8 {
    computeHash(
      prevHash: prevHash, seq: seq, time: time, actor: actor, assumedActor: assumedActor,
      action: action, subject: subject, decision: decision, details: details)
    return hexBytes
  }

  /// Computes the hash into `hexBytes`, reusing every buffer, for the verification loop.
  func computeHash<Bytes: Collection>(
    prevHash: Bytes, seq: Int64, time: Bytes, actor: Bytes, assumedActor: Bytes?,
    action: Bytes, subject: Bytes, decision: Bytes, details: Bytes
  ) where Bytes.Element == UInt8 {
    buffer.removeAll(keepingCapacity: true)
    buffer.append(contentsOf: prevHash)
    AuditChainHasher.appendEvent(
      seq: seq, time: time, actor: actor, assumedActor: assumedActor, action: action,
      subject: subject, decision: decision, details: details, hashes: nil, to: &buffer)
    digest.reset()
    buffer.withUnsafeBytes { digest.update($0) }
    digestBytes.withUnsafeMutableBufferPointer { digest.finalize(into: $0) }
    let digits = AuditChainHasher.hexDigits
    for index in 0..<32 {
      let byte = digestBytes[index]
      hexBytes[2 * index] = digits[Int(byte >> 4)]
      hexBytes[2 * index + 1] = digits[Int(byte & 0x0f)]
    }
  }

  /// Appends the canonical encoding of an event to `output`.
  ///
  /// With `hashes`, the object also gets `hash` and `prev_hash` members in their sorted
  /// places; that form is the export line, not what is hashed.
  static func appendEvent<Bytes: Collection>(
    seq: Int64, time: Bytes, actor: Bytes, assumedActor: Bytes?, action: Bytes,
    subject: Bytes, decision: Bytes, details: Bytes, hashes: (prev: Bytes, hash: Bytes)?,
    to output: inout [UInt8]
  ) where Bytes.Element == UInt8 {
    appendKey("{\"action\":", &output)
    CanonicalJSON.appendString(action, to: &output)
    appendKey(",\"actor\":", &output)
    CanonicalJSON.appendString(actor, to: &output)
    appendKey(",\"assumed_actor\":", &output)
    if let assumedActor {
      CanonicalJSON.appendString(assumedActor, to: &output)
    } else {
      appendKey("null", &output)
    }
    appendKey(",\"decision\":", &output)
    CanonicalJSON.appendString(decision, to: &output)
    appendKey(",\"details\":", &output)
    output.append(contentsOf: details)
    if let hashes {
      appendKey(",\"hash\":", &output)
      CanonicalJSON.appendString(hashes.hash, to: &output)
      appendKey(",\"prev_hash\":", &output)
      CanonicalJSON.appendString(hashes.prev, to: &output)
    }
    appendKey(",\"seq\":", &output)
    CanonicalJSON.appendInteger(seq, to: &output)
    appendKey(",\"subject\":", &output)
    CanonicalJSON.appendString(subject, to: &output)
    appendKey(",\"time\":", &output)
    CanonicalJSON.appendString(time, to: &output)
    output.append(UInt8(ascii: "}"))
  }

  private static func appendKey(_ text: StaticString, _ output: inout [UInt8]) {
    text.withUTF8Buffer { output.append(contentsOf: $0) }
  }
}
