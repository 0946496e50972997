import Foundation
import ZofCore

// Measures the fleet executor; bench/fleet/run.sh drives it and records the figures.
//
//   ZofBench checks COUNT CONCURRENCY [argv]
//                                       runs COUNT checks of `true` through /bin/sh -c, or
//                                       as a plain argv, prints seconds
//   ZofBench output BYTES [FILE]        runs one check writing BYTES to stdout (or cats
//                                       FILE), prints seconds and bytes stored
//   ZofBench spawn COUNT                runs /bin/true COUNT times in a row through the
//                                       process runner alone, prints seconds
//   ZofBench hold-run DB FOLDER          starts a run in the store DB whose one check
//                                       writes its pid to FOLDER/check.pid and sleeps;
//                                       prints "run ID" once the check has started. Tests
//                                       kill this process to leave an abandoned run.

func scratchFolder() -> String {
  var template = Array((NSTemporaryDirectory() + "zof-bench-XXXXXX").utf8CString)
  guard let path = mkdtemp(&template) else { fatalError("mkdtemp failed") }
  return String(cString: path)
}

func check(_ name: String, _ script: String, concurrency: Int,
           argv: Bool = false) -> PlannedCheck {
  let invocation: CheckSpec.Invocation = argv ? .argv([script]) : .shell(script)
  let spec = CheckSpec(ref: EntityRef(kind: "check", name: name), invocation: invocation)
  return PlannedCheck(spec: spec, fleet: FleetAssignment(name: "bench", concurrency: concurrency))
}

func execute(_ checks: [PlannedCheck], folder: String) throws -> (Double, RunStore, Int64) {
  let store = try RunStore.open(path: "\(folder)/zof.db")
  let planned = checks.enumerated().map {
    RunCheckRecord(checkRef: $1.checkRef, fleet: $1.fleet.name, ordinal: $0)
  }
  let run = try store.createRun(NewRun(trigger: "bench", actor: "bench"), checks: planned)
  let executor = FleetExecutor(store: store,
                               options: ExecutionOptions(repositoryRoot: folder, home: folder))
  let start = Date()
  let status = try executor.run(runID: run, checks: checks)
  let seconds = Date().timeIntervalSince(start)
  guard status == .passed else { fatalError("bench run ended \(status.rawValue)") }
  return (seconds, store, run)
}

let arguments = CommandLine.arguments
let folder = scratchFolder()
switch arguments.dropFirst().first {
case "checks":
  let count = Int(arguments[2]) ?? 2000
  let concurrency = Int(arguments[3]) ?? 2
  let argv = arguments.count > 4 && arguments[4] == "argv"
  let checks = (0..<count).map {
    check("true-\($0)", "true", concurrency: concurrency, argv: argv)
  }
  let (seconds, _, _) = try execute(checks, folder: folder)
  print(String(format: "%.3f", seconds))
case "output":
  let bytes = Int(arguments[2]) ?? 1 << 30
  let script = arguments.count > 3 ? "cat \(arguments[3])" : "head -c \(bytes) /dev/zero"
  let (seconds, store, run) = try execute([check("output", script, concurrency: 1)],
                                          folder: folder)
  let attempt = try store.attempts(run: run)[0]
  let stored = try store.database.scalar(
    "SELECT SUM(LENGTH(bytes)) FROM evidence_chunks WHERE attempt_id = ?", [attempt.id]) ?? 0
  print(String(format: "%.3f %d %d", seconds, attempt.stdoutBytes, stored))
case "spawn":
  // The process runner alone, one `true` after another, without the store.
  let count = Int(arguments[2]) ?? 2000
  let command = ProcessCommand(executable: "/bin/true", workingDirectory: folder,
                               environment: ["PATH": "/usr/bin:/bin"])
  let start = Date()
  for _ in 0..<count {
    _ = try ProcessRunner(command: command).run { _, _ in }
  }
  print(String(format: "%.3f", Date().timeIntervalSince(start)))
case "hold-run":
  let store = try RunStore.open(path: arguments[2])
  let work = arguments[3]
  let sleeper = check("sleeper", "echo $$ > \(work)/check.pid; exec sleep 30", concurrency: 1)
  let run = try store.createRun(NewRun(trigger: "test", actor: "bench"),
                                checks: [RunCheckRecord(checkRef: sleeper.checkRef,
                                                        fleet: "bench", ordinal: 0)])
  var options = ExecutionOptions(repositoryRoot: work, home: work)
  options.heartbeatInterval = 0.2
  let executor = FleetExecutor(store: store, options: options)
  try executor.run(runID: run, checks: [sleeper]) { event in
    if case .attemptStarted = event {
      FileHandle.standardOutput.write(Data("run \(run)\n".utf8))
    }
  }
default:
  print("usage: ZofBench checks COUNT CONCURRENCY [argv] | output BYTES [FILE]"
        + " | hold-run DB FOLDER")
  exit(2)
}
try? FileManager.default.removeItem(atPath: folder)
