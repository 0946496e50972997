/// Makes untrusted text (check output, log lines, names from files) safe to show in a terminal.
///
/// Text from checks may carry escape sequences that recolour the screen, move the cursor,
/// set the window title, write to the clipboard (OSC 52) or hide a link target (OSC 8).
/// `sanitize` removes them, or shows them escaped, before the text reaches a screen.
public enum TerminalText {
  /// The treatment of control characters and escape sequences.
  public enum Mode: Sendable {
    /// Drops control characters and whole escape sequences (CSI, OSC, DCS, SOS, PM, APC).
    case strip
    /// Keeps every character but shows each control character as `\xHH` (C0 and DEL) or
    /// `\u{HHHH}` (C1 and bidirectional overrides), so a sequence is visible as text.
    case escape
  }

  /// Columns between tab stops used when tabs are expanded.
  public static let tabWidth = 8

  /// Sanitizes raw bytes, decoding invalid UTF-8 as U+FFFD.
  public static func sanitize(_ bytes: some Sequence<UInt8>, mode: Mode = .strip,
                              expandsTabs: Bool = true) -> String {
    sanitize(String(decoding: Array(bytes), as: UTF8.self), mode: mode,
             expandsTabs: expandsTabs)
  }

  /// Sanitizes text. Line feeds stay, and tabs become spaces up to the next stop, or stay
  /// tabs when `expandsTabs` is false (for output that may go to a file). Carriage returns
  /// and every other control character and escape sequence are removed or escaped.
  public static func sanitize(_ text: String, mode: Mode = .strip, expandsTabs: Bool = true)
    -> String
  {
    var scanner = Scanner(scalars: Array(text.unicodeScalars))
    var output = Output(expandsTabs: expandsTabs)
    while let scalar = scanner.next() {
      if scalar == "\n" || scalar == "\t" {
        output.append(scalar)
      } else if isControl(scalar) || isBidiControl(scalar) {
        switch mode {
        case .strip: scanner.skipSequence(introducedBy: scalar)
        case .escape: output.appendEscaped(scalar)
        }
      } else {
        output.append(scalar)
      }
    }
    return output.text
  }

  /// Whether `scalar` is a C0 control, DEL or a C1 control.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether `scalar` reorders displayed text (embeddings, overrides and isolates), which
  /// lets a line show something other than what it contains.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}

// MARK: - Scanning

extension TerminalText {
  /// A cursor over scalars that skips ECMA-48 control sequences whole.
  struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    mutating func next() -> Unicode.Scalar? {
      guard index < scalars.count else { return nil }
      defer { index += 1 }
      return scalars[index]
    }

    func peek() -> Unicode.Scalar? {
      index < scalars.count ? scalars[index] : nil
    }

    /// Skips the rest of the sequence that `introducer` (already consumed) starts.
    mutating func skipSequence(introducedBy introducer: Unicode.Scalar) {
      switch introducer.value {
      case 0x1B: skipEscape()
      case 0x9B: skipControlSequence()
      case 0x9D: skipString(endsAtBell: true)
      case 0x90, 0x98, 0x9E, 0x9F: skipString(endsAtBell: false)
      default: break
      }
    }

    /// Skips what follows ESC. A bare ESC (at the end, or before a control) goes alone.
    private mutating func skipEscape() {
      guard let scalar = peek() else { return }
      switch scalar {
      case "[":
        index += 1
        skipControlSequence()
      case "]":
        index += 1
        skipString(endsAtBell: true)
      case "P", "X", "^", "_":
        index += 1
        skipString(endsAtBell: false)
      case " "..."/":
        // nF sequences such as `ESC ( B`: intermediates, then one final character.
        while let next = peek(), (0x20...0x2F).contains(next.value) { index += 1 }
        if let final = peek(), (0x30...0x7E).contains(final.value) { index += 1 }
      case "0"..."~":
        index += 1
      default:
        break
      }
    }

    /// Skips CSI parameters and intermediates up to and including the final character.
    private mutating func skipControlSequence() {
      while let scalar = peek() {
        if (0x20...0x3F).contains(scalar.value) {
          index += 1
        } else {
          if (0x40...0x7E).contains(scalar.value) { index += 1 }
          return
        }
      }
    }

    /// Skips a control string (OSC, DCS, SOS, PM, APC) up to its string terminator: ST as
    /// `ESC \` or U+009C, or BEL for OSC, which xterm accepts. An unterminated string
    /// runs to the end of the text.
    private mutating func skipString(endsAtBell: Bool) {
      while let scalar = next() {
        if scalar.value == 0x9C { return }
        if scalar.value == 0x07 && endsAtBell { return }
        if scalar.value == 0x1B {
          if peek() == "\\" { index += 1 }
          return
        }
      }
    }
  }

  /// Collects output and tracks the column so tabs expand to the next stop.
  struct Output {
    let expandsTabs: Bool
    var text = ""
    var column = 0

    mutating func append(_ scalar: Unicode.Scalar) {
      switch scalar {
      case "\n":
        text.unicodeScalars.append(scalar)
        column = 0
      case "\t" where expandsTabs:
        let spaces = TerminalText.tabWidth - column % TerminalText.tabWidth
        text += String(repeating: " ", count: spaces)
        column += spaces
      default:
        text.unicodeScalars.append(scalar)
        // NOTE: this counts one column per scalar, so a tab after wide or combining
        // characters can land off its stop. Only the console measures display widths.
        column += 1
      }
    }

    mutating func appendEscaped(_ scalar: Unicode.Scalar) {
      let hex = String(scalar.value, radix: 16)
      let visible: String
      if scalar.value < 0x80 {
        visible = "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
      } else {
        visible = "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
      }
      for character in visible.unicodeScalars { append(character) }
    }
  }
}
