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
    }
    var styles: [StyleKey: (attr_t, Int16)] = [:]
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        let cell = buffer[x, y]
        if cell.isContinuation { continue }
        if !fullRepaint, let previous, previous[x, y] == cell { continue }
        let key = StyleKey(role: cell.role, attributes: cell.attributes)
        let style = styles[key] ?? colorPairs.resolve(theme.style(for: cell.role),
                                                      extra: cell.attributes)
        styles[key] = style
        paint(cell, x: x, y: y, attributes: style.0, pair: style.1)
      }
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

  private func paint(_ cell: Cell, x: Int, y: Int, attributes: attr_t, pair: Int16) {
    // A cchar_t contains at most CCHARW_MAX (5 in ncurses 6.4) wide characters, one
    // spacing character and its combining marks, so longer clusters are cut.
    var characters = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
    if characters.isEmpty { characters = [wchar_t(32)] }
    characters.append(0)
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
