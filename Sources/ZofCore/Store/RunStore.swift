import Foundation
import Glibc

/// Reads and writes runs, their checks, attempts and evidence.
///
/// Writes that belong together run in one transaction, so a process following a run from
/// another connection reads all of them or none.
public final class RunStore: Sendable {
  public let database: Database

  /// Wraps a database that has already been migrated to `Schema.migrations`.
  public init(database: Database) {
    self.database = database
  }

  /// Opens (creating when needed) the store at `path` and applies pending migrations.
  public static func open(path: String) throws -> RunStore {
    let database = try Database(path: path)
    try Migrator.migrate(database, Schema.migrations)
    return RunStore(database: database)
  }

  // MARK: - Runs

  /// Creates a running run owned by this process, with its planned checks queued.
  public func createRun(_ run: NewRun, checks: [RunCheckRecord],
                        status: RunStatus = .running) throws -> Int64 {
    try database.transaction {
      let now = Timestamp.now()
      try database.run("""
        INSERT INTO runs (created_at, status, trigger, base, head, snapshot_id, environment,
          actor, plan, runner_pid, runner_host, heartbeat_at, proposal_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, [now, status.rawValue, run.trigger, run.base, run.head, run.snapshotID,
              run.environment, run.actor, run.plan, Int(getpid()), RunStore.hostName(), now,
              run.proposalID])
      let id = database.lastInsertRowID
      for check in checks {
        try database.run("""
          INSERT INTO run_checks (run_id, check_ref, fleet, status, risk, because, ordinal)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """, [id, check.checkRef, check.fleet, check.status.rawValue, check.risk,
                check.because, check.ordinal])
      }
      return id
    }
  }

  /// Sets the status of a run, and its finish time when the status is final.
  public func setRunStatus(_ id: Int64, _ status: RunStatus) throws {
    let final = status != .queued && status != .running
    try database.run("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                     [status.rawValue, final ? Timestamp.now() : nil, id])
  }

  /// Records that the process running `id` is alive.
  public func heartbeat(_ id: Int64) throws {
    try database.run("UPDATE runs SET heartbeat_at = ? WHERE id = ?", [Timestamp.now(), id])
  }

  /// Stores the outcome of `git bisect` for a run, as JSON.
  public func setBisectResult(_ id: Int64, json: String) throws {
    try database.run("UPDATE runs SET bisect_result = ? WHERE id = ?", [json, id])
  }

  public func setCheckStatus(run: Int64, check: String, _ status: RunCheckStatus) throws {
    try database.run("UPDATE run_checks SET status = ? WHERE run_id = ? AND check_ref = ?",
                     [status.rawValue, run, check])
  }

  /// Returns the run with `id`, or nil.
  public func run(_ id: Int64) throws -> RunRecord? {
    try database.queryFirst("\(RunStore.runColumns) WHERE id = ?", [id], RunStore.runRecord)
  }

  /// Returns up to `limit` runs, newest first.
  public func listRuns(limit: Int = 50) throws -> [RunRecord] {
    try database.query("\(RunStore.runColumns) ORDER BY id DESC LIMIT ?", [limit],
                       RunStore.runRecord)
  }

  /// Returns the planned checks of a run in plan order.
  public func runChecks(_ runID: Int64) throws -> [RunCheckRecord] {
    try database.query("""
      SELECT check_ref, fleet, status, risk, because, ordinal FROM run_checks
      WHERE run_id = ? ORDER BY ordinal
      """, [runID]) { row in
      RunCheckRecord(checkRef: row.text(0), fleet: row.text(1),
                     status: RunCheckStatus(rawValue: row.text(2)) ?? .errored,
                     risk: row.double(3), because: row.text(4), ordinal: row.int(5))
    }
  }

  static let runColumns = """
    SELECT id, created_at, finished_at, status, trigger, base, head, snapshot_id, environment,
      actor, plan, runner_pid, runner_host, heartbeat_at, proposal_id, bisect_result FROM runs
    """

  static func runRecord(_ row: Row) -> RunRecord {
    RunRecord(
      id: row.int64(0), createdAt: row.text(1), finishedAt: row.optionalText(2),
      status: RunStatus(rawValue: row.text(3)) ?? .errored, trigger: row.text(4),
      base: row.optionalText(5), head: row.optionalText(6),
      snapshotID: row.isNull(7) ? nil : row.int64(7), environment: row.optionalText(8),
      actor: row.text(9), plan: row.text(10), runnerPID: row.optionalInt(11).map(Int32.init),
      runnerHost: row.optionalText(12), heartbeatAt: row.optionalText(13),
      proposalID: row.isNull(14) ? nil : row.int64(14), bisectResult: row.optionalText(15))
  }

  /// This machine's host name, recorded so recovery only judges runs started here.
  public static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
