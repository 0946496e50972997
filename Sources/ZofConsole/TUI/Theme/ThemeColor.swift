/// A terminal colour as written in a theme: the terminal's default, one of the 16 named
/// ANSI colours, or an index into the 256-colour palette.
enum ThemeColor: Equatable, Hashable, Sendable, CustomStringConvertible {
  case terminalDefault
  /// An index from 0 to 255; 0–7 are the ANSI colours, 8–15 their bright variants.
  case indexed(Int)

  static let baseNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// Parses `default`, a base name, `bright-` plus a base name, `grey`/`gray` (bright
  /// black), or a number from 0 to 255.
  init?(name: String) {
    let lowered = name.lowercased()
    if lowered == "default" {
      self = .terminalDefault
    } else if let index = Self.baseNames.firstIndex(of: lowered) {
      self = .indexed(index)
    } else if lowered.hasPrefix("bright-"),
              let index = Self.baseNames.firstIndex(of: String(lowered.dropFirst(7))) {
      self = .indexed(index + 8)
    } else if lowered == "grey" || lowered == "gray" {
      self = .indexed(8)
    } else if let number = Int(lowered), (0...255).contains(number) {
      self = .indexed(number)
    } else {
      return nil
    }
  }

  var description: String {
    switch self {
    case .terminalDefault: return "default"
    case .indexed(let index) where index < 8: return Self.baseNames[index]
    case .indexed(let index) where index < 16: return "bright-" + Self.baseNames[index - 8]
    case .indexed(let index): return String(index)
    }
  }

  /// The colour number for a terminal with `colors` colours; -1 is the terminal's default.
  func number(forTerminalColors colors: Int) -> Int {
    guard case .indexed(let index) = self else { return -1 }
    if index < colors { return index }
    return Self.nearestBase(index)
  }

  /// Maps a 256-colour index onto the eight ANSI colours.
  static func nearestBase(_ index: Int) -> Int {
    if index < 16 { return index % 8 }
    if index >= 232 { return index < 244 ? 0 : 7 }
    // The 6x6x6 cube: each channel 0–5; a channel counts as "on" from 3 upwards.
    let cube = index - 16
    let red = cube / 36 >= 3 ? 1 : 0
    let green = (cube / 6) % 6 >= 3 ? 2 : 0
    let blue = cube % 6 >= 3 ? 4 : 0
    return red | green | blue
  }
}
