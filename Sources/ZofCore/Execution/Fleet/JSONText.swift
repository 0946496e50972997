/// Writes the small JSON values the executor stores (string lists and flat objects).
///
/// Written by hand because JSONSerialization with sorted keys took about a seventh of the
/// executor's time per check on Linux.
enum JSONText {
  static func array(_ values: [String]) -> String {
    "[" + values.map(quoted).joined(separator: ",") + "]"
  }

  /// Returns a JSON object with keys in sorted order.
  static func object(_ values: [String: String]) -> String {
    let members = values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(quoted($0.value))" }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// Returns a JSON object with keys in sorted order.
  static func object(_ values: [String: Int]) -> String {
    let members = values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\($0.value)" }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// Returns `text` as a JSON string literal, escaping quotes, backslashes and control
  /// characters.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
