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

  /// Creates an empty folder under the system temporary folder. The folder is removed when
  /// the test process exits, because tests use the path after their last mention of it.
  static func scratch(_ name: String = #function) throws -> String {
    let base = NSTemporaryDirectory() + "zof-exec-tests"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    let safe = name.filter { $0.isLetter || $0.isNumber }
    var template = Array("\(base)/\(safe)-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
                      as: UTF8.self)
    ScratchRegistry.shared.add(path)
    return path
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

/// The scratch folders of this test process, removed by an exit handler.
final class ScratchRegistry: @unchecked Sendable {
  static let shared: ScratchRegistry = {
    atexit { ScratchRegistry.shared.removeAll() }
    return ScratchRegistry()
  }()

  private let lock = NSLock()
  private var paths: [String] = []

  func add(_ path: String) {
    lock.withLock { paths.append(path) }
  }

  func removeAll() {
    for path in lock.withLock({ paths }) {
      try? FileManager.default.removeItem(atPath: path)
    }
  }
}
