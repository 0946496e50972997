import Foundation
import Glibc
import ZofCore

/// `zof console`: the full-screen console on the workspace. `zof` with no command opens it
/// too when standard input and output are a terminal.
enum ConsoleCommand {
  static let spec = CommandSpec(
    name: "console", summary: "open the full-screen console on the workspace",
    usage: "[--readonly] [--theme NAME]",
    discussion: "Panes: 1 Graph, 2 Runs, 3 Approvals, 4 Audit, 5 Readiness. `:` enters a "
      + "command (run, impact, approve, reject, as, audit, verify, theme, refresh, quit), "
      + "`/` filters, `?` lists every key. Runs started elsewhere show up live.",
    options: [
      .flag("--readonly", "open read-only: actions that change state are hidden and refused"),
      .value("--theme", "NAME", "the colour theme",
             default: "`theme` in zof.yaml, else the default theme"),
    ]
  ) { invocation in
    // Commands run on the main thread (from main.swift), where every curses call belongs.
    try MainActor.assumeIsolated { try run(invocation) }
  }

  /// Opens the console; `welcome` is shown in the footer first, when given.
  @MainActor
  static func run(_ invocation: Invocation, welcome: String? = nil) throws -> Int32 {
    let session = try invocation.session()
    let workspace = session.workspace
    let readOnly = invocation.arguments.flag("--readonly") || workspace.config.readonly
    let resolver = ThemeResolver(environment: invocation.environment)
    let resolution = resolver.resolve(invocation.arguments.value("--theme")
                                        ?? workspace.config.theme)
    let built = try ConsoleBuilder().build(session: session, readOnly: readOnly,
                                       theme: resolution.theme, themeResolver: resolver)
    if let welcome { built.app.show(.info, welcome) }
    for warning in resolution.warnings { built.app.show(.warning, warning) }
    for notice in session.notices { built.app.show(.warning, notice) }
    let backend = try NcursesBackend(environment: invocation.environment)
    let logger = invocation.logger()
    let timed: any TerminalBackend = logger.level <= .trace
      ? TimingBackend(backend, logger: logger) : backend
    logger.info("console.start", [("user", session.identity.description),
                                  ("readonly", readOnly)])
    built.app.run(on: timed)
    backend.shutdown()
    let signalNumber = receivedTerminationSignal.load(ordering: .relaxed)
    logger.info("console.stop", [("signal", signalNumber),
                                 ("runs_in_progress", built.context.activeRuns.count)])
    if !built.context.activeRuns.isEmpty {
      // NOTE: runs started from the console execute in this process, so quitting stops
      // them; the next session marks them interrupted once their heartbeat goes stale.
      let ids = built.context.activeRuns.sorted().map(String.init).joined(separator: ", ")
      Console.error("zof: warning: run(s) \(ids) stopped because the console quit")
    }
    return signalNumber == 0 ? ExitStatus.success : 128 + signalNumber
  }

  /// Whether bare `zof` should open the console: both standard input and output are a
  /// terminal.
  static var terminalAttached: Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }
}
