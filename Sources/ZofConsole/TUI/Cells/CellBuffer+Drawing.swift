/// Drawing helpers built on `put`.
extension CellBuffer {
  static let ellipsis: Character = "…"

  /// Draws `text` from `x`, `y` within `maxWidth` columns (the clip still applies); text that
  /// does not fit ends in an ellipsis. Returns the columns drawn.
  @discardableResult
  mutating func text(
    _ text: String, x: Int, y: Int, maxWidth: Int? = nil,
    role: ThemeRole = .text, attributes: CellAttributes = []
  ) -> Int {
    let limit = maxWidth ?? (clip.maxX - x)
    guard limit > 0 else { return 0 }
    let shown = Self.truncate(text, toWidth: limit)
    var column = x
    for character in shown {
      // The column advances even when the clip drops the character, so clipped text keeps
      // its place.
      put(character, x: column, y: y, role: role, attributes: attributes)
      column += CharacterWidth.of(character)
    }
    return column - x
  }

  /// Fills `rect` with `character` in the given style.
  mutating func fill(
    _ rect: Rect, with character: Character = " ",
    role: ThemeRole = .text, attributes: CellAttributes = []
  ) {
    let step = max(1, CharacterWidth.of(character))
    for y in rect.y..<rect.maxY {
      var x = rect.x
      while x + step <= rect.maxX {
        put(character, x: x, y: y, role: role, attributes: attributes)
        x += step
      }
    }
  }

  /// Draws a horizontal rule of `width` columns.
  mutating func horizontalRule(x: Int, y: Int, width: Int, role: ThemeRole = .border) {
    fill(Rect(x: x, y: y, width: width, height: 1), with: "─", role: role)
  }

  /// Draws a single-line border around `rect`, with an optional title on the top edge.
  mutating func box(_ rect: Rect, title: String? = nil, role: ThemeRole = .border) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    horizontalRule(x: rect.x + 1, y: rect.y, width: rect.width - 2, role: role)
    horizontalRule(x: rect.x + 1, y: bottom, width: rect.width - 2, role: role)
    for y in (rect.y + 1)..<bottom {
      put("│", x: rect.x, y: y, role: role)
      put("│", x: right, y: y, role: role)
    }
    put("┌", x: rect.x, y: rect.y, role: role)
    put("┐", x: right, y: rect.y, role: role)
    put("└", x: rect.x, y: bottom, role: role)
    put("┘", x: right, y: bottom, role: role)
    if let title, rect.width > 4 {
      text(" \(title) ", x: rect.x + 1, y: rect.y, maxWidth: rect.width - 2, role: role,
           attributes: .bold)
    }
  }

  // MARK: - Measuring

  /// Cuts `text` to at most `width` columns, ending in an ellipsis when anything was cut.
  /// A wide character that would straddle the limit is left out whole.
  static func truncate(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if CharacterWidth.of(text) <= width { return text }
    var result = ""
    var used = 0
    for character in text {
      let columns = CharacterWidth.of(character)
      if used + columns > width - 1 { break }
      result.append(character)
      used += columns
    }
    result.append(ellipsis)
    return result
  }

  /// Pads or truncates `text` to exactly `width` columns.
  static func fit(_ text: String, width: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, toWidth: width)
    let padding = String(repeating: " ", count: max(0, width - CharacterWidth.of(cut)))
    return alignRight ? padding + cut : cut + padding
  }
}
