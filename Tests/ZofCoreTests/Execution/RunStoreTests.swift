import Foundation
import Glibc
import Testing
@testable import ZofCore

struct RunStoreTests {
  static func makeStore(_ name: String = #function) throws -> RunStore {
    try RunStore.open(path: "\(try TestPaths.scratch(name))/zof.db")
  }

  static func newRun(_ store: RunStore, checks: [String] = ["check:default/a"]) throws -> Int64 {
    let planned = checks.enumerated().map { RunCheckRecord(checkRef: $1, fleet: "api",
                                                            ordinal: $0) }
    return try store.createRun(NewRun(trigger: "test", actor: "alice"), checks: planned)
  }

  static func attempt(_ run: Int64, _ check: String = "check:default/a",
                      number: Int = 1) -> AttemptStart {
    AttemptStart(runID: run, checkRef: check, number: number, worker: "fleet:api/worker-1",
                 command: #"["true"]"#, workdir: ".", environment: "{}")
  }

  @Test func migratesToExecutionVersion() throws {
    let store = try Self.makeStore()
    #expect(try store.database.userVersion() >= 3)
    let strict = try store.database.scalar(
      "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'attempts' AND sql LIKE '%STRICT'")
    #expect(strict == 1)
  }

  @Test func runsNewestFirst() throws {
    let store = try Self.makeStore()
    let first = try Self.newRun(store)
    let second = try Self.newRun(store)
    let runs = try store.listRuns()
    #expect(runs.map(\.id) == [second, first])
    #expect(runs.first?.runnerPID == getpid())
    #expect(runs.first?.status == .running)
  }

  @Test func rejectsUnknownStatus() throws {
    let store = try Self.makeStore()
    let run = try Self.newRun(store)
    #expect(throws: DatabaseError.self) {
      try store.database.run("UPDATE runs SET status = 'done' WHERE id = ?", [run])
    }
  }

  @Test func chunksAfterSequence() throws {
    let store = try Self.makeStore()
    let run = try Self.newRun(store)
    let attempt = try store.startAttempt(Self.attempt(run))
    let chunks = (0..<5).map {
      EvidenceChunk(attemptID: attempt, seq: $0, stream: .stdout, kind: .head,
                    bytes: Array("line \($0)\n".utf8))
    }
    try store.appendChunks(chunks)
    let followed = try store.chunks(attempt: attempt, after: 2)
    #expect(followed.map(\.seq) == [3, 4])
    #expect(followed.first?.bytes == Array("line 3\n".utf8))
    #expect(try store.runChecks(run).first?.status == .running)
  }

  @Test func testCasesRoundTrip() throws {
    let store = try Self.makeStore()
    let attempt = try store.startAttempt(Self.attempt(try Self.newRun(store)))
    let cases = [
      TestCaseResult(suite: "s", name: "a", classname: "C", status: .failed, time: 0.5,
                     message: "boom", output: "trace"),
      TestCaseResult(suite: "s", name: "b", status: .flaky),
    ]
    try store.recordTestCases(attempt: attempt, cases)
    #expect(try store.testCases(attempt: attempt) == cases)
  }

  /// Starts `sleep` through the runner, kills it with SIGKILL and returns its pid once dead.
  static func deadPID() throws -> Int32 {
    let runner = ProcessRunner(command: .shell("exec sleep 60", workingDirectory: "/tmp",
                                               environment: ["PATH": "/usr/bin:/bin"]))
    let result = try runner.run(started: { pid in kill(pid, SIGKILL) }) { _, _ in }
    #expect(result.signal == SIGKILL)
    return result.pid
  }

  @Test func staleRunInterrupted() throws {
    let store = try Self.makeStore()
    let host = RunStore.hostName()
    let dead = try Self.deadPID()
    let abandoned = try Self.newRun(store)
    let alive = try Self.newRun(store)
    let fresh = try Self.newRun(store)
    let elsewhere = try Self.newRun(store)
    let old = "2020-01-01T00:00:00.000Z"
    let rows: [(Int64, Int32, String, String)] = [
      (abandoned, dead, old, host), (alive, getpid(), old, host),
      (fresh, dead, Timestamp.now(), host), (elsewhere, dead, old, "other-host"),
    ]
    for (id, pid, heartbeat, runHost) in rows {
      try store.database.run(
        "UPDATE runs SET runner_pid = ?, heartbeat_at = ?, runner_host = ? WHERE id = ?",
        [Int(pid), heartbeat, runHost, id])
    }
    let inFlight = try store.startAttempt(Self.attempt(abandoned))

    let marked = try store.markStaleRunsInterrupted(staleAfter: 60)

    #expect(marked == [abandoned])
    #expect(try store.run(abandoned)?.status == .interrupted)
    #expect(try store.run(abandoned)?.finishedAt != nil)
    #expect(try store.attempt(inFlight)?.status == .interrupted)
    #expect(try store.runChecks(abandoned).first?.status == .interrupted)
    #expect(try store.run(alive)?.status == .running)
    #expect(try store.run(fresh)?.status == .running)
    #expect(try store.run(elsewhere)?.status == .running)
  }

  @Test func checkHealthRates() throws {
    let store = try Self.makeStore()
    let check = "check:default/a"
    // Run 1: fail then pass (one flaky failure); run 2: fail twice; run 3: pass.
    let outcomes: [[AttemptStatus]] = [[.failed, .passed], [.failed, .timedOut], [.passed]]
    for statuses in outcomes {
      let run = try Self.newRun(store)
      for (index, status) in statuses.enumerated() {
        let id = try store.startAttempt(Self.attempt(run, check, number: index + 1))
        try store.finishAttempt(id, AttemptFinish(status: status))
      }
    }
    let health = try store.checkHealth(check, lastAttempts: 10)
    #expect(health.attempts == 5)
    #expect(health.failedAttempts == 3)
    #expect(health.flakyAttempts == 1)
    #expect(health.failureRate == 0.6)
    #expect(health.flakeRate == 0.2)
    let recent = try store.checkHealth(check, lastAttempts: 1)
    #expect(recent.attempts == 1)
    #expect(recent.failedAttempts == 0)
    let flakes = try store.database.scalar("SELECT SUM(flaky) FROM flake_history")
    #expect(flakes == 1)
  }
}

/// Recovery of a run whose runner process, a real `ZofBench hold-run`, is killed with
/// SIGKILL. Skipped when the ZofBench binary was not built beside the test bundle.
@Suite(.enabled(if: TestPaths.benchBinary != nil,
                "ZofBench not built beside the tests; run `swift build` first"))
struct RunnerKillTests {
  @Test func killedRunnerRecovered() throws {
    let folder = try TestPaths.scratch()
    let database = "\(folder)/zof.db"
    let store = try RunStore.open(path: database)
    let command = ProcessCommand(executable: try #require(TestPaths.benchBinary),
                                 arguments: ["hold-run", database, folder],
                                 workingDirectory: folder,
                                 environment: ["PATH": "/usr/bin:/bin"])
    let runner = ProcessRunner(command: command, timeout: 60)
    var runID: Int64?
    var aliveMarked: [Int64] = []
    var output = ""
    var benchPID: Int32 = 0
    let result = try runner.run(started: { benchPID = $0 }) { _, bytes in
      output += String(decoding: bytes, as: UTF8.self)
      guard runID == nil, let line = output.split(separator: "\n").first,
            line.hasPrefix("run "), let id = Int64(line.dropFirst(4)) else { return }
      runID = id
      // While the runner lives, a zero threshold must not mark its run.
      aliveMarked = (try? store.markStaleRunsInterrupted(staleAfter: 0)) ?? [-1]
      kill(benchPID, SIGKILL)
    }
    let checkPID = Int32((try? String(contentsOfFile: "\(folder)/check.pid", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    if let checkPID { kill(checkPID, SIGKILL) }
    let run = try #require(runID)
    #expect(result.signal == SIGKILL)
    #expect(aliveMarked.isEmpty)
    #expect(try store.run(run)?.status == .running)

    let marked = try store.markStaleRunsInterrupted(staleAfter: 0)

    #expect(marked == [run])
    #expect(try store.run(run)?.status == .interrupted)
    #expect(try store.attempts(run: run).map(\.status) == [.interrupted])
    #expect(try store.runChecks(run).map(\.status) == [.interrupted])
  }
}
