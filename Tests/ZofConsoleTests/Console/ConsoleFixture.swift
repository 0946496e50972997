import Foundation
import ZofCore

@testable import ZofConsole

/// A demo workspace in a temporary folder with fixed runs, attempts, log chunks, test
/// cases, one pending approval request and audit events, for console tests.
///
/// Times that reach the screen are fixed; request ids are random, so screens mask them
/// (see `masked`).
final class ConsoleFixture {
  let folder: ScratchFolder
  let workspace: Workspace
  let session: WorkspaceSession
  /// The pending approval request's id.
  private(set) var requestID = ""

  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// Builds the workspace and opens a session for `user` (the real actor, so screens do not
  /// depend on who runs the tests).
  init(user: String = "bob", populate: Bool = true) throws {
    folder = ScratchFolder("zof-console")
    let root = folder.path + "/demo"
    try DemoBuilder(sampleData: Self.packageRoot + "/sample-data").build(into: root)
    workspace = try Workspace.discover(explicit: root, environment: [:],
                                       currentDirectory: root)
    session = try WorkspaceSession(workspace: workspace, realActor: .user(user))
    if populate {
      try addRuns()
      try addApproval()
    }
  }

  static let clock = Date(timeIntervalSinceReferenceDate: 12 * 3600)

  // MARK: - Runs

  private func addRuns() throws {
    let runs = session.store.runs
    let first = try runs.createRun(
      NewRun(trigger: "change HEAD~1...HEAD", actor: "user:default/alice", base: "HEAD~1",
             head: "HEAD", environment: "ci", plan: "{}"),
      checks: [
        RunCheckRecord(checkRef: "check:default/partial-refund-journey", fleet: "integration",
                       risk: 0.8, because: "libs/serde/serde.py -> component:serde -> "
                         + "component:refunds -> check:partial-refund-journey", ordinal: 0),
        RunCheckRecord(checkRef: "check:default/serde-unit", fleet: "unit", risk: 0.35,
                       because: "libs/serde/serde.py -> component:serde -> check:serde-unit",
                       ordinal: 1),
      ])
    let failing = try attempt(run: first, check: "check:default/partial-refund-journey",
                              number: 1, status: .failed, seconds: 1.5, output: [
                                "collecting 2 tests\n", "test_partial_refund_balance FAILED\n",
                                "balance is 3800, \u{1b}[31mexpected\u{1b}[0m 3766\n",
                              ])
    try runs.recordTestCases(attempt: failing, [
      TestCaseResult(suite: "refunds", name: "test_partial_refund_balance", status: .failed,
                     time: 0.2, message: "balance is 3800, expected 3766"),
      TestCaseResult(suite: "refunds", name: "test_full_refund", status: .passed, time: 0.1),
    ])
    _ = try attempt(run: first, check: "check:default/serde-unit", number: 1, status: .passed,
                    seconds: 0.25, output: ["3 passed\n"])
    try runs.setCheckStatus(run: first, check: "check:default/partial-refund-journey", .failed)
    try runs.setCheckStatus(run: first, check: "check:default/serde-unit", .passed)
    try runs.setRunStatus(first, .failed)
    let second = try runs.createRun(
      NewRun(trigger: "all checks", actor: "user:default/bob", environment: "ci", plan: "{}"),
      checks: [RunCheckRecord(checkRef: "check:default/serde-unit", fleet: "unit",
                              ordinal: 0)])
    try runs.setRunStatus(second, .passed)
    try runs.setCheckStatus(run: second, check: "check:default/serde-unit", .passed)
    try fixTimes()
  }

  private func attempt(run: Int64, check: String, number: Int, status: AttemptStatus,
                       seconds: Double, output: [String]) throws -> Int64 {
    let runs = session.store.runs
    let id = try runs.startAttempt(AttemptStart(
      runID: run, checkRef: check, number: number, worker: "fleet:unit/worker-1",
      command: "[\"make\",\"test\"]", workdir: ".", environment: "{}"))
    let chunks = output.enumerated().map { offset, text in
      EvidenceChunk(attemptID: id, seq: offset, stream: .stdout, kind: .head,
                    bytes: Array(text.utf8), createdAt: "2001-01-01T11:00:00.000Z")
    }
    try runs.appendChunks(chunks)
    try runs.finishAttempt(id, AttemptFinish(status: status, exitCode: status == .passed ? 0 : 1,
                                             duration: seconds))
    return id
  }

  /// Sets every stored run and attempt time to a fixed value, so durations on screen do
  /// not change between test runs.
  private func fixTimes() throws {
    let database = session.store.database
    try database.run("""
      UPDATE runs SET created_at = '2001-01-01T11:00:00.000Z',
        finished_at = '2001-01-01T11:00:42.000Z'
      """)
    try database.run("""
      UPDATE attempts SET started_at = '2001-01-01T11:00:01.000Z',
        finished_at = '2001-01-01T11:00:03.000Z'
      """)
  }

  // MARK: - Approvals

  private func addApproval() throws {
    let audit = AuditLog(database: session.store.database, clock: { ConsoleFixture.clock })
    let queue = ApprovalQueue(audit: audit, authorizer: session.authorizer,
                              clock: { ConsoleFixture.clock })
    let draft = ApprovalDraft(
      kind: .remediation, subject: "proposal 7: fix refund rounding",
      proposer: .remediator("fix-rounding"), changeAuthors: [.user("alice")],
      affected: [EntityRef(kind: "component", namespace: "default", name: "refunds")],
      owners: [EntityRef(kind: "group", namespace: "default", name: "payments-team")],
      environment: "staging",
      evidence: ["run": .integer(1), "diffStat": .string("libs/serde/serde.py | 2 +-"),
                 "diff": .string("@@ -1 +1 @@\n-    return round(x)\n+    return x")],
      lifetime: 100 * 365 * 86400)
    requestID = try queue.create(draft, requester: Identity(real: .remediator("fix-rounding")))
      .id
  }

  // MARK: - Screens

  /// Screen lines with the values that differ between builds replaced: approval request
  /// ids, git commit hashes, the store's size and stored times of events written while
  /// opening the session.
  static func masked(_ lines: [String]) -> [String] {
    lines.map { line in
      var text = line
      for (pattern, replacement) in [
        ("apr-[0-9a-f]+", "apr-XXXXXXXX"),
        ("\\b[0-9a-f]{12,40}\\b", "COMMIT"),
        ("WAL [0-9.]+[BKMGT]", "WAL SIZE"),
        ("20[0-9][0-9]-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}", "YYYY-MM-DD hh:mm:ss"),
      ] {
        text = text.replacingOccurrences(of: pattern, with: replacement,
                                          options: .regularExpression)
      }
      return text
    }
  }
}
