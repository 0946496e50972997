/// A run with the counts of its planned checks, for lists that show many runs at once.
public struct RunOverview: Sendable, Equatable {
  public var run: RunRecord
  /// Planned checks.
  public var total: Int
  /// Checks that ended, whatever the outcome.
  public var done: Int
  /// Checks that failed, timed out or errored.
  public var failed: Int
  /// Checks that passed only on a retry.
  public var flaky: Int

  public init(run: RunRecord, total: Int, done: Int, failed: Int, flaky: Int) {
    self.run = run
    self.total = total
    self.done = done
    self.failed = failed
    self.flaky = flaky
  }
}

extension RunStore {
  /// Returns up to `limit` runs with an id below `before` (all when nil), newest first,
  /// each with its check counts, in one query.
  public func runOverviews(limit: Int = 200, before: Int64? = nil) throws -> [RunOverview] {
    // The run columns come first, in `runRecord`'s order, and the counts after them.
    let counts = """
      SELECT r.*, COUNT(c.check_ref),
        COALESCE(SUM(c.status NOT IN ('queued', 'running')), 0),
        COALESCE(SUM(c.status IN ('failed', 'timed-out', 'errored')), 0),
        COALESCE(SUM(c.status = 'flaky'), 0)
      FROM (\(RunStore.runColumns) WHERE id < ? ORDER BY id DESC LIMIT ?) r
      LEFT JOIN run_checks c ON c.run_id = r.id
      GROUP BY r.id ORDER BY r.id DESC
      """
    return try database.query(counts, [before ?? Int64.max, limit]) { row in
      RunOverview(run: RunStore.runRecord(row), total: row.int(16), done: row.int(17),
                  failed: row.int(18), flaky: row.int(19))
    }
  }
}
