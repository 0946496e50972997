import Foundation
import ZofCore

// Builds a demo workspace whose store holds many audit events and runs, for timing the
// console against it (see bench/console/run.sh).
//
// Usage: ZofConsoleBench [--dir PATH] [--events N] [--runs N] [--sample-data PATH]

struct Options {
  var directory = NSTemporaryDirectory() + "zof-console-bench"
  var events = 1_000_000
  var runs = 10_000
  var sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("sample-data").path

  init(arguments: [String]) throws {
    var index = 1
    func value() throws -> String {
      index += 1
      guard index < arguments.count else {
        throw InputError("\(arguments[index - 1]) needs a value")
      }
      return arguments[index]
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--dir": directory = try value()
      case "--sample-data": sampleData = try value()
      case "--events", "--runs":
        let name = arguments[index]
        let text = try value()
        guard let number = Int(text), number >= 0 else {
          throw InputError("\(name) needs a whole number, got \(text)")
        }
        if name == "--events" { events = number } else { runs = number }
      default: throw InputError("unknown option \(arguments[index])")
      }
      index += 1
    }
  }
}

/// Appends `count` audit events through `AuditLog`, so every one is hashed and chained.
func addAuditEvents(_ count: Int, to log: AuditLog) throws {
  let actors = ["user:default/alice", "user:default/bob", "user:default/carol",
                "fleet:unit/worker-1", "remediator:fix-rounding"]
  let actions = ["run.start", "run.finish", "approval.create", "remediation.approve",
                 "catalog.import"]
  var written = 0
  while written < count {
    let batch = min(10_000, count - written)
    let entries = (written..<(written + batch)).map { index in
      AuditEntry(actor: actors[index % actors.count], action: actions[index % actions.count],
                 subject: "run:\(index / 7)", decision: index % 11 == 0 ? .denied : .allowed,
                 details: ["index": .integer(Int64(index))])
    }
    try log.append(contentsOf: entries)
    written += batch
  }
}

/// Records `count` finished runs of five checks each through `RunStore`.
func addRuns(_ count: Int, to store: Store) throws {
  let checks = ["partial-refund-journey", "serde-unit", "ledger-balance", "checkout-journey",
                "notifications-delivery"]
  try store.database.transaction {
    for index in 0..<count {
      let records = checks.enumerated().map { offset, name in
        RunCheckRecord(checkRef: "check:default/\(name)", fleet: "unit", ordinal: offset)
      }
      _ = try store.runs.createRun(
        NewRun(trigger: "change HEAD~\(index % 9 + 1)...HEAD", actor: "user:default/alice",
               environment: "ci", plan: "{}"),
        checks: records)
    }
    try store.database.run("""
      UPDATE runs SET status = CASE WHEN id % 4 = 0 THEN 'failed' ELSE 'passed' END,
        finished_at = created_at
      """)
    try store.database.run("""
      UPDATE run_checks SET status = CASE WHEN run_id % 4 = 0 AND ordinal = 0 THEN 'failed'
        WHEN run_id % 5 = 0 AND ordinal = 1 THEN 'flaky' ELSE 'passed' END
      """)
  }
}

do {
  let options = try Options(arguments: CommandLine.arguments)
  let root = options.directory + "/workspace"
  try? FileManager.default.removeItem(atPath: options.directory)
  try DemoBuilder(sampleData: options.sampleData).build(into: root)
  let workspace = try Workspace.discover(explicit: root, environment: [:],
                                         currentDirectory: root)
  let session = try WorkspaceSession(workspace: workspace)
  let started = Date()
  try addAuditEvents(options.events, to: session.audit)
  let auditSeconds = Date().timeIntervalSince(started)
  try addRuns(options.runs, to: session.store)
  let runSeconds = Date().timeIntervalSince(started) - auditSeconds
  print(String(format: "workspace %@: %d audit events in %.1fs, %d runs in %.1fs", root,
               options.events, auditSeconds, options.runs, runSeconds))
} catch {
  FileHandle.standardError.write(Data("ZofConsoleBench: \(error)\n".utf8))
  exit(2)
}
