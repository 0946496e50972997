import Foundation
import ZofCore

/// What a command's action receives: the parsed arguments and lazily opened workspace state.
final class Invocation: @unchecked Sendable {
  let arguments: ParsedArguments
  let environment: [String: String]
  let currentDirectory: String
  private var cachedWorkspace: Workspace?
  private var cachedStore: Store?
  private var cachedLogger: Logger?

  init(arguments: ParsedArguments, environment: [String: String], currentDirectory: String) {
    self.arguments = arguments
    self.environment = environment
    self.currentDirectory = currentDirectory
  }

  /// The workspace from `--workspace`, `ZOF_WORKSPACE` or the folders above.
  func workspace() throws -> Workspace {
    if let cachedWorkspace { return cachedWorkspace }
    let workspace = try Workspace.discover(explicit: arguments.global.workspace,
                                           environment: environment,
                                           currentDirectory: currentDirectory)
    cachedWorkspace = workspace
    return workspace
  }

  /// The store, opened and migrated. Opening it also marks runs whose process died as
  /// interrupted, so a killed run is never shown as still running.
  func store() throws -> Store {
    if let cachedStore { return cachedStore }
    let store = try Store(path: try workspace().storePath)
    cachedStore = store
    let interrupted = try store.runs.markStaleRunsInterrupted(staleAfter: Self.staleAfter)
    for id in interrupted {
      logger().warning("run.interrupted", [("run", id), ("reason", "runner process is gone")])
    }
    return store
  }

  /// Seconds without a heartbeat before a run whose process is gone counts as interrupted.
  static let staleAfter: Double = 10

  /// The acting user as an entity ref, `user:default/LOGIN`.
  func actorRef() throws -> String {
    let login = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown"
    return "user:default/\(login.lowercased())"
  }

  /// The log file beside the store; a disabled logger when no workspace is found.
  func logger() -> Logger {
    if let cachedLogger { return cachedLogger }
    let logger: Logger
    if let workspace = try? workspace() {
      logger = Logger.open(path: workspace.logPath, level: arguments.global.logLevel)
    } else {
      logger = .disabled
    }
    cachedLogger = logger
    return logger
  }

  func graphService() throws -> GraphService {
    GraphService(workspace: try workspace(), store: try store(), logger: logger())
  }

  var json: Bool { arguments.flag("--json") }
}

/// Writing to standard output and standard error without Foundation's buffering surprises.
enum Console {
  static func out(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Prints `value` as pretty JSON with sorted keys.
  static func json(_ value: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: value,
                                          options: [.prettyPrinted, .sortedKeys,
                                                    .withoutEscapingSlashes])
    out(String(decoding: data, as: UTF8.self))
  }

  /// Prints an Encodable value as pretty JSON with sorted keys.
  static func json<T: Encodable>(encodable value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    out(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Whether standard output is a terminal, for live progress lines.
  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
