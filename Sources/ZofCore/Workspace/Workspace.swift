import Foundation

/// A folder with a `zof.yaml`, its settings, and the absolute paths they resolve to.
public struct Workspace: Sendable {
  public static let fileName = "zof.yaml"

  /// Absolute path of the workspace folder.
  public let root: String
  public let config: WorkspaceConfig

  public init(root: String, config: WorkspaceConfig) {
    self.root = Workspace.standardize(root)
    self.config = config
  }

  /// Loads the workspace whose `zof.yaml` is in `root` (relative to the current folder
  /// unless absolute).
  public static func load(root given: String) throws -> Workspace {
    let root = absolute(given, relativeTo: FileManager.default.currentDirectoryPath)
    let path = (root as NSString).appendingPathComponent(fileName)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError("no \(fileName) in \(root)",
                       hint: "run `zof init \(root)` to create one, or pass --workspace DIR")
    }
    let text = String(decoding: data, as: UTF8.self)
    return Workspace(root: root, config: try WorkspaceConfig.parse(text, file: path))
  }

  /// Finds the workspace from an explicit folder, else `ZOF_WORKSPACE`, else the nearest
  /// folder upward from `currentDirectory` that contains `zof.yaml`.
  public static func discover(explicit: String?, environment: [String: String],
                              currentDirectory: String) throws -> Workspace {
    if let explicit {
      return try load(root: absolute(explicit, relativeTo: currentDirectory))
    }
    if let fromEnvironment = environment["ZOF_WORKSPACE"], !fromEnvironment.isEmpty {
      return try load(root: absolute(fromEnvironment, relativeTo: currentDirectory))
    }
    var folder = standardize(currentDirectory)
    while true {
      let candidate = (folder as NSString).appendingPathComponent(fileName)
      if FileManager.default.fileExists(atPath: candidate) { return try load(root: folder) }
      let parent = (folder as NSString).deletingLastPathComponent
      if parent == folder || parent.isEmpty { break }
      folder = parent
    }
    throw InputError(
      "no \(fileName) found in \(currentDirectory) or any folder above it",
      hint: "run `zof init` to create a workspace here, or pass --workspace DIR")
  }

  public var repositoryPath: String { Workspace.absolute(config.repository, relativeTo: root) }

  public var storePath: String { Workspace.absolute(config.store, relativeTo: root) }

  /// The folder that holds the store, its log file and proposal worktrees.
  public var storeFolder: String { (storePath as NSString).deletingLastPathComponent }

  public var logPath: String { (storeFolder as NSString).appendingPathComponent("zof.log") }

  /// Resolves `path` against `base` unless it is absolute, and removes `.` and `..`.
  /// A relative `base` is itself taken relative to the current folder.
  public static func absolute(_ path: String, relativeTo base: String) -> String {
    var joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
    if !joined.hasPrefix("/") {
      joined = (FileManager.default.currentDirectoryPath as NSString)
        .appendingPathComponent(joined)
    }
    return standardize(joined)
  }

  static func standardize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Returns `path` relative to `base` when it lies inside it, otherwise nil.
  public static func relative(_ path: String, to base: String) -> String? {
    let path = standardize(path)
    let base = standardize(base)
    if path == base { return "" }
    let prefix = base == "/" ? "/" : base + "/"
    guard path.hasPrefix(prefix) else { return nil }
    return String(path.dropFirst(prefix.count))
  }
}
