import Foundation
import Glibc

/// Paths and scratch folders shared by the execution tests.
enum TestPaths {
  /// The package root, two folders above this file's folder.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let fixtures = "\(packageRoot)/Tests/ZofCoreTests/Fixtures"

  /// The shared corpus of real reports: `ZOF_CORPUS`, else `../shared/corpus` beside the
  /// package root.
  static let corpus: String = {
    if let path = ProcessInfo.processInfo.environment["ZOF_CORPUS"], !path.isEmpty {
      return path
    }
    return URL(fileURLWithPath: "\(packageRoot)/../shared/corpus").standardized.path
  }()

  /// The ZofBench executable built beside the test bundle, when there is one.
  static let benchBinary: String? = {
    let folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
    var candidates = [Bundle.main.bundleURL.deletingLastPathComponent()]
    candidates.append(folder.deletingLastPathComponent())
    candidates.append(URL(fileURLWithPath: "\(TestPaths.packageRoot)/.build/debug"))
    return candidates.map { $0.appendingPathComponent("ZofBench").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static var corpusAvailable: Bool {
    FileManager.default.fileExists(atPath: "\(corpus)/junit")
  }

  /// Creates an empty folder under the system temporary folder.
  static func scratch(_ name: String = #function) throws -> String {
    let base = NSTemporaryDirectory() + "zof-exec-tests"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let safe = name.filter { $0.isLetter || $0.isNumber }
    var template = Array("\(base)/\(safe)-XXXXXX".utf8CString)
    guard let result = mkdtemp(&template) else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    return String(cString: result)
  }

  static func write(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Returns whether a process with `pid` still exists and is not a zombie.
  static func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }
}
