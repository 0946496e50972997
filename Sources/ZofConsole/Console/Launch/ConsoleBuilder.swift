import Foundation
import ZofCore

/// Assembles the real console: the five panes over one context, the `:` commands and the
/// tick hook that polls the store and updates the header.
@MainActor
struct ConsoleBuilder {
  var clock: () -> Date = Date.init
  var timeZone: TimeZone = .current
  /// Whether the first tick starts verifying the audit chain in the background.
  var verifyOnOpen = true

  struct Built {
    var app: ConsoleApp
    var context: ConsoleContext
    var commands: ConsoleCommands
  }

  func build(session: WorkspaceSession, readOnly: Bool, theme: Theme = BuiltinThemes.defaultTheme,
             themeResolver: ThemeResolver = ThemeResolver()) throws -> Built {
    let context = try ConsoleContext(session: session, readOnly: readOnly)
    let graph = GraphPane(context: context)
    let runs = RunsPane(context: context, clock: clock)
    let approvals = ApprovalsPane(context: context)
    let audit = AuditPane(context: context, clock: clock)
    let readiness = ReadinessPane(context: context, provider: EvaluatorReadinessProvider())
    let app = ConsoleApp(
      panes: [graph, runs, approvals, audit, readiness], status: context.shellStatus,
      readOnly: readOnly, theme: theme, themeResolver: themeResolver, clock: clock,
      timeZone: timeZone)
    let commands = ConsoleCommands(context: context, graph: graph, runs: runs,
                                   approvals: approvals, audit: audit, readiness: readiness)
    commands.showPane = { [weak app] index in app?.showPane(at: index) }
    app.commandNames = ConsoleCommands.names
    app.commandHandler = { line in commands.handle(line) }
    app.quitQuestion = {
      // Runs, bisects and remediations started here execute in this process.
      var work = context.activeRuns.sorted().map { "run \($0)" }
      work += context.activeJobs.sorted().map { $0 == "remediate" ? "a remediation" : "a \($0)" }
      guard !work.isEmpty else { return nil }
      return "\(work.joined(separator: ", ")) started here stop when the console quits. "
        + "Quit anyway?"
    }
    var verifyPending = verifyOnOpen
    // The framework calls this every 100 ms (`tickInterval`), between key reads.
    app.tickHandler = { [weak app] in
      if verifyPending {
        verifyPending = false
        context.startVerification()
      }
      let reactions = context.tick()
      app?.status = context.shellStatus
      return reactions
    }
    return Built(app: app, context: context, commands: commands)
  }
}
