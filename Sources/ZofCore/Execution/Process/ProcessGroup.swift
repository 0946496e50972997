import Foundation
import Glibc

/// Waits for the members of a killed process group to die.
///
/// `kill` returns before the signal has taken effect, so the caller has to wait. A member
/// whose parent has already exited may stay a zombie for good where the init process does
/// not reap orphans, so the group counts as gone once every member left in `/proc` is a
/// zombie.
enum ProcessGroup {
  /// Waits up to `limit` seconds; returns whether the group is gone.
  @discardableResult
  static func waitUntilGone(_ pgid: Int32, limit: Double) -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    var pause: useconds_t = 500
    while true {
      if kill(-pgid, 0) != 0 && errno == ESRCH { return true }
      if !hasLiveMember(pgid) { return true }
      if Date() >= deadline { return false }
      usleep(pause)
      pause = min(pause * 2, 20_000)
    }
  }

  /// Returns whether a process in group `pgid` is in any state but zombie or dead.
  static func hasLiveMember(_ pgid: Int32) -> Bool {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
      return true
    }
    for entry in entries where entry.first?.isNumber == true {
      guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")") else { continue }
      // After the command name in parentheses: state, parent pid, process group.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 2, Int32(fields[2]) == pgid else { continue }
      if fields[0] != "Z" && fields[0] != "X" { return true }
    }
    return false
  }
}
