/// Splits a `:` command line into words as a POSIX shell splits plain words. Spaces separate
/// words, and single quotes keep everything literally. Double quotes keep spaces and accept a
/// backslash before `"`, `\` or `$`. Outside quotes, a backslash keeps the next character.
/// Nothing is expanded.
enum CommandWords {
  /// Returns the words of `line`. Throws `UsageError` for a quote that is never closed.
  static func split(_ line: String) throws -> [String] {
    var words: [String] = []
    var word = ""
    // A word can be empty but still present, as in `''`.
    var inWord = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case " ", "\t":
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "'":
        inWord = true
        guard let quoted = read(&characters, until: "'", escapes: []) else {
          throw UsageError("a single quote is not closed", hint: "close it with '")
        }
        word += quoted
      case "\"":
        inWord = true
        guard let quoted = read(&characters, until: "\"", escapes: ["\"", "\\", "$"]) else {
          throw UsageError("a double quote is not closed", hint: "close it with \"")
        }
        word += quoted
      case "\\":
        inWord = true
        if let next = characters.next() { word.append(next) }
      default:
        inWord = true
        word.append(character)
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// Reads up to the closing `quote`, where a backslash before one of `escapes` yields that
  /// character. Returns nil when the line ends first.
  private static func read(_ characters: inout String.Iterator, until quote: Character,
                           escapes: Set<Character>) -> String? {
    var text = ""
    while let character = characters.next() {
      if character == quote { return text }
      if character == "\\", !escapes.isEmpty {
        guard let next = characters.next() else { return nil }
        if !escapes.contains(next) { text.append("\\") }
        text.append(next)
        continue
      }
      text.append(character)
    }
    return nil
  }
}
