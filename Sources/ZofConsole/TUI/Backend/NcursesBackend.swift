import CNcurses
import Foundation
import Glibc

/// Paints cell buffers on the terminal with ncursesw and reads keys.
///
/// Only cells that changed since the previous frame are written. Every curses call is made
/// on the main thread. `shutdown()` (also run at exit and on termination signals through
/// `TerminalSignals`) gives the terminal back.
@MainActor
final class NcursesBackend: TerminalBackend {
  /// Milliseconds `readKey` waits, so the loop can tick without spinning.
  static let keyTimeout: Int32 = 100

  let colorMode: ColorMode
  private var colorPairs: ColorPairs
  private var previous: CellBuffer?
  private var previousTheme: Theme?
  private var styles: [StyleKey: (attr_t, Int16)] = [:]
  /// Scalars of one cell passed to `setcchar`, with room for the terminating zero.
  private static let maxScalars = 4
  private let characters = UnsafeMutablePointer<wchar_t>.allocate(capacity: maxScalars + 1)

  /// Takes over the terminal. Throws when curses cannot start (no terminal, unknown TERM).
  init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    setlocale(LC_ALL, "")
    TerminalSignals.install()
    // newterm reports failure instead of exiting like initscr.
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw OperationErrorText.notATerminal
    }
    guard newterm(nil, zof_stdout_file(), zof_stdin_file()) != nil else {
      throw OperationErrorText.cursesFailed(term: environment["TERM"] ?? "")
    }
    cursesActive.store(true, ordering: .relaxed)
    cbreak()
    noecho()
    nonl()
    keypad(zof_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    wtimeout(zof_stdscr(), Self.keyTimeout)
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    var hasDefaultColors = false
    if noColor || !has_colors() {
      colorMode = .monochrome
    } else {
      start_color()
      hasDefaultColors = use_default_colors() == OK
      colorMode = zof_colors() >= 256 ? .extended : .basic(colors: Int(min(16, zof_colors())))
    }
    colorPairs = ColorPairs(mode: colorMode, hasDefaultColors: hasDefaultColors)
  }

  var size: (width: Int, height: Int) {
    (Int(getmaxx(zof_stdscr())), Int(getmaxy(zof_stdscr())))
  }

  var shouldStop: Bool {
    receivedTerminationSignal.load(ordering: .relaxed) != 0
  }

  func takeInterrupt() -> Bool {
    receivedInterrupts.exchange(0, ordering: .relaxed) > 0
  }

  func shutdown() {
    TerminalSignals.restore()
  }

  // MARK: - Painting

  func present(_ buffer: CellBuffer, theme: Theme) {
    let fullRepaint = previous?.width != buffer.width || previous?.height != buffer.height
      || previousTheme != theme
    if fullRepaint {
      // The old screen's contents are unknown after a resize or theme change.
      werase(zof_stdscr())
      clearok(zof_stdscr(), true)
      styles.removeAll(keepingCapacity: true)
    }
    let unchanged = fullRepaint ? nil : previous?.cells
    var lastKey: StyleKey?
    var lastStyle: (attr_t, Int16) = (0, 0)
    for (index, cell) in buffer.cells.enumerated() {
      if cell.isContinuation { continue }
      if let unchanged, unchanged[index] == cell { continue }
      // Neighbouring cells mostly share a style, so the table is consulted only on a change.
      let key = StyleKey(role: cell.role, attributes: cell.attributes)
      if key != lastKey {
        lastStyle = style(for: key, theme: theme)
        lastKey = key
      }
      paint(cell, x: index % buffer.width, y: index / buffer.width,
            attributes: lastStyle.0, pair: lastStyle.1)
    }
    wnoutrefresh(zof_stdscr())
    doupdate()
    previous = buffer
    previousTheme = theme
  }

  private struct StyleKey: Hashable {
    var role: ThemeRole
    var attributes: CellAttributes
  }

  /// Returns the curses attributes and colour pair of a style, kept until the theme changes.
  private func style(for key: StyleKey, theme: Theme) -> (attr_t, Int16) {
    if let known = styles[key] { return known }
    let resolved = colorPairs.resolve(theme.style(for: key.role), extra: key.attributes)
    styles[key] = resolved
    return resolved
  }

  private func paint(_ cell: Cell, x: Int, y: Int, attributes: attr_t, pair: Int16) {
    // A cchar_t contains at most CCHARW_MAX (5 in ncurses 6.4) wide characters, one
    // spacing character and its combining marks, so longer clusters are cut. The
    // characters go through one reused buffer instead of an array per cell.
    var count = 0
    for scalar in cell.text.unicodeScalars.prefix(Self.maxScalars) {
      characters[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      characters[0] = 32
      count = 1
    }
    characters[count] = 0
    var cchar = cchar_t()
    setcchar(&cchar, characters, attributes, pair, nil)
    // Writing the bottom-right cell returns ERR because the cursor cannot advance, but
    // the cell is written, so the result is not checked.
    mvwadd_wch(zof_stdscr(), Int32(y), Int32(x), &cchar)
  }
}

/// A reason the terminal backend could not start, worded for the user.
enum OperationErrorText: Error, CustomStringConvertible {
  case notATerminal
  case cursesFailed(term: String)

  var description: String {
    switch self {
    case .notATerminal:
      return "the console needs a terminal; standard input and output are not one"
    case .cursesFailed(let term):
      return "cannot start the console for TERM=\"\(term)\"; set TERM to a known terminal"
        + " type such as xterm-256color"
    }
  }
}
