import CNcurses

/// How many colours the backend uses.
enum ColorMode: Equatable, Sendable {
  /// No colours, attributes only: NO_COLOR is set or the terminal has none.
  case monochrome
  /// Colours 0–7 (or 0–15); 256-colour values are mapped to the nearest base colour.
  case basic(colors: Int)
  case extended

  var colorCount: Int {
    switch self {
    case .monochrome: 0
    case .basic(let colors): colors
    case .extended: 256
    }
  }
}

/// Allocates curses colour pairs for the (foreground, background) combinations a theme uses.
@MainActor
struct ColorPairs {
  let mode: ColorMode
  /// Whether -1 means the terminal's default colour (`use_default_colors` succeeded).
  let hasDefaultColors: Bool
  private var pairs: [Pair: Int16] = [:]

  private struct Pair: Hashable {
    var foreground: Int
    var background: Int
  }

  init(mode: ColorMode, hasDefaultColors: Bool) {
    self.mode = mode
    self.hasDefaultColors = hasDefaultColors
  }

  /// Returns the attributes and pair number for `style`, allocating the pair on first use.
  /// Pair 0 is the terminal's default.
  mutating func resolve(_ style: RoleStyle, extra: CellAttributes) -> (attr_t, Int16) {
    let attributes = Self.cursesAttributes(style.attributes.union(extra))
    guard mode != .monochrome else { return (attributes, 0) }
    let pair = Pair(foreground: number(style.foreground, fallback: COLOR_WHITE),
                    background: number(style.background, fallback: COLOR_BLACK))
    return (attributes, pairNumber(pair))
  }

  private func number(_ color: ThemeColor, fallback: Int32) -> Int {
    let value = color.number(forTerminalColors: mode.colorCount)
    return value < 0 && !hasDefaultColors ? Int(fallback) : value
  }

  private mutating func pairNumber(_ pair: Pair) -> Int16 {
    if pair.foreground == -1 && pair.background == -1 { return 0 }
    if let known = pairs[pair] { return known }
    let next = pairs.count + 1
    // NOTE: themes use about 30 pairs; past the terminal's limit the default pair is used.
    guard next < Int(zof_color_pairs()), next <= Int(Int16.max) else { return 0 }
    init_pair(Int16(next), Int16(pair.foreground), Int16(pair.background))
    pairs[pair] = Int16(next)
    return Int16(next)
  }

  static func cursesAttributes(_ attributes: CellAttributes) -> attr_t {
    var result = zof_attr_normal()
    if attributes.contains(.bold) { result |= zof_attr_bold() }
    if attributes.contains(.underline) { result |= zof_attr_underline() }
    if attributes.contains(.reverse) { result |= zof_attr_reverse() }
    if attributes.contains(.dim) { result |= zof_attr_dim() }
    return result
  }
}
