import Foundation
import Glibc
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
    guard let begin = date(start) else { return "" }
    let finish = end.flatMap(date) ?? now
    return DurationText.format(max(0, finish.timeIntervalSince(begin)))
  }

  /// Parses a stored time. The store's own format (`2026-12-04T16:17:50.401Z`) is read
  /// field by field, because building a date formatter per row made a list of 500 runs
  /// take about 300 ms to show. Other forms go through `Timestamp.parse`.
  static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
          bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z")
    else { return Timestamp.parse(text) }
    func number(_ range: Range<Int>) -> Int32? {
      var value: Int32 = 0
      for index in range {
        let digit = Int32(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
          let hour = number(11..<13), let minute = number(14..<16),
          let second = number(17..<19), let millisecond = number(20..<23)
    else { return Timestamp.parse(text) }
    var fields = tm()
    fields.tm_year = year - 1900
    fields.tm_mon = month - 1
    fields.tm_mday = day
    fields.tm_hour = hour
    fields.tm_min = minute
    fields.tm_sec = second
    let seconds = timegm(&fields)
    return Date(timeIntervalSince1970: Double(seconds) + Double(millisecond) / 1000)
  }
}
