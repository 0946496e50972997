import Glibc

/// One command to start: the program, its arguments, where and with what environment.
public struct ProcessCommand: Sendable, Equatable {
  /// The program, an absolute path or a name looked up in the `PATH` of `environment`.
  public var executable: String
  /// Arguments after the program name; argv[0] is `executable`.
  public var arguments: [String]
  /// The directory the child starts in.
  public var workingDirectory: String
  /// The child's complete environment; nothing of the caller's environment is added.
  public var environment: [String: String]

  public init(executable: String, arguments: [String] = [], workingDirectory: String,
              environment: [String: String]) {
    self.executable = executable
    self.arguments = arguments
    self.workingDirectory = workingDirectory
    self.environment = environment
  }

  /// A command that runs `script` with `/bin/sh -c`.
  public static func shell(_ script: String, workingDirectory: String,
                           environment: [String: String]) -> ProcessCommand {
    ProcessCommand(executable: "/bin/sh", arguments: ["-c", script],
                   workingDirectory: workingDirectory, environment: environment)
  }

  /// Returns the path to execute: `executable` when it contains a slash, otherwise the first
  /// executable file of that name in the `PATH` of `environment`.
  func resolvedExecutable() -> String? {
    if executable.contains("/") { return executable }
    let searchPath = environment["PATH"] ?? "/usr/bin:/bin"
    for folder in searchPath.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(executable)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }
}
