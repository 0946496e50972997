import CPosix

/// Redacts output that arrives in chunks, so a secret split between two chunks is still
/// found.
///
/// Text is redacted a line at a time: an incomplete last line is held until its newline
/// arrives, and a PEM private key block is held from its BEGIN line to its END line. Both
/// are bounded by `holdLimit` bytes, after which what is held is redacted and released. A
/// key block longer than that is replaced by one marker, and the base64 lines that follow it
/// are dropped until its END line or any other kind of line.
///
/// NOTE: a secret that straddles a forced release of a line longer than `holdLimit` is not
/// found.
public struct StreamingRedactor: Sendable {
  public let redactor: Redactor
  public let holdLimit: Int
  /// Replacements so far per rule label.
  public private(set) var counts: [String: Int] = [:]

  private var pending: [UInt8] = []
  private var pemBlock: [UInt8]?
  /// Whether the lines being read continue a key block that was already replaced.
  private var insideReplacedKey = false

  public init(redactor: Redactor, holdLimit: Int = 64 * 1024) {
    self.redactor = redactor
    self.holdLimit = holdLimit
  }

  /// Adds `bytes` and returns the redacted output that is ready to be stored.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    // Pending bytes contain no newline, so only the new bytes need searching.
    let offset = pending.count
    pending.append(contentsOf: bytes)
    guard let found = memrchr(bytes.baseAddress, 10, bytes.count) else {
      return pending.count > holdLimit ? releaseAll() : []
    }
    let lastNewline = offset + (UnsafeRawPointer(found) - bytes.baseAddress!)
    var output: [UInt8] = []
    processLines(pending[...lastNewline], into: &output)
    pending.removeSubrange(...lastNewline)
    if pending.count > holdLimit { output += releaseAll() }
    return output
  }

  /// Adds `bytes` and returns the redacted output that is ready to be stored.
  public mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBytes { feed($0) }
  }

  /// Redacts and returns everything still held, at the end of the stream.
  public mutating func finish() -> [UInt8] {
    var output: [UInt8] = []
    if !pending.isEmpty { processLines(pending[...], into: &output) }
    pending.removeAll()
    if let block = pemBlock {
      output += redactBlock(block, complete: false)
      pemBlock = nil
    }
    return output
  }

  private mutating func releaseAll() -> [UInt8] {
    var output: [UInt8] = []
    processLines(pending[...], into: &output)
    pending.removeAll()
    return output
  }

  /// Redacts complete lines, diverting PEM blocks; the last line may lack its newline.
  private mutating func processLines(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) {
    guard pemBlock != nil || insideReplacedKey || Self.contains(Self.beginMarker, in: text)
    else {
      // Most output contains no trigger at all, so one scan of the whole batch usually
      // settles it. Otherwise only the lines that contain a trigger go through the patterns.
      guard redactor.mayMatchAny(text) else {
        output += text
        return
      }
      forEachLine(text) { line in
        output += redactor.mayMatchAny(line) ? redact(line) : Array(line)
      }
      return
    }
    forEachLine(text) { processLine($0, into: &output) }
  }

  /// Calls `body` with each line of `text`, newline included; the last may lack one.
  private func forEachLine(_ text: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) {
    var lineStart = text.startIndex
    while lineStart < text.endIndex {
      let newline = text[lineStart...].firstIndex(of: 10)
      let lineEnd = newline.map { $0 + 1 } ?? text.endIndex
      body(text[lineStart..<lineEnd])
      lineStart = lineEnd
    }
  }

  private mutating func processLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
    if insideReplacedKey {
      if Self.contains(Self.endMarker, in: line) {
        insideReplacedKey = false
        return
      }
      if Self.isKeyBody(line) { return }
      insideReplacedKey = false
    }
    if var block = pemBlock {
      block += line
      if Self.contains(Self.endMarker, in: line) {
        output += redactBlock(block, complete: true)
        pemBlock = nil
      } else if block.count > holdLimit {
        output += redactBlock(block, complete: false)
        pemBlock = nil
        insideReplacedKey = true
      } else {
        pemBlock = block
      }
      return
    }
    let begins = Self.contains(Self.beginMarker, in: line)
    if begins && !Self.contains(Self.endMarker, in: line) {
      pemBlock = Array(line)
    } else {
      output += redactor.mayMatchAny(line) ? redact(line) : Array(line)
    }
  }

  /// Replaces a held key block; one without its END line is replaced up to where it stops.
  private mutating func redactBlock(_ block: [UInt8], complete: Bool) -> [UInt8] {
    if complete { return redact(block[...]) }
    counts["private-key", default: 0] += 1
    let newline: [UInt8] = block.last == 10 ? [10] : []
    return Array("[REDACTED:private-key]".utf8) + newline
  }

  private mutating func redact(_ text: ArraySlice<UInt8>) -> [UInt8] {
    redactor.redact(bytes: text, counts: &counts)
  }

  /// Returns whether a line contains only base64 characters or is a PEM header such as
  /// `Proc-Type:`.
  private static func isKeyBody(_ line: ArraySlice<UInt8>) -> Bool {
    if line.starts(with: "Proc-Type:".utf8) || line.starts(with: "DEK-Info:".utf8) {
      return true
    }
    return line.allSatisfy { byte in
      (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
        || byte == 43 || byte == 47 || byte == 61 || byte == 10 || byte == 13
    }
  }

  private static let beginMarker = Array("PRIVATE KEY-----".utf8)
  private static let endMarker = Array("-----END ".utf8)

  private static func contains(_ needle: [UInt8], in text: ArraySlice<UInt8>) -> Bool {
    guard text.count >= needle.count else { return false }
    return text.withUnsafeBytes { haystack in
      needle.withUnsafeBytes { pattern in
        memmem(haystack.baseAddress, haystack.count, pattern.baseAddress, pattern.count) != nil
      }
    }
  }
}
