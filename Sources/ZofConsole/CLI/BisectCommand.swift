import Foundation
import ZofCore

/// `zof bisect`: finds the first commit that breaks a check.
enum BisectCommand {
  static let spec = CommandSpec(
    name: "bisect", summary: "find the first commit that breaks a check (git bisect run)",
    usage: "--check REF --good REF --bad REF [--run RUN] [--json]",
    discussion: "Runs in a scratch worktree under the store folder, never in your working "
      + "tree. The result is recorded on --run, else on the newest run in which the check "
      + "failed, else on a new run made for the bisect.",
    options: [
      .value("--check", "REF", "the check to bisect"),
      .value("--good", "REF", "a revision where the check passes"),
      .value("--bad", "REF", "a revision where the check fails", default: "HEAD"),
      .value("--run", "RUN", "the run to record the result on"),
      .flag("--json", "print the result as JSON"),
    ]
  ) { invocation in
    let arguments = invocation.arguments
    guard let checkText = arguments.value("--check"), let good = arguments.value("--good") else {
      throw UsageError("`zof bisect` needs --check REF and --good REF", command: "bisect")
    }
    let (result, runID) = try bisectAndRecord(
      session: try invocation.session(), check: checkText, good: good,
      bad: arguments.value("--bad") ?? "HEAD", run: arguments.value("--run"))
    if invocation.json {
      try Console.json(encodable: result)
      return ExitStatus.success
    }
    Console.out("first bad commit: \(result.firstBad)")
    Console.out("  \(result.subject)")
    Console.out("  author: \(result.author) <\(result.authorEmail)>")
    Console.out("  \(result.steps) commit(s) tested; recorded on run \(runID)")
    return ExitStatus.success
  }

  /// Bisects `check` and records the result on a run; the one path `zof bisect` and the
  /// console's `:bisect` share.
  static func bisectAndRecord(session: WorkspaceSession, check: String, good: String,
                              bad: String, run: String?) throws
    -> (Bisector.Result, runID: Int64)
  {
    let graph = try session.graph
    let short = try Planner(graph: graph).namedCandidates([check], history: [:])[0].ref
    let checkRef = graph.find(short).map { graph[$0].ref.description } ?? short
    let result = try Bisector(workspace: session.workspace, executable: selfPath())
      .bisect(check: checkRef, good: good, bad: bad)
    let runID = try recordingRun(run, check: checkRef, store: session.store,
                                 actor: session.identity.effective.id)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(result), as: UTF8.self)
    try session.store.runs.setBisectResult(runID, json: json)
    try session.record("bisect", subject: "run:\(runID)",
                       details: ["check": .string(checkRef), "firstBad": .string(result.firstBad)])
    session.logger.info("bisect", [("run", runID), ("check", checkRef),
                                   ("first_bad", result.firstBad)])
    return (result, runID)
  }

  static func recordingRun(_ text: String?, check: String, store: Store, actor: String) throws
    -> Int64
  {
    if let text {
      return try AttemptLookup.run(text, store: store).id
    }
    let failing = try store.database.scalar("""
      SELECT run_id FROM run_checks WHERE check_ref = ? AND status IN ('failed', 'timed-out')
      ORDER BY run_id DESC LIMIT 1
      """, [check])
    if let failing { return failing }
    let id = try store.runs.createRun(NewRun(trigger: "bisect \(check)", actor: actor),
                                      checks: [], status: .passed)
    return id
  }

  static func selfPath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }
}

/// `zof check-exec REF --root DIR`: runs one check once in DIR, for `git bisect run`.
enum CheckExecCommand {
  static let spec = CommandSpec(
    name: "check-exec", summary: "run one check once in a folder (used by bisect)",
    usage: "REF --root DIR",
    discussion: "Exit status follows git bisect: 0 passed, 1 failed, 125 could not run.",
    options: [.value("--root", "DIR", "the repository folder to run in")],
    positionals: ["REF"], positionalRange: 1...1, hidden: true
  ) { invocation in
    guard let root = invocation.arguments.value("--root") else {
      throw UsageError("`zof check-exec` needs --root DIR", command: "check-exec")
    }
    let graph = try invocation.graph().graph
    guard let id = graph.find(invocation.arguments.positionals[0]) else { return 125 }
    let spec = try CheckSpec(entity: graph[id])
    let options = ExecutionOptions(repositoryRoot: root)
    let environment = CheckEnvironment.make(spec: spec, runID: 0, attempt: 1, options: options)
    let command = ProcessCommand(
      executable: spec.argv[0], arguments: Array(spec.argv.dropFirst()),
      workingDirectory: Workspace.absolute(spec.workdir, relativeTo: root),
      environment: environment)
    let runner = ProcessRunner(command: command, timeout: spec.timeout)
    do {
      let result = try runner.run { stream, bytes in
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(bytes))
      }
      return result.succeeded ? 0 : 1
    } catch {
      Console.error("zof check-exec: \(error)")
      return 125
    }
  }
}
