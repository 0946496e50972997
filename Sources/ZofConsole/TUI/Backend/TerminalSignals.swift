import CNcurses
import Glibc
import Synchronization

/// The last termination signal received (SIGTERM, SIGHUP), or 0.
///
/// The handler only stores the number, which is async-signal-safe. The main loop reads it
/// within one key timeout and leaves through the normal path, so `endwin` runs on the
/// main thread.
let receivedTerminationSignal = Atomic<Int32>(0)

/// The number of SIGINTs (Ctrl-C at the terminal) not yet handled. The console treats one as
/// a request to quit, which prompts first when quitting would stop work.
let receivedInterrupts = Atomic<Int32>(0)

/// Whether curses owns the terminal, so exit paths know to restore it.
let cursesActive = Atomic<Bool>(false)

/// Installs the signal and exit handlers that restore the terminal.
enum TerminalSignals {
  static let termination: [Int32] = [SIGTERM, SIGHUP]
  static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

  /// Installs the handlers. Call before `initscr`, so curses leaves them in place.
  static func install() {
    for signalNumber in termination {
      signal(signalNumber) { number in
        receivedTerminationSignal.store(number, ordering: .relaxed)
      }
    }
    signal(SIGINT) { _ in
      receivedInterrupts.add(1, ordering: .relaxed)
    }
    for signalNumber in crashes {
      signal(signalNumber) { number in
        // NOTE: endwin is not async-signal-safe; after a crash, restoring the terminal is
        // worth that risk, as the process is going down anyway.
        TerminalSignals.restore()
        let notice = "zof: stopped by a fatal signal; the terminal was restored\n"
        _ = notice.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        signal(number, SIG_DFL)
        raise(number)
      }
    }
    atexit { TerminalSignals.restore() }
  }

  /// Gives the terminal back (leaves the alternate screen, shows the cursor, restores
  /// modes) if curses still has it. Call before printing any fatal message.
  static func restore() {
    guard cursesActive.exchange(false, ordering: .relaxed) else { return }
    curs_set(1)
    endwin()
  }
}
