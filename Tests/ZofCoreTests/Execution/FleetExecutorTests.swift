import Foundation
import Testing
@testable import ZofCore

/// A store, a repository folder and an executor in a fresh scratch folder.
struct FleetHarness {
  let folder: String
  let store: RunStore
  let executor: FleetExecutor

  init(_ name: String = #function, headLimit: Int = 64 * 1024, tailLimit: Int = 64 * 1024,
       allowed: [String] = [], caller: [String: String] = [:]) throws {
    folder = try TestPaths.scratch(name)
    store = try RunStore.open(path: "\(folder)/zof.db")
    let options = ExecutionOptions(
      repositoryRoot: folder, home: folder, allowedEnvironment: allowed,
      callerEnvironment: caller, headLimit: headLimit, tailLimit: tailLimit, killGrace: 0.5)
    executor = FleetExecutor(store: store, options: options)
  }

  static func check(_ name: String, _ script: String, fleet: String = "api",
                    concurrency: Int = 1, retries: Int = 0, timeout: Double = 60,
                    report: CheckSpec.Report = .exitCode,
                    env: [String: String] = [:]) -> PlannedCheck {
    let spec = CheckSpec(ref: EntityRef(kind: "check", name: name), invocation: .shell(script),
                         timeout: timeout, retries: retries, report: report, env: env)
    return PlannedCheck(spec: spec, fleet: FleetAssignment(name: fleet,
                                                            concurrency: concurrency))
  }

  /// Creates a run for `checks`, runs it, and returns the run id and final status.
  func run(_ checks: [PlannedCheck]) throws -> (Int64, RunStatus) {
    let planned = checks.enumerated().map {
      RunCheckRecord(checkRef: $1.checkRef, fleet: $1.fleet.name, ordinal: $0)
    }
    let id = try store.createRun(NewRun(trigger: "test", actor: "tester"), checks: planned)
    return (id, try executor.run(runID: id, checks: checks))
  }

  func onlyAttempt(_ run: Int64) throws -> AttemptRecord {
    let attempts = try store.attempts(run: run)
    #expect(attempts.count == 1)
    return try #require(attempts.first)
  }
}

struct FleetExecutorTests {
  @Test func passAndFail() throws {
    let harness = try FleetHarness()
    let (run, status) = try harness.run([
      FleetHarness.check("good", "echo fine"),
      FleetHarness.check("bad", "echo broken >&2; exit 4"),
    ])
    let checks = Dictionary(uniqueKeysWithValues: try harness.store.runChecks(run).map {
      ($0.checkRef, $0.status)
    })
    let attempts = try harness.store.attempts(run: run)
    #expect(status == .failed)
    #expect(checks["check:default/good"] == .passed)
    #expect(checks["check:default/bad"] == .failed)
    #expect(attempts.map(\.exitCode).sorted { ($0 ?? 0) < ($1 ?? 0) } == [0, 4])
    #expect(attempts.allSatisfy { $0.worker == "fleet:api/worker-1" })
    #expect(try harness.store.run(run)?.finishedAt != nil)
  }

  @Test func flakyCheckRetried() throws {
    let harness = try FleetHarness()
    let counter = "\(harness.folder)/count"
    let script = "n=$(cat \(counter) 2>/dev/null || echo 0); n=$((n+1)); "
      + "echo $n > \(counter); [ $n -ge 2 ]"
    let (run, status) = try harness.run([FleetHarness.check("flaky", script, retries: 3)])
    let attempts = try harness.store.attempts(run: run)
    #expect(status == .passed)
    #expect(attempts.map(\.status) == [.failed, .passed])
    #expect(try harness.store.runChecks(run).first?.status == .flaky)
    let health = try harness.store.checkHealth("check:default/flaky", lastAttempts: 10)
    #expect(health.flakyAttempts == 1)
  }

  @Test func retriesExhausted() throws {
    let harness = try FleetHarness()
    let (run, _) = try harness.run([FleetHarness.check("broken", "exit 1", retries: 2)])
    #expect(try harness.store.attempts(run: run).map(\.number) == [1, 2, 3])
    #expect(try harness.store.runChecks(run).first?.status == .failed)
  }

  @Test func timeoutRecorded() throws {
    let harness = try FleetHarness()
    let (run, status) = try harness.run([
      FleetHarness.check("slow", "trap '' TERM; sleep 30", timeout: 0.3),
    ])
    let attempt = try harness.onlyAttempt(run)
    #expect(status == .failed)
    #expect(attempt.status == .timedOut)
    #expect(attempt.signal == 9)
    #expect(try harness.store.runChecks(run).first?.status == .timedOut)
  }

  /// Returns the largest number of intervals open at one time.
  static func maxOverlap(_ intervals: [(start: Int, end: Int)]) -> Int {
    var events: [(time: Int, change: Int)] = []
    for interval in intervals {
      events.append((interval.start, 1))
      events.append((interval.end, -1))
    }
    // At equal times, an end comes before a start: touching intervals do not overlap.
    events.sort { $0.time == $1.time ? $0.change < $1.change : $0.time < $1.time }
    var open = 0
    var maximum = 0
    for (_, change) in events {
      open += change
      maximum = max(maximum, open)
    }
    return maximum
  }

  static func intervals(in folder: String, prefix: String) throws -> [(start: Int, end: Int)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasPrefix(prefix) }
    return try names.map { name in
      let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
      let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      return (numbers[0], numbers[1])
    }
  }

  @Test func fleetsHonourConcurrency() throws {
    let harness = try FleetHarness()
    let marks = "\(harness.folder)/marks"
    try FileManager.default.createDirectory(atPath: marks, withIntermediateDirectories: true)
    func timed(_ fleet: String, _ index: Int, concurrency: Int) -> PlannedCheck {
      let file = "\(marks)/\(fleet)-\(index)"
      return FleetHarness.check(
        "\(fleet)-\(index)", "s=$(date +%s%N); sleep 0.2; echo $s $(date +%s%N) > \(file)",
        fleet: fleet, concurrency: concurrency)
    }
    let checks = (0..<6).map { timed("wide", $0, concurrency: 2) }
      + (0..<3).map { timed("narrow", $0, concurrency: 1) }
    let (run, status) = try harness.run(checks)
    let wide = try Self.intervals(in: marks, prefix: "wide")
    let narrow = try Self.intervals(in: marks, prefix: "narrow")
    let workers = Set(try harness.store.attempts(run: run).map(\.worker))
    #expect(status == .passed)
    #expect(wide.count == 6)
    #expect(narrow.count == 3)
    #expect(Self.maxOverlap(wide) <= 2)
    #expect(Self.maxOverlap(narrow) == 1)
    #expect(Self.maxOverlap(wide + narrow) >= 2)
    #expect(workers.isSuperset(of: ["fleet:wide/worker-1", "fleet:narrow/worker-1"]))
    #expect(!workers.contains("fleet:narrow/worker-2"))
    #expect(!workers.contains("fleet:wide/worker-3"))
  }

  @Test func secretSplitAcrossWritesRedacted() throws {
    let harness = try FleetHarness()
    let script = "printf 'key AKIAIOSF'; sleep 0.3; printf 'ODNN7EXAMPLE done\\n'; "
      + "echo 'password=hunter2' >&2"
    let (run, _) = try harness.run([FleetHarness.check("leaky", script)])
    let attempt = try harness.onlyAttempt(run)
    let stdout = try harness.store.storedOutput(attempt: attempt.id, stream: .stdout)
    let stderr = try harness.store.storedOutput(attempt: attempt.id, stream: .stderr)
    #expect(String(decoding: stdout, as: UTF8.self) == "key [REDACTED:aws-key] done\n")
    #expect(String(decoding: stderr, as: UTF8.self) == "password=[REDACTED:assignment]\n")
    #expect(attempt.stdoutSHA256 == SHA256.hex("key AKIAIOSFODNN7EXAMPLE done\n"))
    #expect(attempt.redactions == #"{"assignment":1,"aws-key":1}"#)
  }

  @Test func largeOutputCapped() throws {
    let harness = try FleetHarness(headLimit: 64 * 1024, tailLimit: 64 * 1024)
    let data = "\(harness.folder)/data"
    let (_, prepared) = try harness.run([
      FleetHarness.check("prepare", "head -c 52428800 /dev/urandom | base64 > \(data)"),
    ])
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int)
    let sum = try ProcessRunnerTests.run("sha256sum \(data)").stdout
    let (run, _) = try harness.run([
      FleetHarness.check("big", "cat \(data)", timeout: 600),
    ])
    let attempt = try harness.onlyAttempt(run)
    let chunks = try harness.store.chunks(attempt: attempt.id, limit: 100_000)
    let keptBytes = chunks.filter { $0.kind != .elision }.reduce(0) { $0 + $1.bytes.count }
    let marker = String(decoding: chunks.first { $0.kind == .elision }?.bytes ?? [],
                        as: UTF8.self)
    let elided = Int(marker.drop { !$0.isNumber }.prefix { $0.isNumber }) ?? -1
    #expect(prepared == .passed)
    #expect(attempt.stdoutBytes == size)
    #expect(attempt.stdoutSHA256 == String(decoding: sum.prefix(64), as: UTF8.self))
    #expect(keptBytes <= 64 * 1024 * 3)
    #expect(marker.hasSuffix("bytes of output elided]\n"))
    #expect(elided + keptBytes == size)
  }

  @Test func binaryOutputStoredAsBytes() throws {
    let harness = try FleetHarness()
    let (run, _) = try harness.run([FleetHarness.check("binary", #"printf '\377\376\000ok'"#)])
    let attempt = try harness.onlyAttempt(run)
    let stored = try harness.store.storedOutput(attempt: attempt.id, stream: .stdout)
    #expect(stored == [0xff, 0xfe, 0x00, 0x6f, 0x6b])
    #expect(EvidenceText.displayText(stored) == "\u{FFFD}\u{FFFD}\\x00ok")
  }

  @Test func environmentIsClean() throws {
    let harness = try FleetHarness(allowed: ["CI", "GIT_*"],
                                   caller: ["CI": "1", "GIT_SHA": "abc", "SECRET_X": "no",
                                            "HOME": "/root"])
    let script = "echo \"$CI $GIT_SHA ${SECRET_X-unset} $LANG $TERM $ZOF_ATTEMPT $ZOF_CHECK\"; "
      + "echo $PATH; echo $HOME"
    let check = FleetHarness.check("env", script, env: ["API_TOKEN": "t0p", "MODE": "fast"])
    let (run, _) = try harness.run([check])
    let attempt = try harness.onlyAttempt(run)
    let lines = String(decoding: try harness.store.storedOutput(attempt: attempt.id,
                                                                stream: .stdout),
                       as: UTF8.self).split(separator: "\n")
    #expect(lines[0] == "1 abc unset C.UTF-8 dumb 1 check:default/env")
    #expect(lines[1] == "/usr/local/bin:/usr/bin:/bin")
    #expect(lines[2] == Substring(harness.folder))
    #expect(attempt.environment.contains(#""API_TOKEN":"[REDACTED]""#))
    #expect(attempt.environment.contains(#""MODE":"fast""#))
    #expect(!attempt.environment.contains("t0p"))
  }

  @Test func junitReportRecorded() throws {
    let harness = try FleetHarness()
    let report = """
      <testsuite name="unit"><testcase name="ok"/><testcase name="bad">\
      <failure message="nope"/></testcase></testsuite>
      """
    let script = "mkdir -p out; printf '%s' '\(report)' > out/TEST-unit.xml; exit 1"
    let (run, _) = try harness.run([
      FleetHarness.check("junit", script, report: .junit(path: "out/*.xml")),
    ])
    let attempt = try harness.onlyAttempt(run)
    let cases = try harness.store.testCases(attempt: attempt.id)
    #expect(attempt.status == .failed)
    #expect(cases.map(\.status) == [.passed, .failed])
    #expect(try harness.store.artifacts(attempt: attempt.id).first?.path == "out/TEST-unit.xml")
  }

  @Test func unparsableReportErrors() throws {
    let harness = try FleetHarness()
    let script = "mkdir -p out; printf '<testsuite>\\n<testcase name=\"x\">\\n' > out/r.xml"
    let (run, _) = try harness.run([
      FleetHarness.check("junit", script, report: .junit(path: "out/*.xml")),
    ])
    let attempt = try harness.onlyAttempt(run)
    let artifact = try harness.store.artifacts(attempt: attempt.id).first
    #expect(attempt.status == .errored)
    #expect(attempt.error?.contains("out/r.xml:2: invalid XML") == true)
    #expect(artifact?.content == Array("<testsuite>\n<testcase name=\"x\">\n".utf8))
    #expect(try harness.store.runChecks(run).first?.status == .errored)
  }

  @Test func tapFromStdout() throws {
    let harness = try FleetHarness()
    let script = "printf '1..2\\nok 1 - a\\nnot ok 2 - b\\n'"
    let (run, _) = try harness.run([FleetHarness.check("tap", script, report: .tap)])
    let attempt = try harness.onlyAttempt(run)
    #expect(attempt.status == .failed)
    #expect(try harness.store.testCases(attempt: attempt.id).map(\.status) == [.passed, .failed])
  }

  @Test func cancelInterruptsRun() throws {
    let harness = try FleetHarness()
    let checks = [FleetHarness.check("long", "echo started; sleep 30"),
                  FleetHarness.check("queued", "true")]
    let planned = checks.enumerated().map {
      RunCheckRecord(checkRef: $1.checkRef, fleet: $1.fleet.name, ordinal: $0)
    }
    let run = try harness.store.createRun(NewRun(trigger: "test", actor: "t"), checks: planned)
    let executor = harness.executor
    let status = try executor.run(runID: run, checks: checks) { event in
      if case .attemptStarted = event { executor.cancel() }
    }
    let statuses = try harness.store.runChecks(run).map(\.status)
    #expect(status == .interrupted)
    #expect(statuses == [.interrupted, .interrupted])
    #expect(try harness.store.attempts(run: run).count == 1)
  }
}
