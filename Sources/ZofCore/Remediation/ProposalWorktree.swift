import Foundation

/// A git worktree on branch `zof/fix/ID` under `<store folder>/worktrees/ID`, where a
/// remediator works without touching the user's working tree.
public struct ProposalWorktree: Sendable {
  /// The main repository.
  public let repository: Git
  public let path: String
  public let branch: String
  /// The folder, inside the worktree, that holds the failure evidence; never committed.
  public static let evidenceFolder = ".zof-evidence"

  public init(repository: Git, path: String, branch: String) {
    self.repository = repository
    self.path = path
    self.branch = branch
  }

  /// The branch name for proposal `id`.
  public static func branchName(proposalID id: Int64) -> String { "zof/fix/\(id)" }

  /// Creates the branch at `commit` and checks it out in a fresh worktree.
  public static func create(workspace: Workspace, proposalID id: Int64,
                            commit: String) throws -> ProposalWorktree {
    let repository = Git(repositoryPath: workspace.repositoryPath)
    let path = (workspace.storeFolder as NSString).appendingPathComponent("worktrees/\(id)")
    let branch = branchName(proposalID: id)
    if FileManager.default.fileExists(atPath: path) {
      throw OperationError("create worktree \(path)",
                           "the folder exists already; remove it or `git worktree prune`")
    }
    try repository.run(["worktree", "add", "-q", "-b", branch, path, commit])
    return ProposalWorktree(repository: repository, path: path, branch: branch)
  }

  var git: Git { Git(repositoryPath: path) }

  /// The environment that makes `actor` the author and committer of commits here.
  static func committer(_ actor: Actor) -> [String: String] {
    let name = actor.id
    let email = actor.id.replacingOccurrences(of: ":", with: "+")
      .replacingOccurrences(of: "/", with: ".") + "@zof.invalid"
    return ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
  }

  /// Reverts `commit` on the branch as `actor`.
  public func revert(_ commit: String, as actor: Actor) throws {
    try git.run(["-c", "commit.gpgsign=false", "revert", "--no-edit", commit],
                environment: Self.committer(actor))
  }

  /// Commits every change in the worktree except the evidence folder as `actor`; returns
  /// false when nothing changed.
  public func commitAll(message: String, as actor: Actor) throws -> Bool {
    try git.run(["add", "-A", "--", ".", ":(exclude)\(Self.evidenceFolder)"])
    let staged = try git.run(["diff", "--cached", "--name-only"])
    guard !staged.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return false }
    try git.run(["-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", message],
                environment: Self.committer(actor))
    return true
  }

  /// The branch's head commit.
  public func head() throws -> String { try git.resolve("HEAD") }

  /// Paths changed between `base` and the branch's head.
  public func changedPaths(from base: String) throws -> [String] {
    try git.run(["diff", "--name-only", "--no-renames", base, "HEAD"])
      .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// The diff stat and the full diff from `base`, the diff cut at `limit` bytes.
  public func diff(from base: String, limit: Int) throws -> (stat: String, text: String) {
    let stat = try git.run(["diff", "--stat", base, "HEAD"])
    var text = try git.run(["diff", base, "HEAD"])
    if text.utf8.count > limit {
      text = String(decoding: Array(text.utf8.prefix(limit)), as: UTF8.self)
        + "\n[diff cut at \(limit) bytes]\n"
    }
    return (stat, text)
  }

  /// Removes the worktree folder; the branch stays.
  public static func remove(path: String, repository: Git) {
    _ = try? repository.run(["worktree", "remove", "--force", path])
    try? FileManager.default.removeItem(atPath: path)
    _ = try? repository.run(["worktree", "prune"])
  }
}
