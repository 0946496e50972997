import Foundation

/// Severity of a log line, from most to least verbose.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
  case trace, debug, info, warning, error, off

  public init?(name: String) {
    switch name.lowercased() {
    case "trace": self = .trace
    case "debug": self = .debug
    case "info": self = .info
    case "warning", "warn": self = .warning
    case "error": self = .error
    case "off", "none": self = .off
    default: return nil
    }
  }

  public var name: String {
    switch self {
    case .trace: "trace"
    case .debug: "debug"
    case .info: "info"
    case .warning: "warning"
    case .error: "error"
    case .off: "off"
    }
  }

  public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Appends `key=value` lines to a log file, never to the terminal.
///
/// Values with spaces, quotes or `=` are quoted. Callers pass ids and outcomes, never secrets:
/// command lines and environment values of checks are not logged.
public final class Logger: @unchecked Sendable {
  /// A logger that drops everything, for code paths without a workspace.
  public static let disabled = Logger(handle: nil, level: .off)

  public let level: LogLevel
  private let handle: FileHandle?
  private let lock = NSLock()

  private init(handle: FileHandle?, level: LogLevel) {
    self.handle = handle
    self.level = level
  }

  /// Opens (creating when needed) the log file at `path` for appending.
  public static func open(path: String, level: LogLevel) -> Logger {
    guard level < .off else { return .disabled }
    let manager = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    if !manager.fileExists(atPath: path) {
      _ = manager.createFile(atPath: path, contents: nil)
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { return .disabled }
    handle.seekToEndOfFile()
    return Logger(handle: handle, level: level)
  }

  /// Writes one line when `level` is enabled.
  public func log(_ level: LogLevel, _ event: String, _ fields: [(String, Any)] = []) {
    guard level >= self.level, level < .off, let handle else { return }
    var line = "time=\(Logger.timestamp()) level=\(level.name) event=\(Logger.quote(event))"
    for (key, value) in fields {
      line += " \(key)=\(Logger.quote(String(describing: value)))"
    }
    line += "\n"
    lock.lock()
    defer { lock.unlock() }
    handle.write(Data(line.utf8))
  }

  public func debug(_ event: String, _ fields: [(String, Any)] = []) { log(.debug, event, fields) }
  public func info(_ event: String, _ fields: [(String, Any)] = []) { log(.info, event, fields) }
  public func warning(_ event: String, _ fields: [(String, Any)] = []) {
    log(.warning, event, fields)
  }
  public func error(_ event: String, _ fields: [(String, Any)] = []) { log(.error, event, fields) }

  static func quote(_ value: String) -> String {
    let plain = !value.isEmpty && !value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
    if plain { return value }
    let escaped = value
      .replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
    return "\"\(escaped)\""
  }

  static func timestamp() -> String {
    Timestamp.iso8601(Date())
  }
}

/// UTC timestamps in ISO 8601 with milliseconds, the one format the store and logs use.
public enum Timestamp {
  /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  ///
  /// Formatted with `gmtime_r` because creating an ISO8601DateFormatter costs tens of
  /// microseconds on Linux, and the executor stamps several rows per check.
  public static func iso8601(_ date: Date) -> String {
    let interval = date.timeIntervalSince1970
    var seconds = time_t(interval.rounded(.down))
    var milliseconds = Int(((interval - Double(seconds)) * 1000).rounded())
    if milliseconds >= 1000 {
      seconds += 1
      milliseconds -= 1000
    }
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return padded(Int(parts.tm_year) + 1900, 4) + "-" + padded(Int(parts.tm_mon) + 1, 2) + "-"
      + padded(Int(parts.tm_mday), 2) + "T" + padded(Int(parts.tm_hour), 2) + ":"
      + padded(Int(parts.tm_min), 2) + ":" + padded(Int(parts.tm_sec), 2) + "."
      + padded(milliseconds, 3) + "Z"
  }

  public static func now() -> String { iso8601(Date()) }

  /// Parses ISO 8601 with or without fractional seconds, or a plain `YYYY-MM-DD` date.
  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withFullDate]
    return formatter.date(from: text)
  }
}
