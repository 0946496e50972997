import Foundation
import ZofCore

/// Theme roles and time text shared by the run views.
enum RunStatusStyle {
  static func role(_ status: String) -> ThemeRole {
    switch status {
    case "passed": .ok
    case "failed", "timed-out", "errored": .failed
    case "flaky": .flaky
    case "running": .running
    case "queued": .pending
    default: .muted
    }
  }

  /// Seconds between two stored timestamps, or from `start` to `now` when `end` is nil.
  static func duration(from start: String, to end: String?, now: Date) -> String {
    guard let begin = Timestamp.parse(start) else { return "" }
    let finish = end.flatMap(Timestamp.parse) ?? now
    return DurationText.format(max(0, finish.timeIntervalSince(begin)))
  }
}
