import Foundation
import ZofCore

/// `zof run`: plans, records and executes a run, printing progress as checks finish.
enum RunCommand {
  static let spec = CommandSpec(
    name: "run", summary: "run the checks a change needs, in parallel, and keep the evidence",
    usage: "(--base REF [--head REF] | --paths PATH... | --check REF... | --all) "
      + "[--budget N] [--env ENV] [--junit FILE] [--json]",
    discussion: "Checks run in the repository's working tree, in fleet worker pools, each in "
      + "its own process group with a clean environment. Exit status: 0 when every check "
      + "passed (flaky passes are listed), 1 when one failed or timed out.",
    options: PlanArguments.options + [
      .value("--junit", "FILE", "also write the run as JUnit XML to FILE"),
      .flag("--json", "print the run as JSON when it ends, instead of progress lines"),
    ]
  ) { invocation in
    let result = try PlanArguments.plan(invocation, command: "run")
    let workspace = try invocation.workspace()
    let session = try invocation.session()
    let launcher = RunLauncher(workspace: workspace, store: session.store,
                               graph: result.loaded.graph, logger: invocation.logger())
    let request = try authorizedRequest(result, session: session)
    let runID = try launcher.record(request)
    let progress = RunProgress(total: result.plan.selected.count, quiet: invocation.json)
    if !invocation.json {
      Console.out("run \(runID): \(result.plan.selected.count) check(s) in "
                    + "\(result.plan.environment)")
      for item in result.plan.unassigned {
        Console.out("  not run: \(item.ref): \(item.reason ?? "")")
      }
    }
    let status = try launcher.execute(runID, request) { progress.handle($0) }
    progress.finish()
    try session.record("run.finish", subject: "run:\(runID)",
                       details: ["status": .string(status.rawValue)])
    let automatic = try AutomaticProposals.start(after: runID, invocation: invocation)
    var summary = try RunSummary.load(runID: runID, store: try invocation.store())
    summary.proposals = automatic
    if let path = invocation.arguments.value("--junit") {
      let file = Workspace.absolute(path, relativeTo: invocation.currentDirectory)
      do {
        try JUnitWriter.xml(runID: runID, checks: summary.junitChecks)
          .write(toFile: file, atomically: true, encoding: .utf8)
      } catch {
        throw OperationError("write \(file)", error.localizedDescription)
      }
    }
    if invocation.json {
      try Console.json(summary.json)
    } else {
      summary.printFooter()
    }
    return status == .passed ? ExitStatus.success : ExitStatus.gateFailed
  }

  /// Builds the launch request for a plan and authorizes `run.start` for it; the console
  /// starts runs through this too.
  static func authorizedRequest(_ result: PlanArguments.Result, session: WorkspaceSession)
    throws -> RunLauncher.Request
  {
    let request = RunLauncher.Request(
      plan: result.plan, trigger: trigger(result), actor: session.identity.description,
      base: result.change?.base, head: result.change?.head,
      snapshotID: result.loaded.snapshot.id, redactPatterns: session.policy.redact,
      allowedEnvironment: session.policy.inheritedEnvironment)
    try session.authorize(.runStart, subject: "run", environment: result.plan.environment,
                          details: ["checks": .integer(Int64(result.plan.selected.count)),
                                    "trigger": .string(request.trigger)])
    return request
  }

  static func trigger(_ result: PlanArguments.Result) -> String {
    if let change = result.change { return "change \(change.description)" }
    return result.plan.selection == "all" ? "all checks" : "named checks"
  }
}

/// Prints a line per finished check and, on a terminal, a live summary line.
final class RunProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let total: Int
  private let quiet: Bool
  private let live: Bool
  private var done = 0
  private var failed = 0
  private var running: Set<String> = []

  init(total: Int, quiet: Bool) {
    self.total = total
    self.quiet = quiet
    live = !quiet && Console.isTerminal
  }

  func handle(_ event: ExecutionEvent) {
    lock.lock()
    defer { lock.unlock() }
    guard !quiet else { return }
    switch event {
    case .attemptStarted(let check, _, _, _):
      running.insert(check)
    case .attemptFinished:
      break
    case .checkFinished(let check, let status, let attempts):
      running.remove(check)
      done += 1
      if [.failed, .timedOut, .errored, .interrupted].contains(status) { failed += 1 }
      clearLive()
      let label = status.rawValue.uppercased().padding(toLength: 10, withPad: " ",
                                                         startingAt: 0)
      Console.out("  \(label)\(short(check))  (\(attempts) attempt\(attempts == 1 ? "" : "s"))")
    }
    drawLive()
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    clearLive()
  }

  private func drawLive() {
    guard live else { return }
    let line = "  [\(done)/\(total) done, \(failed) failed, \(running.count) running]"
    FileHandle.standardOutput.write(Data(line.utf8))
  }

  private func clearLive() {
    guard live else { return }
    FileHandle.standardOutput.write(Data("\r\u{1b}[K".utf8))
  }

  private func short(_ ref: String) -> String {
    EntityRef(parsing: ref).map(\.short) ?? ref
  }
}
