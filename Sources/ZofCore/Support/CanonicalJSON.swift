/// The canonical JSON encoding: one byte string per value, so that hashes over it can be
/// recomputed by anyone.
///
/// The rules:
/// - No whitespace outside strings.
/// - Object members are sorted by the UTF-8 bytes of their keys, compared byte by byte.
/// - Strings are UTF-8, written as stored with no Unicode normalization. Only `"`, `\` and
///   the control characters U+0000 to U+001F are escaped: `\b`, `\t`, `\n`, `\f`, `\r` have
///   their short forms and the others are written `\u00xx` with lowercase hex. `/`, U+007F
///   and every non-ASCII character appear as their raw UTF-8 bytes.
/// - Integers are written in decimal with a leading `-` when negative and no leading zeros.
/// - Doubles are written in Swift's shortest round-trip form (`1.5`, `2.0`, `1e-07`).
///   NaN and the infinities have no JSON form and are written as `null`.
/// - `true`, `false` and `null` are written as such.
public enum CanonicalJSON {
  /// Encodes `value` as a string.
  public static func encode(_ value: JSONValue) -> String {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the encoding of `value` to `output`.
  public static func append(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null:
      output.append(contentsOf: "null".utf8)
    case .bool(let flag):
      output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let number):
      appendInteger(number, to: &output)
    case .double(let number):
      output.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
    case .string(let text):
      appendString(text.utf8, to: &output)
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        append(item, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      appendObject(members, to: &output)
    }
  }

  private static func appendObject(_ members: [String: JSONValue], to output: inout [UInt8]) {
    let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    output.append(UInt8(ascii: "{"))
    for (index, key) in keys.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      appendString(key.utf8, to: &output)
      output.append(UInt8(ascii: ":"))
      append(members[key]!, to: &output)
    }
    output.append(UInt8(ascii: "}"))
  }

  /// Appends a decimal integer.
  static func appendInteger(_ number: Int64, to output: inout [UInt8]) {
    // Up to 15 characters fit in Swift's inline small-string storage, so typical values
    // allocate nothing.
    output.append(contentsOf: String(number).utf8)
  }

  /// Appends `bytes` (UTF-8) as a quoted, escaped JSON string.
  static func appendString<Bytes: Collection>(_ bytes: Bytes, to output: inout [UInt8])
  where Bytes.Element == UInt8 {
    let appended: Void? = bytes.withContiguousStorageIfAvailable {
      appendString(buffer: $0, to: &output)
    }
    if appended == nil {
      Array(bytes).withUnsafeBufferPointer { appendString(buffer: $0, to: &output) }
    }
  }

  /// Copies runs that need no escaping in one call each; audit fields rarely need any.
  private static func appendString(buffer: UnsafeBufferPointer<UInt8>,
                                   to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var runStart = 0
    for index in 0..<buffer.count {
      let byte = buffer[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
      appendEscape(byte, to: &output)
      runStart = index + 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...]))
    output.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
    let backslash = UInt8(ascii: "\\")
    switch byte {
    case 0x08: output.append(contentsOf: [backslash, UInt8(ascii: "b")])
    case 0x09: output.append(contentsOf: [backslash, UInt8(ascii: "t")])
    case 0x0a: output.append(contentsOf: [backslash, UInt8(ascii: "n")])
    case 0x0c: output.append(contentsOf: [backslash, UInt8(ascii: "f")])
    case 0x0d: output.append(contentsOf: [backslash, UInt8(ascii: "r")])
    case 0x00..<0x20:
      let hex = Array("0123456789abcdef".utf8)
      output.append(contentsOf: [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"),
                                 UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]])
    default:
      // `"` and `\` are escaped by a backslash before them.
      output.append(contentsOf: [backslash, byte])
    }
  }
}
