import Foundation
import ZofCore

// Measures audit appends and verification against a plain `sqlite3 .import` of the same
// rows into the same schema, which stores them without computing any hash.
//
// Usage: ZofAuditBench [--events N] [--batch N] [--dir PATH] [--sqlite3 PATH]
//                      [--drop-indexes] [--no-import]

struct Options {
  var events = 1_000_000
  var batch = 10_000
  var directory = NSTemporaryDirectory() + "zof-audit-bench"
  var sqlite3 = "/usr/bin/sqlite3"
  var dropIndexes = false
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
    func count() throws -> Int {
      let text = try value()
      guard let number = Int(text), number > 0 else {
        throw InputError("\(arguments[index - 1]) needs a positive number, got \(text)")
      }
      return number
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--events": events = try count()
      case "--batch": batch = try count()
      case "--dir": directory = try value()
      case "--sqlite3": sqlite3 = try value()
      case "--drop-indexes": dropIndexes = true
      case "--no-import": plainImport = false
      default: throw InputError("unknown option \(arguments[index])")
      }
      index += 1
    }
  }
}

/// Wall-clock and CPU seconds of one phase.
struct Measurement {
  var wall = 0.0
  var cpu = 0.0

  static func += (lhs: inout Measurement, rhs: Measurement) {
    lhs.wall += rhs.wall
    lhs.cpu += rhs.cpu
  }

  func line(_ label: String, events: Int, unit: String) -> String {
    let padded = label.padding(toLength: 16, withPad: " ", startingAt: 0)
    return String(format: "%@%6.2f s wall %6.2f s cpu  %8.0f %@/s", padded, wall, cpu,
                  Double(events) / wall, unit)
  }
}

func processCPUSeconds(_ who: __rusage_who = RUSAGE_SELF) -> Double {
  var usage = rusage()
  getrusage(who.rawValue, &usage)
  let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
  let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  return user + system
}

func measure(cpuOf who: __rusage_who = RUSAGE_SELF,
             _ body: () throws -> Void) rethrows -> Measurement {
  let wallStart = DispatchTime.now().uptimeNanoseconds
  let cpuStart = processCPUSeconds(who)
  try body()
  return Measurement(
    wall: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9,
    cpu: processCPUSeconds(who) - cpuStart)
}

/// Builds a representative event: 50 users, four actions, 200 subjects, small details.
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

let columns =
  "seq, time, actor, assumed_actor, action, subject, decision, details, prev_hash, hash"

let dropIndexesSQL = """
  DROP INDEX audit_events_by_actor;
  DROP INDEX audit_events_by_assumed_actor;
  DROP INDEX audit_events_by_action;
  DROP INDEX audit_events_by_subject;
  """

func csvField(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Writes the stored rows as CSV, the input of the plain import.
func writeCSV(_ database: Database, to path: String) throws {
  guard FileManager.default.createFile(atPath: path, contents: nil) else {
    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
  }
  let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  var chunk = ""
  try database.forEachRow("SELECT \(columns) FROM audit_events ORDER BY seq") { row in
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

/// Imports the CSV with the sqlite3 shell into a new file with the same schema and
/// settings (WAL, synchronous NORMAL).
func runPlainImport(options: Options, csv: String) throws -> Measurement {
  let path = options.directory + "/plain.db"
  for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  let script = """
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    \(Schema.migrations.map(\.sql).joined(separator: "\n"))
    \(options.dropIndexes ? dropIndexesSQL : "")
    .import --csv \(csv) audit_events

    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: options.sqlite3)
  process.arguments = [path]
  let input = Pipe()
  process.standardInput = input
  process.standardOutput = FileHandle.nullDevice
  let measurement = try measure(cpuOf: RUSAGE_CHILDREN) {
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
  guard process.terminationStatus == 0 else {
    throw OperationError("sqlite3 .import", "exit status \(process.terminationStatus)")
  }
  return measurement
}

func appendAll(_ log: AuditLog, options: Options) throws -> Measurement {
  var total = Measurement()
  var next = 0
  while next < options.events {
    let count = min(options.batch, options.events - next)
    // Entries are built outside the measured time: callers have them already.
    let entries = (next..<(next + count)).map(entry)
    total += try measure { try log.append(contentsOf: entries) }
    next += count
  }
  return total
}

/// Reads every column of every row without hashing: the floor under verification.
func scanAll(_ database: Database) throws -> Measurement {
  var bytes = 0
  return try measure {
    try database.forEachRow("SELECT \(columns) FROM audit_events ORDER BY seq") { row in
      _ = row.int64(0)
      for column in 1..<10 { bytes += row.unsafeUTF8(column).count }
    }
  }
}

func main() throws {
  let options = try Options(arguments: CommandLine.arguments)
  try FileManager.default.createDirectory(
    atPath: options.directory, withIntermediateDirectories: true)
  let path = options.directory + "/audit.db"
  for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
  let database = try Database(path: path)
  try Migrator.migrate(database, Schema.migrations)
  if options.dropIndexes { try database.execute(dropIndexesSQL) }
  let log = AuditLog(database: database)

  let append = try appendAll(log, options: options)
  var verification: AuditVerification?
  let verify = try measure { verification = try log.verify() }
  guard let verification, verification.isIntact, verification.count == options.events else {
    throw OperationError("verify", "unexpected result \(String(describing: verification))")
  }
  let scan = try scanAll(database)

  let indexes = options.dropIndexes ? "no secondary indexes" : "4 secondary indexes"
  print("events          \(options.events) in batches of \(options.batch), \(indexes)")
  print(append.line("append", events: options.events, unit: "events"))
  print(verify.line("verify", events: options.events, unit: "events"))
  print(scan.line("plain scan", events: options.events, unit: "rows"))
  guard options.plainImport else { return }
  let csv = options.directory + "/rows.csv"
  try writeCSV(database, to: csv)
  let plain = try runPlainImport(options: options, csv: csv)
  print(plain.line("sqlite3 .import", events: options.events, unit: "rows"))
  print(String(format: "append / import %.2fx wall, %.2fx cpu", append.wall / plain.wall,
               append.cpu / plain.cpu))
}

do {
  try main()
} catch {
  FileHandle.standardError.write(Data("ZofAuditBench: \(error)\n".utf8))
  exit(2)
}
