import Foundation
import ZofCore

/// `zof runs`: recorded runs, newest first.
enum RunsCommand {
  static let spec = CommandSpec(
    name: "runs", summary: "list recorded runs, newest first",
    usage: "[--limit N] [--json]",
    options: [
      .value("--limit", "N", "how many runs to list", default: "20"),
      .flag("--json", "print as JSON"),
    ]
  ) { invocation in
    let limitText = invocation.arguments.value("--limit") ?? "20"
    guard let limit = Int(limitText), limit > 0 else {
      throw UsageError("invalid --limit `\(limitText)`", hint: "give a positive whole number",
                       command: "runs")
    }
    let store = try invocation.store()
    let runs = try store.runs.listRuns(limit: limit)
    let rows = try runs.map { run -> [String: Any] in
      let checks = try store.runs.runChecks(run.id)
      let done = checks.filter { ![.queued, .running].contains($0.status) }.count
      let failed = checks.filter { [.failed, .timedOut, .errored].contains($0.status) }.count
      let flaky = checks.filter { $0.status == .flaky }.count
      return [
        "id": run.id, "status": run.status.rawValue, "trigger": run.trigger,
        "actor": run.actor, "createdAt": run.createdAt, "finishedAt": run.finishedAt ?? "",
        "checks": checks.count, "done": done, "failed": failed, "flaky": flaky,
        "environment": run.environment ?? "",
      ]
    }
    if invocation.json {
      try Console.json(rows)
      return ExitStatus.success
    }
    if rows.isEmpty {
      Console.out("no runs yet; start one with `zof run --base HEAD~1`")
      return ExitStatus.success
    }
    Console.out("RUN   STATUS       DONE    FAILED  FLAKY  STARTED                   TRIGGER")
    for row in rows {
      let progress = "\(row["done"]!)/\(row["checks"]!)"
      Console.out(pad("\(row["id"]!)", 6) + pad("\(row["status"]!)", 13) + pad(progress, 8)
                    + pad("\(row["failed"]!)", 8) + pad("\(row["flaky"]!)", 7)
                    + pad("\(row["createdAt"]!)", 26) + "\(row["trigger"]!)")
    }
    return ExitStatus.success
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
  }
}

/// Finds a run's attempts by the check names people type.
enum AttemptLookup {
  static func run(_ text: String, store: Store) throws -> RunRecord {
    guard let id = Int64(text), let run = try store.runs.run(id) else {
      throw InputError("no run `\(text)` in the store", hint: "`zof runs` lists the runs")
    }
    return run
  }

  /// Returns the attempts of `check` in the run, oldest first. The check may be written
  /// short.
  static func attempts(of check: String, in run: RunRecord, store: Store) throws
    -> [AttemptRecord]
  {
    let all = try store.runs.attempts(run: run.id)
    let wanted = EntityRef(parsing: check, defaultKind: "check")?.description ?? check
    let matching = all.filter { $0.checkRef == wanted }
    if matching.isEmpty {
      let names = Set(all.map(\.checkRef)).sorted()
      throw InputError("run \(run.id) has no attempt of `\(check)`",
                       hint: names.isEmpty ? "the run started no check"
                         : "its checks: \(names.joined(separator: ", "))")
    }
    return matching
  }
}
