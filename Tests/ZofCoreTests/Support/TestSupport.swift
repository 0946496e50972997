import Foundation
import Testing
@testable import ZofCore

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
  let path: String

  init(_ label: String = "zof") {
    let base = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = CatalogLoader.canonicalPath(base)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `text` to `relative`, creating folders, and returns the absolute path.
  @discardableResult
  func write(_ relative: String, _ text: String) -> String {
    let full = (path as NSString).appendingPathComponent(relative)
    let folder = (full as NSString).deletingLastPathComponent
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try! text.write(toFile: full, atomically: true, encoding: .utf8)
    return full
  }

  func file(_ relative: String) -> String {
    (path as NSString).appendingPathComponent(relative)
  }
}

/// The shared corpus of real public files, from `ZOF_CORPUS` or `../shared/corpus` beside
/// the package; nil when it is absent, so tests that need it skip.
enum Corpus {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let path: String? = {
    let configured = ProcessInfo.processInfo.environment["ZOF_CORPUS"]
    let candidate = configured ?? (packageRoot as NSString)
      .appendingPathComponent("../shared/corpus")
    let standardized = Workspace.absolute(candidate, relativeTo: packageRoot)
    guard FileManager.default.fileExists(atPath: standardized) else {
      print("corpus not found at \(standardized); tests that read it are skipped "
              + "(set ZOF_CORPUS to its folder)")
      return nil
    }
    return standardized
  }()

  static var available: Bool { path != nil }

  static func file(_ relative: String) -> String {
    ((path ?? "") as NSString).appendingPathComponent(relative)
  }

  static let fixtures: String = (packageRoot as NSString)
    .appendingPathComponent("Tests/ZofCoreTests/Fixtures")
}

/// A real git repository in a temporary folder.
struct GitRepository {
  let folder: TemporaryFolder
  let git: Git

  init() throws {
    folder = TemporaryFolder("repo")
    git = Git(repositoryPath: folder.path)
    try git.run(["init", "-q", "-b", "main"])
    try git.run(["config", "user.email", "dev@example.com"])
    try git.run(["config", "user.name", "Dev"])
    try git.run(["config", "commit.gpgsign", "false"])
  }

  /// Writes the files and commits them; returns the new commit id.
  @discardableResult
  func commit(_ files: [String: String], message: String) throws -> String {
    for (path, text) in files { folder.write(path, text) }
    try git.run(["add", "-A"])
    try git.run(["commit", "-q", "-m", message])
    return try git.resolve("HEAD")
  }
}

/// Builds a catalog from YAML text without touching the store.
func resolveCatalog(_ files: [String: String], entries: [String] = ["."],
                    strict: Bool = false, in folder: TemporaryFolder = TemporaryFolder())
  throws -> ResolvedCatalog
{
  for (path, text) in files { folder.write(path, text) }
  let contents = try CatalogLoader(baseFolder: folder.path).load(entries)
  return try CatalogResolver(strict: strict, repositoryPath: folder.path).resolve(contents)
}
