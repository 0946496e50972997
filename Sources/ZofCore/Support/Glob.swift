/// A glob over slash-separated repository paths.
///
/// `*` matches any run of characters within one segment, `?` one character, `[abc]` and
/// `[a-z]` one character of a set (`[!a]` negates), and a segment of exactly `**` matches
/// zero or more whole segments. A pattern ending in `/` or `/**` matches everything below
/// that folder.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  public let pattern: String
  private let segments: [String]
  /// The segments as characters, prepared once because matching runs per path and rule.
  private let segmentCharacters: [[Character]]

  public init(_ pattern: String) {
    var text = pattern
    while text.hasPrefix("./") { text.removeFirst(2) }
    if text.hasPrefix("/") { text.removeFirst() }
    if text.hasSuffix("/") { text += "**" }
    self.pattern = pattern
    self.segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    self.segmentCharacters = segments.map(Array.init)
  }

  public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

  public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

  public var description: String { pattern }

  /// Returns whether `path` (relative, slash-separated) matches the whole pattern.
  public func matches(_ path: String) -> Bool {
    matches(parts: Glob.parts(of: path))
  }

  /// Matches a path already split by `parts(of:)`, for matching one path against many globs.
  public func matches(parts: [[Character]]) -> Bool {
    Glob.match(segmentCharacters[...], parts[...])
  }

  /// A path's segments as characters.
  public static func parts(of path: String) -> [[Character]] {
    path.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
  }

  /// Returns whether `pattern` contains glob metacharacters.
  public static func hasWildcards(_ pattern: String) -> Bool {
    pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }

  private static func match(_ pattern: ArraySlice<[Character]>,
                            _ path: ArraySlice<[Character]>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == ["*", "*"] {
      let rest = pattern.dropFirst()
      // Zero or more segments: try every suffix of the path, shortest skip first.
      var index = path.startIndex
      while true {
        if match(rest, path[index...]) { return true }
        if index == path.endIndex { return false }
        index += 1
      }
    }
    guard let segment = path.first, matchSegment(head, segment) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  /// Matches one segment with `*`, `?` and sets, by backtracking on the last `*`.
  static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count, pattern[p] == "*" {
        starP = p
        starT = t
        p += 1
        continue
      }
      if p < pattern.count, let next = matchOne(pattern, p, text[t]) {
        p = next
        t += 1
        continue
      }
      guard starP >= 0 else { return false }
      p = starP + 1
      starT += 1
      t = starT
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// Returns the pattern index after the element at `p` when it matches `char`.
  private static func matchOne(_ pattern: [Character], _ p: Int, _ char: Character) -> Int? {
    let element = pattern[p]
    if element == "?" { return p + 1 }
    guard element == "[" else { return element == char ? p + 1 : nil }
    var index = p + 1
    var negate = false
    if index < pattern.count, pattern[index] == "!" || pattern[index] == "^" {
      negate = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.count, pattern[index] != "]" || first {
      first = false
      let low = pattern[index]
      if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
        if low <= char && char <= pattern[index + 2] { matched = true }
        index += 3
      } else {
        if low == char { matched = true }
        index += 1
      }
    }
    // An unterminated set is taken literally as "[".
    guard index < pattern.count else { return char == "[" ? p + 1 : nil }
    return matched != negate ? index + 1 : nil
  }
}
