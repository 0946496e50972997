/// Parses JSON text into a `YAMLNode` tree: strings become quoted scalars, numbers, booleans
/// and null become plain scalars, so the node reads back as the YAML it was written from.
///
/// It exists for the same reason as `JSONText`: loading a large snapshot through
/// JSONSerialization costs more than the rest of the load together.
public struct JSONNodeReader {
  private let bytes: [UInt8]
  private var index = 0
  private let mark: YAMLNode.Mark

  /// Parses `text`; every node gets `mark`, since JSON carries no positions.
  public static func parse(_ text: String, mark: YAMLNode.Mark) throws -> YAMLNode {
    var reader = JSONNodeReader(bytes: Array(text.utf8), mark: mark)
    let node = try reader.value()
    reader.skipSpace()
    guard reader.index == reader.bytes.count else { throw reader.failure("trailing text") }
    return node
  }

  private init(bytes: [UInt8], mark: YAMLNode.Mark) {
    self.bytes = bytes
    self.mark = mark
  }

  private func failure(_ what: String) -> InputError {
    InputError("invalid JSON at byte \(index): \(what)")
  }

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x0a, 0x0d, 0x09].contains(bytes[index]) { index += 1 }
  }

  private mutating func value() throws -> YAMLNode {
    skipSpace()
    guard index < bytes.count else { throw failure("unexpected end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .scalar(try string(), quoted: true, mark: mark)
    default: return .scalar(try literal(), quoted: false, mark: mark)
    }
  }

  private mutating func object() throws -> YAMLNode {
    index += 1
    var pairs: [(key: String, value: YAMLNode)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .mapping(pairs, mark: mark)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a key")
      }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("expected `:`")
      }
      index += 1
      pairs.append((key: key, value: try value()))
      skipSpace()
      guard index < bytes.count else { throw failure("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
      index += 1
      return .mapping(pairs, mark: mark)
    }
  }

  private mutating func array() throws -> YAMLNode {
    index += 1
    var items: [YAMLNode] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .sequence(items, mark: mark)
    }
    while true {
      items.append(try value())
      skipSpace()
      guard index < bytes.count else { throw failure("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected `,` or `]`") }
      index += 1
      return .sequence(items, mark: mark)
    }
  }

  private mutating func literal() throws -> String {
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
        || byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
      {
        break
      }
      index += 1
    }
    guard index > start else { throw failure("expected a value") }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func string() throws -> String {
    index += 1
    var output: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") { return String(decoding: output, as: UTF8.self) }
      guard byte == UInt8(ascii: "\\") else {
        output.append(byte)
        continue
      }
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "n"): output.append(0x0a)
      case UInt8(ascii: "r"): output.append(0x0d)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0c)
      case UInt8(ascii: "u"): try unicodeEscape(into: &output)
      default: output.append(escape)
      }
    }
    throw failure("unterminated string")
  }

  /// Decodes `\uXXXX`, joining a surrogate pair when one follows.
  private mutating func unicodeEscape(into output: inout [UInt8]) throws {
    var value = try hexQuad()
    if (0xd800..<0xdc00).contains(value), index + 1 < bytes.count,
       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try hexQuad()
      value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00)
    }
    let scalar = Unicode.Scalar(value) ?? "\u{fffd}"
    output.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private mutating func hexQuad() throws -> UInt32 {
    guard index + 4 <= bytes.count,
          let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self),
                             radix: 16)
    else { throw failure("invalid \\u escape") }
    index += 4
    return value
  }
}
