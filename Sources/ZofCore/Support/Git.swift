import Foundation

/// Runs git in a repository and returns its standard output.
///
/// Git is a trusted tool here, so Foundation's Process is enough; checks use posix_spawn.
public struct Git: Sendable {
  public let repositoryPath: String

  public init(repositoryPath: String) {
    self.repositoryPath = repositoryPath
  }

  /// Runs `git -C REPO ARGS...`; throws with git's message when it exits non-zero.
  @discardableResult
  public func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", repositoryPath] + arguments
    if let environment {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw OperationError("git \(arguments.first ?? "")", "cannot start git: \(error)")
    }
    // Read both pipes before waiting, so a large output cannot fill a pipe and stall git.
    let errorData = ReadBox()
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) {
      errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    reading.wait()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errorData.data, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      throw OperationError("git \(arguments.joined(separator: " "))",
                           message.isEmpty ? "exit status \(process.terminationStatus)" : message)
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Paths changed between the merge base of `base` and `head`, as `git diff base...head`.
  public func changedPaths(base: String, head: String) throws -> [String] {
    try run(["diff", "--name-only", "--no-renames", "\(base)...\(head)"])
      .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// Resolves a revision to a full commit id.
  public func resolve(_ revision: String) throws -> String {
    try run(["rev-parse", "--verify", "\(revision)^{commit}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// Bytes handed back from the reader of standard error.
private final class ReadBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = Data()

  var data: Data {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
