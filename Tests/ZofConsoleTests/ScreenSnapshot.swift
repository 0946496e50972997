import Foundation
import Testing

@testable import ZofConsole

/// Compares rendered screens with the text files in `Screens/`.
///
/// Run with `ZOF_RECORD_SCREENS=1` to write the files from the current output instead;
/// review the diff before committing them. A mismatch records an issue with a line diff.
enum ScreenSnapshot {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Screens")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["ZOF_RECORD_SCREENS"] == "1"
  }

  /// Checks `buffer` against `Screens/<name>.txt`.
  static func assertMatches(
    _ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    assertMatches(TextBackend.trimmedLines(of: buffer), named: name,
                  sourceLocation: sourceLocation)
  }

  static func assertMatches(
    _ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = lines.joined(separator: "\n") + "\n"
    if isRecording {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("missing screen \(file.path); run with ZOF_RECORD_SCREENS=1 to record it",
                   sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let diff = lineDiff(expected: expected, actual: actual)
      Issue.record("screen \(name) differs (- expected, + actual):\n\(diff)",
                   sourceLocation: sourceLocation)
    }
  }

  /// Builds a line-by-line diff of two texts that shows only the rows that differ.
  static func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for row in 0..<max(old.count, new.count) {
      let before = row < old.count ? String(old[row]) : nil
      let after = row < new.count ? String(new[row]) : nil
      guard before != after else { continue }
      if let before { output.append(String(format: "%3d - |%@|", row + 1, before)) }
      if let after { output.append(String(format: "%3d + |%@|", row + 1, after)) }
    }
    return output.joined(separator: "\n")
  }
}

/// Fixed time and zone for screens that show the clock.
enum TestClock {
  static let date = Date(timeIntervalSinceReferenceDate: 12 * 3600 + 34 * 60 + 56)
  static let utc = TimeZone(identifier: "UTC")!
}
