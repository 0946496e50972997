import Foundation
import ZofCore

/// The input of a command's action: the parsed arguments and lazily opened workspace state.
final class Invocation: @unchecked Sendable {
  let arguments: ParsedArguments
  let environment: [String: String]
  let currentDirectory: String
  private var cachedWorkspace: Workspace?
  private var cachedSession: WorkspaceSession?
  private var cachedLogger: Logger?

  init(arguments: ParsedArguments, environment: [String: String], currentDirectory: String) {
    self.arguments = arguments
    self.environment = environment
    self.currentDirectory = currentDirectory
  }

  /// An invocation over a session that is already open, so a front end that keeps one
  /// (the console) runs commands as the same identity on the same connection.
  convenience init(arguments: ParsedArguments, session: WorkspaceSession,
                   currentDirectory: String) {
    self.init(arguments: arguments, environment: [:], currentDirectory: currentDirectory)
    cachedWorkspace = session.workspace
    cachedSession = session
    cachedLogger = session.logger
  }

  /// Returns the workspace from `--workspace`, `ZOF_WORKSPACE` or the folders above.
  func workspace() throws -> Workspace {
    if let cachedWorkspace { return cachedWorkspace }
    let workspace = try Workspace.discover(explicit: arguments.global.workspace,
                                           environment: environment,
                                           currentDirectory: currentDirectory)
    cachedWorkspace = workspace
    return workspace
  }

  /// Returns the session (store, graph, policy and identity), opened once per command. Opening it
  /// recovers runs whose process died and imports the catalog when it changed.
  func session(importingChanges: Bool = true) throws -> WorkspaceSession {
    if let cachedSession { return cachedSession }
    let session = try WorkspaceSession(workspace: try workspace(),
                                       actingAs: arguments.global.actingAs, logger: logger(),
                                       importingChanges: importingChanges)
    for notice in session.notices { Console.error("zof: warning: \(notice)") }
    cachedSession = session
    return session
  }

  func store() throws -> Store { try session().store }

  /// Returns the logger for `zof.log` beside the store, or a disabled logger when no
  /// workspace is found.
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

  /// Returns the current graph and its snapshot.
  func graph() throws -> GraphService.Loaded { try session().loaded }

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
