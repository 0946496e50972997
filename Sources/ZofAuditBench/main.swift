import Foundation
import ZofCore

// Measures audit appends and verification, and a plain `sqlite3 .import` of the same rows.
//
// Usage: ZofAuditBench [--events N] [--batch N] [--dir PATH] [--sqlite3 PATH] [--no-import]

struct Options {
  var events = 1_000_000
  var batch = 10_000
  var directory = NSTemporaryDirectory() + "zof-audit-bench"
  var sqlite3 = "/usr/bin/sqlite3"
  var plainImport = true

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
      case "--events": events = Int(try value()) ?? events
      case "--batch": batch = Int(try value()) ?? batch
      case "--dir": directory = try value()
      case "--sqlite3": sqlite3 = try value()
      case "--no-import": plainImport = false
      default: throw InputError("unknown option \(arguments[index])")
      }
      index += 1
    }
  }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A representative event: a handful of actors, actions and subjects, small details.
func entry(_ index: Int) -> AuditEntry {
  let actions = ["run.start", "remediation.propose", "remediation.approve", "view"]
  return AuditEntry(
    actor: "user:default/user\(index % 50)",
    assumedActor: index % 10 == 0 ? "user:default/demo" : nil,
    action: actions[index % actions.count],
    subject: "component:default/service-\(index % 200)",
    decision: index % 7 == 0 ? .denied : .allowed,
    details: ["attempt": .integer(Int64(index % 5)), "environment": "staging",
              "run": .string("run-\(index / 100)")])
}

func csvField(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Writes the stored rows as CSV, the input of the plain import.
func writeCSV(_ database: Database, to path: String) throws {
  FileManager.default.createFile(atPath: path, contents: nil)
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  var chunk = ""
  try database.forEachRow("SELECT * FROM audit_events ORDER BY seq") { row in
    var fields = [String(row.int64(0))]
    for column in 1..<10 { fields.append(csvField(row.text(column))) }
    chunk += fields.joined(separator: ",") + "\n"
    if chunk.utf8.count > 1 << 20 {
      handle.write(Data(chunk.utf8))
      chunk = ""
    }
  }
  handle.write(Data(chunk.utf8))
}

func runPlainImport(options: Options, csv: String) throws -> Double {
  let path = options.directory + "/plain.db"
  try? FileManager.default.removeItem(atPath: path)
  let script = """
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    \(Schema.migrations.map(\.sql).joined(separator: "\n"))
    .import --csv \(csv) audit_events

    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: options.sqlite3)
  process.arguments = [path]
  let input = Pipe()
  process.standardInput = input
  process.standardOutput = FileHandle.nullDevice
  let elapsed = try seconds {
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
  guard process.terminationStatus == 0 else {
    throw OperationError("sqlite3 .import", "exit status \(process.terminationStatus)")
  }
  return elapsed
}

func main() throws {
  let options = try Options(arguments: CommandLine.arguments)
  try FileManager.default.createDirectory(
    atPath: options.directory, withIntermediateDirectories: true)
  let path = options.directory + "/audit.db"
  for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  let database = try Database(path: path)
  try Migrator.migrate(database, Schema.migrations)
  if ProcessInfo.processInfo.environment["NOIDX"] != nil { try database.execute("DROP INDEX audit_events_by_actor; DROP INDEX audit_events_by_action; DROP INDEX audit_events_by_subject; DROP INDEX audit_events_by_assumed_actor") }
  let log = AuditLog(database: database)

  var appendSeconds = 0.0
  var next = 0
  while next < options.events {
    let count = min(options.batch, options.events - next)
    let entries = (next..<(next + count)).map(entry)
    appendSeconds += try seconds { try log.append(contentsOf: entries) }
    next += count
  }
  var verification: AuditVerification?
  let verifySeconds = try seconds { verification = try log.verify() }
  guard let verification, verification.isIntact, verification.count == options.events else {
    throw OperationError("verify", "unexpected result \(String(describing: verification))")
  }

  let events = Double(options.events)
  print("events          \(options.events) in batches of \(options.batch)")
  print(String(format: "append          %.2f s  %.0f events/s", appendSeconds,
               events / appendSeconds))
  print(String(format: "verify          %.2f s  %.0f events/s", verifySeconds,
               events / verifySeconds))
  guard options.plainImport else { return }
  let csv = options.directory + "/rows.csv"
  try writeCSV(database, to: csv)
  let importSeconds = try runPlainImport(options: options, csv: csv)
  print(String(format: "sqlite3 .import %.2f s  %.0f rows/s", importSeconds,
               events / importSeconds))
  print(String(format: "append / import %.2fx", appendSeconds / importSeconds))
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("ZofAuditBench: \(error)\n".utf8))
  exit(2)
}
