/// Writes JSON text by hand, for hot paths where JSONSerialization's bridging through
/// `Any` dominates the cost (storing a snapshot of 200,000 entities).
public struct JSONText {
  public private(set) var text = ""

  public init() {}

  public mutating func raw(_ fragment: String) { text += fragment }

  /// Appends `value` as a JSON string with the escapes RFC 8259 requires.
  public mutating func string(_ value: String) {
    text.append("\"")
    var needsEscape = false
    for unit in value.utf8 where unit < 0x20 || unit == 0x22 || unit == 0x5c {
      needsEscape = true
      break
    }
    if !needsEscape {
      text += value
      text.append("\"")
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    text.append("\"")
  }

  /// Whether a plain scalar spells a finite decimal number such as `1.5`.
  static func isDecimal(_ value: String) -> Bool {
    guard value.contains(Character(".")), !value.hasPrefix("."), !value.hasSuffix(".") else {
      return false
    }
    return Double(value)?.isFinite == true
  }

  /// Appends an object of string values with keys in sorted order.
  public mutating func stringMap(_ map: [String: String]) {
    text.append("{")
    for (offset, key) in map.keys.sorted().enumerated() {
      if offset > 0 { text.append(",") }
      string(key)
      text.append(":")
      string(map[key]!)
    }
    text.append("}")
  }

  /// Appends an array of strings.
  public mutating func stringArray(_ values: [String]) {
    text.append("[")
    for (offset, value) in values.enumerated() {
      if offset > 0 { text.append(",") }
      string(value)
    }
    text.append("]")
  }

  /// Appends a YAML node: quoted scalars as strings, plain scalars as the number, boolean or
  /// null they spell (or a string), collections nested, mapping keys in document order.
  public mutating func node(_ node: YAMLNode) {
    switch node {
    case .scalar(let value, let quoted, _):
      if quoted {
        string(value)
      } else if node.isNull {
        text += "null"
      } else if let flag = node.bool, ["true", "false"].contains(value.lowercased()) {
        text += flag ? "true" : "false"
      } else if Int(value) != nil || Self.isDecimal(value) {
        text += value
      } else {
        string(value)
      }
    case .sequence(let items, _):
      text.append("[")
      for (offset, item) in items.enumerated() {
        if offset > 0 { text.append(",") }
        self.node(item)
      }
      text.append("]")
    case .mapping(let pairs, _):
      text.append("{")
      for (offset, pair) in pairs.enumerated() {
        if offset > 0 { text.append(",") }
        string(pair.key)
        text.append(":")
        self.node(pair.value)
      }
      text.append("}")
    }
  }
}
