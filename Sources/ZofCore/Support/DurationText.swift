import Foundation

/// Parses durations written as a number and a unit: `500ms`, `30s`, `5m`, `2h`, `14d`.
public enum DurationText {
  /// Returns the duration in seconds, or nil when `text` is not a duration.
  public static func seconds(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
      let number = trimmed.dropLast(suffix.count)
      // "5ms" also ends with "s"; the longer suffix is tried first, so reject the leftover "m".
      guard let value = Double(number), value >= 0, value.isFinite else { continue }
      return value * scale
    }
    return nil
  }

  /// Formats seconds compactly for people: `850ms`, `12.3s`, `4m05s`.
  public static func format(_ seconds: Double) -> String {
    if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
    if seconds < 60 { return NumberText.fixed(seconds, digits: 1) + "s" }
    let whole = Int(seconds.rounded())
    if whole < 3600 { return "\(whole / 60)m\(NumberText.zeroPadded(whole % 60, width: 2))s" }
    return "\(whole / 3600)h\(NumberText.zeroPadded((whole % 3600) / 60, width: 2))m"
  }
}
