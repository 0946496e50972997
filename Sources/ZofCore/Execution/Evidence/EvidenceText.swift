/// Turns stored output bytes into text that is safe to show in a terminal or a report.
public enum EvidenceText {
  /// Decodes `bytes` as UTF-8, invalid sequences becoming U+FFFD, and shows every control
  /// character except newline and tab escaped (see `TerminalText.Mode.escape`). Tabs stay
  /// tabs, since the text may be written to a file.
  public static func displayText<Bytes: Collection>(_ bytes: Bytes) -> String
  where Bytes.Element == UInt8 {
    TerminalText.sanitize(bytes, mode: .escape, expandsTabs: false)
  }

  /// The line that stands for elided output, starting on a line of its own.
  public static func elisionMarker(bytes: Int, after head: [UInt8]) -> [UInt8] {
    let lead = head.isEmpty || head.last == 10 ? "" : "\n"
    return Array("\(lead)[zof: \(bytes) bytes of output elided]\n".utf8)
  }
}
