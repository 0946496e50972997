/// Display widths of characters in terminal columns.
///
/// The widths follow Unicode's East Asian Width property (Wide and Fullwidth take two
/// columns) and emoji presentation, which is what glibc's `wcwidth` and tmux implement.
/// A table is used instead of `wcwidth` so that widths do not depend on the process locale
/// and tests see the same numbers as the terminal.
enum CharacterWidth {
  /// Columns `character` occupies: 0 for combining marks and format characters that attach
  /// to the previous cell, 2 for wide characters, 1 otherwise. Control characters return 0
  /// and are also reported by `isControl`.
  static func of(_ character: Character) -> Int {
    // Most cells are ASCII or box drawing, which need no Unicode property lookups.
    if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
    let scalars = character.unicodeScalars
    if scalars.count == 1, let only = scalars.first, (0x2500...0x259F).contains(only.value) {
      return 1
    }
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: { $0.value == 0xFE0F }) && isEmojiBase(first) { return 2 }
    var width = 0
    for scalar in scalars {
      width = max(width, of(scalar))
    }
    return width
  }

  /// Columns a single scalar occupies, as `wcwidth` would report for printable ones.
  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value < 0x20 ? 0 : 1 }
    if value < 0xA0 { return 0 }
    if isZeroWidth(scalar) { return 0 }
    if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Whether the character is a control character that must not reach a cell.
  static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }

  /// Total columns of `text`.
  static func of(_ text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.reduce(0) { $0 + of($1) }
  }

  private static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isEmoji && scalar.value > 0xFF
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
      // U+00AD SOFT HYPHEN is a format character that terminals show.
      return scalar.value != 0xAD
    default:
      // Hangul medial vowels and final consonants combine with the leading consonant.
      return (0x1160...0x11FF).contains(scalar.value)
    }
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15); emoji are found by their
  /// Emoji_Presentation property instead.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
    0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static func isWide(_ value: UInt32) -> Bool {
    guard value >= 0x1100 else { return false }
    for range in wideRanges where range.contains(value) {
      return true
    }
    return false
  }
}
