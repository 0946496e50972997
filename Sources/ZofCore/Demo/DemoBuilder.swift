import Foundation

/// Makes a scratch workspace from the shipped sample: copies `sample-data/payments`, turns
/// it into a git repository, and replays `sample-data/history` as commits, the last of
/// which breaks partial refunds.
public struct DemoBuilder {
  /// The `sample-data` folder.
  public let sampleData: String

  public init(sampleData: String) {
    self.sampleData = sampleData
  }

  public var sampleWorkspace: String { (sampleData as NSString).appendingPathComponent("payments") }

  /// One commit of the demo history.
  public struct Step: Sendable {
    public var folder: String
    public var author: String
    public var message: String
  }

  /// Builds the workspace in `folder`, which must be empty or absent; returns the commits.
  @discardableResult
  public func build(into folder: String) throws -> [String] {
    let manager = FileManager.default
    if manager.fileExists(atPath: folder) {
      let contents = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
      guard contents.isEmpty else {
        throw InputError("\(folder) is not empty",
                         hint: "give `zof demo` a new or empty folder")
      }
    }
    guard manager.fileExists(atPath: sampleWorkspace) else {
      throw InputError("sample data not found at \(sampleWorkspace)",
                       hint: "set ZOF_HOME to the folder that contains sample-data/")
    }
    try copyContents(of: sampleWorkspace, to: folder)
    let git = Git(repositoryPath: folder)
    try git.run(["init", "-q", "-b", "main"])
    let bob = ["GIT_AUTHOR_NAME": "Bob", "GIT_AUTHOR_EMAIL": "bob@example.com"]
    var commits = [try commit(git, message: "Add the payments system", author: bob)]
    for step in try steps() {
      try copyContents(of: step.folder, to: folder, skipping: ["COMMIT"])
      commits.append(try commit(git, message: step.message, author: Self.identity(step.author)))
    }
    return commits
  }

  /// Returns the history steps in name order.
  public func steps() throws -> [Step] {
    let history = (sampleData as NSString).appendingPathComponent("history")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: history)) ?? []
    return try names.sorted().compactMap { name in
      let folder = (history as NSString).appendingPathComponent(name)
      let commitFile = (folder as NSString).appendingPathComponent("COMMIT")
      guard let data = FileManager.default.contents(atPath: commitFile) else { return nil }
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n",
                                                              omittingEmptySubsequences: false)
      guard let author = lines.first, lines.count > 1 else {
        throw InputError("\(commitFile) needs an author line and a message")
      }
      let message = lines.dropFirst().joined(separator: "\n")
        .trimmingCharacters(in: .whitespacesAndNewlines)
      return Step(folder: folder, author: String(author), message: message)
    }
  }

  /// Splits `Name <email>` into git's author variables.
  static func identity(_ author: String) -> [String: String] {
    let parts = author.split(separator: "<", maxSplits: 1)
    let name = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? author
    var email = parts.count > 1 ? String(parts[1]) : ""
    if email.hasSuffix(">") { email.removeLast() }
    return ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email]
  }

  private func commit(_ git: Git, message: String, author: [String: String]) throws -> String {
    // The committer is fixed too, so the demo does not depend on the user's git settings.
    var environment = author
    environment["GIT_COMMITTER_NAME"] = "Zof demo"
    environment["GIT_COMMITTER_EMAIL"] = "demo@zof.invalid"
    try git.run(["add", "-A"], environment: environment)
    try git.run(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message],
                environment: environment)
    return try git.resolve("HEAD")
  }

  private func copyContents(of source: String, to destination: String,
                            skipping: Set<String> = []) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
    guard let enumerator = manager.enumerator(atPath: source) else { return }
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if skipping.contains(relative) || name == ".zof" || name == "__pycache__"
        || name == "reports"
      {
        enumerator.skipDescendants()
        continue
      }
      let from = (source as NSString).appendingPathComponent(relative)
      let to = (destination as NSString).appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      _ = manager.fileExists(atPath: from, isDirectory: &isFolder)
      if isFolder.boolValue {
        try manager.createDirectory(atPath: to, withIntermediateDirectories: true)
      } else {
        if manager.fileExists(atPath: to) { try manager.removeItem(atPath: to) }
        try manager.copyItem(atPath: from, toPath: to)
      }
    }
  }
}
