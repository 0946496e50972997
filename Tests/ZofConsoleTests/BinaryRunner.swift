import Foundation

/// Runs the built `zof` binary as a separate process, the way users and CI run it.
struct BinaryRunner {
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The `zof` binary beside the test bundle (both live in the build products folder),
  /// else the default debug build folder.
  static let binary: String = {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      products.appendingPathComponent("zof").path,
      products.deletingLastPathComponent().appendingPathComponent("zof").path,
      packageRoot + "/.build/debug/zof",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
      ?? candidates.last!
  }()

  /// Runs `zof ARGS` in `folder` with a clean environment plus `environment`.
  static func run(_ arguments: [String], in folder: String,
                  environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var base = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
                "LANG": "C.UTF-8"]
    base.merge(environment) { $1 }
    process.environment = base
    // Standard error goes to a file, so the two streams need no concurrent readers.
    let errorPath = NSTemporaryDirectory() + "zof-stderr-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorData = FileManager.default.contents(atPath: errorPath) ?? Data()
    return Result(status: process.terminationStatus,
                  output: String(decoding: outputData, as: UTF8.self),
                  errors: String(decoding: errorData, as: UTF8.self))
  }
}

/// A temporary folder removed when the value is released.
final class ScratchFolder {
  let path: String

  init(_ label: String = "zof-cli") {
    let base = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  @discardableResult
  func write(_ relative: String, _ text: String) -> String {
    let full = (path as NSString).appendingPathComponent(relative)
    try! FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! text.write(toFile: full, atomically: true, encoding: .utf8)
    return full
  }

  /// Writes a workspace with one fleet and one check whose shell script is `script`.
  func writeSingleCheckWorkspace(check: String, script: String, timeout: String = "10m") {
    write("zof.yaml", "catalog: [catalog.yaml]\n")
    write("catalog.yaml", """
      apiVersion: zof.dev/v1alpha1
      kind: Fleet
      metadata:
        name: local
      spec:
        concurrency: 1
      ---
      apiVersion: zof.dev/v1alpha1
      kind: Check
      metadata:
        name: \(check)
      spec:
        run: "\(script)"
        timeout: \(timeout)
      """)
  }

  /// Runs git in this folder and fails the caller on a non-zero exit.
  func git(_ arguments: String...) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", path, "-c", "user.email=dev@example.com",
                         "-c", "user.name=Dev", "-c", "commit.gpgsign=false"] + arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      throw CocoaError(.executableLoad, userInfo: ["git": arguments])
    }
  }
}
