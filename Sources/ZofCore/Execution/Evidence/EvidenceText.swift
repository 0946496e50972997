/// Turns stored output bytes into text that is safe to show in a terminal or a report.
public enum EvidenceText {
  /// Decodes `bytes` as UTF-8, invalid sequences becoming U+FFFD, and escapes every
  /// control character except newline and tab: C0 and DEL as `\xNN`, C1 as `\u{NN}`.
  public static func displayText<Bytes: Collection>(_ bytes: Bytes) -> String
  where Bytes.Element == UInt8 {
    let decoded = String(decoding: bytes, as: UTF8.self)
    var result = String.UnicodeScalarView()
    for scalar in decoded.unicodeScalars {
      let value = scalar.value
      if value == 10 || value == 9 {
        result.append(scalar)
      } else if value < 0x20 || value == 0x7f {
        result.append(contentsOf: hex(value, width: 2, prefix: "\\x").unicodeScalars)
      } else if value >= 0x80 && value < 0xa0 {
        result.append(contentsOf: "\\u{\(hex(value, width: 2, prefix: ""))}".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// The line that stands for elided output, starting on a line of its own.
  public static func elisionMarker(bytes: Int, after head: [UInt8]) -> [UInt8] {
    let lead = head.isEmpty || head.last == 10 ? "" : "\n"
    return Array("\(lead)[zof: \(bytes) bytes of output elided]\n".utf8)
  }

  private static func hex(_ value: UInt32, width: Int, prefix: String) -> String {
    let digits = String(value, radix: 16)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
