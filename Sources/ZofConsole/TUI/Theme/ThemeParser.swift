import ZofCore

/// Reads the theme file format described in `themes/README.md`.
///
/// Each line is blank, a `#` comment, or a role followed by `fg=COLOR`, `bg=COLOR` and
/// attribute names in any order. Errors name the file, line, column and the bad value.
enum ThemeParser {
  /// Parses `text`; `file` names the source in errors. Collects every error of the file.
  static func parse(_ text: String, name: String, file: String) throws(InputErrors) -> Theme {
    var styles: [ThemeRole: RoleStyle] = [:]
    var errors: [InputError] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated() {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first ?? ""
      let words = tokens(of: line)
      guard let first = words.first else { continue }
      let lineNumber = offset + 1
      func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineNumber, column: column)
      }
      guard let role = ThemeRole(rawValue: first.text) else {
        errors.append(InputError(
          "unknown role \"\(first.text)\"", at: location(first.column),
          hint: "known roles: \(ThemeRole.names.joined(separator: ", "))"))
        continue
      }
      if styles[role] != nil {
        errors.append(InputError(
          "role \"\(role.rawValue)\" is set twice", at: location(first.column),
          hint: "keep one line per role"))
        continue
      }
      var style = RoleStyle()
      for word in words.dropFirst() {
        if let error = apply(word.text, to: &style, at: location(word.column)) {
          errors.append(error)
        }
      }
      styles[role] = style
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return Theme(name: name, source: file, styles: styles)
  }

  /// Applies one `fg=`, `bg=` or attribute word; returns an error for a bad one.
  private static func apply(
    _ word: String, to style: inout RoleStyle, at location: SourceLocation
  ) -> InputError? {
    if let value = word.stripping(prefix: "fg=") ?? word.stripping(prefix: "bg=") {
      guard let color = ThemeColor(name: value) else {
        return InputError(
          "invalid colour \"\(value)\"", at: location,
          hint: "use default, a name such as red or bright-blue, or a number from 0 to 255")
      }
      if word.hasPrefix("fg=") { style.foreground = color } else { style.background = color }
      return nil
    }
    if let attribute = CellAttributes.named.first(where: { $0.name == word }) {
      style.attributes.insert(attribute.value)
      return nil
    }
    let attributeNames = CellAttributes.named.map(\.name).joined(separator: ", ")
    return InputError(
      "invalid value \"\(word)\"", at: location,
      hint: "expected fg=COLOR, bg=COLOR or an attribute: \(attributeNames)")
  }

  /// Splits a line into words with their 1-based columns.
  private static func tokens(of line: Substring) -> [(text: String, column: Int)] {
    var result: [(String, Int)] = []
    var current = ""
    var start = 0
    for (index, character) in line.enumerated() {
      if character == " " || character == "\t" || character == "\r" {
        if !current.isEmpty { result.append((current, start + 1)) }
        current = ""
      } else {
        if current.isEmpty { start = index }
        current.append(character)
      }
    }
    if !current.isEmpty { result.append((current, start + 1)) }
    return result
  }
}

extension String {
  /// The rest of the string after `prefix`, or nil when it does not start with it.
  fileprivate func stripping(prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }
}
