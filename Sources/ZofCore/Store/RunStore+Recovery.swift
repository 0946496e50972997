import Foundation
import Glibc

extension RunStore {
  /// Marks as interrupted every unfinished run on this host whose heartbeat is older than
  /// `staleAfter` seconds and whose runner process is gone, together with its unfinished
  /// attempts and checks. Returns the ids of the runs it marked.
  ///
  /// Runs from other hosts are left alone, because their process cannot be checked here.
  @discardableResult
  public func markStaleRunsInterrupted(staleAfter: Double,
                                       host: String = RunStore.hostName(),
                                       now: Date = Date()) throws -> [Int64] {
    let cutoff = Timestamp.iso8601(now.addingTimeInterval(-staleAfter))
    let candidates = try database.query("""
      SELECT id, runner_pid FROM runs
      WHERE status IN ('queued', 'running') AND runner_host = ?
        AND COALESCE(heartbeat_at, created_at) < ?
      """, [host, cutoff]) { ($0.int64(0), $0.optionalInt(1)) }
    var marked: [Int64] = []
    for (id, pid) in candidates where !RunStore.isProcessAlive(pid) {
      try interrupt(run: id)
      marked.append(id)
    }
    return marked
  }

  private func interrupt(run id: Int64) throws {
    try database.transaction {
      let now = Timestamp.now()
      try database.run("""
        UPDATE attempts SET status = 'interrupted', finished_at = ?
        WHERE run_id = ? AND finished_at IS NULL
        """, [now, id])
      try database.run("""
        UPDATE run_checks SET status = 'interrupted'
        WHERE run_id = ? AND status IN ('queued', 'running')
        """, [id])
      try database.run("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ?",
                       [now, id])
    }
  }

  /// Returns whether a process with `pid` exists. A process owned by another user counts as
  /// alive.
  ///
  /// NOTE: a recycled pid makes a dead runner look alive; the run then stays running until
  /// that unrelated process ends.
  static func isProcessAlive(_ pid: Int?) -> Bool {
    guard let pid, pid > 0 else { return false }
    if kill(pid_t(pid), 0) == 0 { return true }
    return errno == EPERM
  }
}
