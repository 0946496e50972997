extension RunStore {
  /// Records a started attempt and returns its id.
  public func startAttempt(_ start: AttemptStart) throws -> Int64 {
    try database.transaction {
      try database.run("""
        INSERT INTO attempts (run_id, check_ref, number, worker, started_at, status, command,
          workdir, environment, commit_sha)
        VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
        """, [start.runID, start.checkRef, start.number, start.worker, Timestamp.now(),
              start.command, start.workdir, start.environment, start.commit])
      let id = database.lastInsertRowID
      try database.run("""
        UPDATE run_checks SET status = 'running' WHERE run_id = ? AND check_ref = ?
        """, [start.runID, start.checkRef])
      return id
    }
  }

  /// Records how an attempt ended.
  public func finishAttempt(_ id: Int64, _ finish: AttemptFinish) throws {
    try database.run("""
      UPDATE attempts SET finished_at = ?, status = ?, exit_code = ?, signal = ?, duration = ?,
        stdout_bytes = ?, stderr_bytes = ?, stdout_sha256 = ?, stderr_sha256 = ?,
        redactions = ?, error = ?
      WHERE id = ?
      """, [Timestamp.now(), finish.status.rawValue, finish.exitCode.map(Int.init),
            finish.signal.map(Int.init), finish.duration, finish.stdoutBytes,
            finish.stderrBytes, finish.stdoutSHA256, finish.stderrSHA256, finish.redactions,
            finish.error, id])
  }

  /// Returns the attempts of a run, in the order they started.
  public func attempts(run runID: Int64) throws -> [AttemptRecord] {
    try database.query("\(RunStore.attemptColumns) WHERE run_id = ? ORDER BY id", [runID],
                       RunStore.attemptRecord)
  }

  /// Returns the attempt with `id`, or nil.
  public func attempt(_ id: Int64) throws -> AttemptRecord? {
    try database.queryFirst("\(RunStore.attemptColumns) WHERE id = ?", [id],
                            RunStore.attemptRecord)
  }

  /// Returns failure and flake counts over the last `limit` finished attempts of a check.
  public func checkHealth(_ checkRef: String, lastAttempts limit: Int) throws -> CheckHealth {
    let counts = try database.queryFirst("""
      WITH recent AS (
        SELECT a.status, a.run_id, a.number FROM attempts a
        WHERE a.check_ref = ? AND a.finished_at IS NOT NULL AND a.status != 'interrupted'
        ORDER BY a.id DESC LIMIT ?
      )
      SELECT COUNT(*),
        COALESCE(SUM(status != 'passed'), 0),
        COALESCE(SUM(status != 'passed' AND EXISTS (
          SELECT 1 FROM attempts later WHERE later.run_id = recent.run_id
            AND later.check_ref = ? AND later.number > recent.number
            AND later.status = 'passed')), 0)
      FROM recent
      """, [checkRef, limit, checkRef]) { ($0.int(0), $0.int(1), $0.int(2)) }
    let (attempts, failed, flaky) = counts ?? (0, 0, 0)
    return CheckHealth(checkRef: checkRef, attempts: attempts, failedAttempts: failed,
                       flakyAttempts: flaky)
  }

  static let attemptColumns = """
    SELECT id, run_id, check_ref, number, worker, started_at, finished_at, status, exit_code,
      signal, duration, stdout_bytes, stderr_bytes, stdout_sha256, stderr_sha256, redactions,
      command, workdir, environment, commit_sha, error FROM attempts
    """

  static func attemptRecord(_ row: Row) -> AttemptRecord {
    AttemptRecord(
      id: row.int64(0), runID: row.int64(1), checkRef: row.text(2), number: row.int(3),
      worker: row.text(4), startedAt: row.text(5), finishedAt: row.optionalText(6),
      status: AttemptStatus(rawValue: row.text(7)) ?? .errored,
      exitCode: row.optionalInt(8).map { Int32($0) }, signal: row.optionalInt(9).map { Int32($0) },
      duration: row.optionalDouble(10), stdoutBytes: row.int(11), stderrBytes: row.int(12),
      stdoutSHA256: row.optionalText(13), stderrSHA256: row.optionalText(14),
      redactions: row.text(15), command: row.text(16), workdir: row.text(17),
      environment: row.text(18), commit: row.optionalText(19), error: row.optionalText(20))
  }
}
