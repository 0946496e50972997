/// Writes text as words a POSIX shell reads back unchanged.
public enum ShellText {
  /// Returns `text` in single quotes, each quote inside written as `'\''`.
  public static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Returns `text` as it is when a shell would read it as one plain word, and quoted
  /// otherwise, so commands shown to people stay readable and can be pasted.
  public static func word(_ text: String) -> String {
    let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        || "-_./:=@%+,".unicodeScalars.contains(scalar)
    }
    return plain ? text : quote(text)
  }
}
