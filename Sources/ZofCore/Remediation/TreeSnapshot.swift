import Foundation

/// The state of the user's working tree: its head commit, and each changed or untracked
/// path with a digest of its content. Comparing two snapshots shows whether something
/// edited the tree in between.
///
/// NOTE: ignored files are not part of the snapshot, so a write to an ignored path (for
/// example under the store folder) goes unnoticed.
struct TreeSnapshot: Equatable {
  var head: String
  /// Digest of each path `git status` lists, by path.
  var entries: [String: String]

  /// Takes the snapshot of the repository at `git`, leaving out paths under `excluded`
  /// (relative to the repository root).
  static func take(_ git: Git, excluding excluded: [String]) throws -> TreeSnapshot {
    let head = (try? git.resolve("HEAD")) ?? ""
    let status = try git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all",
                              "--no-renames"])
    var entries: [String: String] = [:]
    for record in status.split(separator: "\0") where record.count > 3 {
      let code = String(record.prefix(2))
      let path = String(record.dropFirst(3))
      if excluded.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
      let full = (git.repositoryPath as NSString).appendingPathComponent(path)
      let digest = FileManager.default.contents(atPath: full).map { SHA256.hex([UInt8]($0)) }
      entries[path] = code + " " + (digest ?? "absent")
    }
    return TreeSnapshot(head: head, entries: entries)
  }

  /// The paths whose state differs between `self` and `later`, and a note when the head
  /// moved.
  func changes(to later: TreeSnapshot) -> [String] {
    var changed = Set(entries.keys).symmetricDifference(later.entries.keys)
    for (path, digest) in entries where later.entries[path] != nil
      && later.entries[path] != digest
    {
      changed.insert(path)
    }
    var result = changed.sorted()
    if head != later.head { result.insert("HEAD moved from \(head) to \(later.head)", at: 0) }
    return result
  }
}
