/// A backend without a terminal: it plays a script of keys and keeps frames as text.
///
/// Tests use it to drive `ConsoleApp.run`, and `lines(of:)` renders any buffer as text.
@MainActor
final class TextBackend: TerminalBackend {
  var size: (width: Int, height: Int)
  /// Keys still to deliver; an entry of nil is a timeout with no key.
  private var script: [Key?]
  private(set) var frames: [[String]] = []

  init(width: Int, height: Int, keys: [Key?] = []) {
    self.size = (width, height)
    self.script = keys
  }

  var shouldStop: Bool { script.isEmpty }

  var lastFrame: [String] { frames.last ?? [] }

  func readKey() -> Key? {
    script.isEmpty ? nil : script.removeFirst()
  }

  func present(_ buffer: CellBuffer, theme: Theme) {
    frames.append(Self.lines(of: buffer))
  }

  /// Renders the buffer as one string per row. A wide character prints once and its
  /// continuation cell prints nothing, so each line is as many columns as the buffer.
  nonisolated static func lines(of buffer: CellBuffer) -> [String] {
    (0..<buffer.height).map { y in
      var line = ""
      for x in 0..<buffer.width {
        line += buffer[x, y].text
      }
      return line
    }
  }

  /// Like `lines(of:)`, with trailing spaces removed, as screens are stored.
  nonisolated static func trimmedLines(of buffer: CellBuffer) -> [String] {
    lines(of: buffer).map { line in
      var trimmed = Substring(line)
      while trimmed.last == " " { trimmed.removeLast() }
      return String(trimmed)
    }
  }
}
