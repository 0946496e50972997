import Foundation
import Glibc

/// A development aid: `ZOF_TUI_DEMO=1 zof` opens the console on fixed demo data, without
/// a workspace or store. The end-to-end tests start the binary this way.
///
/// `ZOF_TUI_DEMO_READONLY=1` starts it read-only; `ZOF_THEME=NAME` picks a theme.
@MainActor
enum ConsoleDemo {
  /// Runs the demo and exits when ZOF_TUI_DEMO is `1`; returns otherwise.
  static func runIfRequested(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard environment["ZOF_TUI_DEMO"] == "1" else { return }
    exit(run(environment: environment))
  }

  /// Builds the demo shell with its five panes; `live` makes the Runs pane progress.
  static func makeApp(
    live: Bool, readOnly: Bool = false, clock: @escaping () -> Date = Date.init,
    timeZone: TimeZone = .current
  ) -> ConsoleApp {
    let panes: [any Pane] = [
      GraphDemoPane(), RunsDemoPane(live: live), ApprovalsDemoPane(), AuditDemoPane(),
      ReadinessDemoPane(),
    ]
    let status = ShellStatus(
      workspace: "payments-demo", user: "alice", roles: ["approver", "operator"],
      store: .init("ok", role: .ok), audit: .init("verified", role: .ok))
    let app = ConsoleApp(panes: panes, status: status, readOnly: readOnly, clock: clock,
                         timeZone: timeZone)
    app.commandNames = ["approve", "reject", "rerun", "logs"]
    app.commandHandler = { line in
      [.message(.warning, "demo: \"\(line)\" is not wired to a command in the demo")]
    }
    return app
  }

  /// Runs the demo on the terminal; returns the exit status.
  static func run(environment: [String: String]) -> Int32 {
    let resolver = ThemeResolver(environment: environment)
    let resolution = resolver.resolve(environment["ZOF_THEME"])
    let app = makeApp(live: true, readOnly: environment["ZOF_TUI_DEMO_READONLY"] == "1")
    app.themeResolver = resolver
    app.setTheme(resolution.theme)
    for warning in resolution.warnings { app.show(.warning, warning) }
    let backend: NcursesBackend
    do {
      backend = try NcursesBackend(environment: environment)
    } catch {
      FileHandle.standardError.write(Data("zof: \(error)\n".utf8))
      return 2
    }
    app.run(on: backend)
    backend.shutdown()
    let signalNumber = receivedTerminationSignal.load(ordering: .relaxed)
    return signalNumber == 0 ? 0 : 128 + signalNumber
  }
}
