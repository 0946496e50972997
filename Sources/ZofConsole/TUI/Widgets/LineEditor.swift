import Foundation

/// A one-line text editor with a cursor and history, for command and filter input.
struct LineEditor: Equatable, Sendable {
  private(set) var characters: [Character] = []
  /// Cursor position as an index into `characters` (0...count).
  private(set) var cursor = 0
  /// Earlier submitted lines, oldest first.
  private(set) var history: [String] = []
  /// Position while browsing history; nil when editing a new line.
  private var historyIndex: Int?
  /// The unsubmitted line saved while browsing history.
  private var draft: [Character] = []

  init(text: String = "", history: [String] = []) {
    self.characters = Array(text)
    self.cursor = characters.count
    self.history = history
  }

  var text: String { String(characters) }

  /// Applies an editing key; returns whether the key was used.
  @discardableResult
  mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      insert(character)
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = characters.count
    case .backspace, .control("h"):
      guard cursor > 0 else { return true }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .control("d"):
      guard cursor < characters.count else { return true }
      characters.remove(at: cursor)
    case .control("u"):
      characters.removeSubrange(0..<cursor)
      cursor = 0
    case .up: showHistory(step: -1)
    case .down: showHistory(step: 1)
    default:
      return false
    }
    return true
  }

  mutating func insert(_ text: String) {
    for character in text { insert(character) }
  }

  mutating func insert(_ character: Character) {
    guard !CharacterWidth.isControl(character) else { return }
    characters.insert(character, at: cursor)
    cursor += 1
  }

  /// Replaces the whole line and moves the cursor to its end.
  mutating func setText(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  /// Records the current line in history (skipping blanks and repeats) and clears it.
  mutating func submit() -> String {
    let line = text
    if !line.trimmingCharacters(in: .whitespaces).isEmpty && history.last != line {
      history.append(line)
    }
    historyIndex = nil
    setText("")
    return line
  }

  private mutating func showHistory(step: Int) {
    guard !history.isEmpty else { return }
    let current = historyIndex ?? history.count
    if historyIndex == nil { draft = characters }
    let next = min(max(0, current + step), history.count)
    historyIndex = next == history.count ? nil : next
    characters = next == history.count ? draft : Array(history[next])
    cursor = characters.count
  }

  // MARK: - Completion

  /// Completes the first word against `candidates`. A unique match is completed with a
  /// trailing space; several matches extend the word to their common prefix. Returns the
  /// matches, so the caller can list them.
  @discardableResult
  mutating func completeFirstWord(from candidates: [String]) -> [String] {
    let line = text
    guard !line.contains(" ") else { return [] }
    let matches = candidates.filter { $0.hasPrefix(line) }.sorted()
    if matches.count == 1 {
      setText(matches[0] + " ")
    } else if let prefix = Self.commonPrefix(matches), prefix.count > line.count {
      setText(prefix)
    }
    return matches
  }

  static func commonPrefix(_ words: [String]) -> String? {
    guard var prefix = words.first else { return nil }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }

  // MARK: - Drawing

  /// Draws `prompt` and the line at `x`, `y` within `width` columns, scrolled so the cursor
  /// is visible. The cursor is a reversed cell because the terminal cursor stays hidden.
  func draw(
    into buffer: inout CellBuffer, x: Int, y: Int, width: Int, prompt: String,
    role: ThemeRole = .prompt
  ) {
    let promptWidth = buffer.text(prompt, x: x, y: y, maxWidth: width, role: role)
    let room = width - promptWidth - 1
    guard room > 0 else { return }
    var start = 0
    while CharacterWidth.of(String(characters[start..<cursor])) > room { start += 1 }
    var column = x + promptWidth
    for index in start..<characters.count {
      let columns = CharacterWidth.of(characters[index])
      if column + columns > x + width { break }
      let attributes: CellAttributes = index == cursor ? .reverse : []
      buffer.put(characters[index], x: column, y: y, role: .text, attributes: attributes)
      column += columns
    }
    if cursor == characters.count && column < x + width {
      buffer.put(" ", x: column, y: y, role: .text, attributes: .reverse)
    }
  }
}
