import Foundation

/// Finds the first commit that breaks a check with `git bisect run`, in a scratch worktree
/// under the store folder so the user's working tree is never touched.
public struct Bisector {
  public let workspace: Workspace
  /// The `zof` executable the bisect script calls to run the check once per commit.
  public let executable: String

  public init(workspace: Workspace, executable: String) {
    self.workspace = workspace
    self.executable = executable
  }

  /// The outcome of a bisect.
  public struct Result: Sendable, Codable, Equatable {
    public var check: String
    public var good: String
    public var bad: String
    public var firstBad: String
    public var author: String
    public var authorEmail: String
    public var subject: String
    /// Commits git tested, from its log.
    public var steps: Int
  }

  /// Bisects `check` between `good` and `bad`; throws when git cannot find a first bad commit
  /// (for example when the check passes at `bad`).
  public func bisect(check: String, good: String, bad: String) throws -> Result {
    let git = Git(repositoryPath: workspace.repositoryPath)
    let goodCommit = try resolve(git, good, "--good")
    let badCommit = try resolve(git, bad, "--bad")
    let folder = (workspace.storeFolder as NSString)
      .appendingPathComponent("bisect/\(UUID().uuidString.prefix(8).lowercased())")
    try git.run(["worktree", "add", "--detach", folder, badCommit])
    defer {
      _ = try? git.run(["worktree", "remove", "--force", folder])
      _ = try? FileManager.default.removeItem(atPath: folder)
    }
    let scratch = Git(repositoryPath: folder)
    let script = try writeScript(check: check, root: folder)
    defer { try? FileManager.default.removeItem(atPath: script) }
    try scratch.run(["bisect", "start", badCommit, goodCommit])
    defer { _ = try? scratch.run(["bisect", "reset"]) }
    let output = try scratch.run(["bisect", "run", "/bin/sh", script])
    guard let firstBad = Self.firstBadCommit(in: output) else {
      throw OperationError("git bisect run", "no first bad commit found:\n\(output)")
    }
    let log = try scratch.run(["bisect", "log"])
    let details = try git.run(["show", "-s", "--format=%an%n%ae%n%s", firstBad])
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The log lists the start, then one `git bisect good` or `bad` line per tested commit.
    let steps = log.split(separator: "\n").filter {
      $0.hasPrefix("git bisect good") || $0.hasPrefix("git bisect bad")
    }.count
    return Result(check: check, good: goodCommit, bad: badCommit, firstBad: firstBad,
                  author: details.first ?? "", authorEmail: details.count > 1 ? details[1] : "",
                  subject: details.count > 2 ? details[2] : "", steps: steps)
  }

  private func resolve(_ git: Git, _ revision: String, _ option: String) throws -> String {
    do {
      return try git.resolve(revision)
    } catch {
      throw InputError("\(option) `\(revision)` is not a commit in \(workspace.repositoryPath)")
    }
  }

  /// The script `git bisect run` calls: runs the check once in the worktree. Its exit status
  /// follows git's convention: 0 good, 1 bad, 125 cannot test this commit.
  private func writeScript(check: String, root: String) throws -> String {
    let path = NSTemporaryDirectory() + "zof-bisect-\(UUID().uuidString).sh"
    let text = """
      #!/bin/sh
      exec \(ShellText.quote(executable)) --workspace \(ShellText.quote(workspace.root)) \
      check-exec \(ShellText.quote(check)) --root \(ShellText.quote(root))

      """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func firstBadCommit(in output: String) -> String? {
    for line in output.split(separator: "\n") where line.hasSuffix(" is the first bad commit") {
      return String(line.split(separator: " ").first ?? "")
    }
    return nil
  }
}
