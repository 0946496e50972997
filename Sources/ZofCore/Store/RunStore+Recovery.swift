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

  /// Records the process group of a running attempt, so recovery can stop what is left of it
  /// when the runner dies.
  public func setProcessGroup(attempt id: Int64, _ group: Int32) throws {
    try database.run("UPDATE attempts SET process_group = ? WHERE id = ?", [Int(group), id])
  }

  /// Kills what is left of the in-flight attempts of a run whose runner died.
  ///
  /// A process group is killed only when one of its processes still carries this run's
  /// `ZOF_RUN_ID` in its environment, so a recycled group id never hits an unrelated process.
  func terminateOrphans(run id: Int64) throws {
    let groups = try database.query(
      "SELECT process_group FROM attempts WHERE run_id = ? AND finished_at IS NULL "
        + "AND process_group IS NOT NULL", [id]) { Int32($0.int(0)) }
    for group in groups where Self.groupBelongs(group, toRun: id) {
      kill(-group, SIGKILL)
    }
  }

  /// Whether a process in `group` was started for run `id`, read from /proc.
  static func groupBelongs(_ group: Int32, toRun id: Int64) -> Bool {
    let marker = Array("ZOF_RUN_ID=\(id)".utf8)
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = Int32(entry), getpgid(pid) == group,
            let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
      else { continue }
      let variables = [UInt8](environ).split(separator: 0)
      if variables.contains(where: { Array($0) == marker }) { return true }
    }
    return false
  }

  private func interrupt(run id: Int64) throws {
    try terminateOrphans(run: id)
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
