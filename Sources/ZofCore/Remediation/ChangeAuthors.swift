import Foundation

/// Maps the git authors of the commits under repair to catalog users, for the
/// separation-of-duties rule that keeps an author from approving the fix of their change.
///
/// An author maps to the User entity whose `spec.profile.email` equals the commit's author
/// email, ignoring case. Without one, it maps to the User whose name equals the email's
/// local part or the lowercased author name. Without that either, it maps to
/// `user:default/<email local part>`, so an author missing from the catalog is still named.
public struct ChangeAuthors: Sendable {
  public let graph: SystemGraph

  public init(graph: SystemGraph) {
    self.graph = graph
  }

  /// One commit author as git recorded it.
  public struct Author: Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
      self.name = name
      self.email = email
    }
  }

  /// Returns the authors of the commits in `base..bad`, or of `bad` alone when `base` is nil.
  public static func authors(_ git: Git, base: String?, bad: String) throws -> [Author] {
    try authors(git, revisions: base.map { ["\($0)..\(bad)"] } ?? ["-1", bad])
  }

  /// Returns the distinct authors of the commits `git log REVISIONS` lists, in log order.
  public static func authors(_ git: Git, revisions: [String]) throws -> [Author] {
    let log = try git.run(["log", "--format=%an%x09%ae"] + revisions)
    var seen: Set<Author> = []
    var authors: [Author] = []
    for line in log.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let author = Author(name: String(parts[0]), email: parts.count > 1 ? String(parts[1]) : "")
      if seen.insert(author).inserted { authors.append(author) }
    }
    return authors
  }

  /// Returns the actor for `author`, following the mapping described on the type.
  public func actor(for author: Author) -> Actor {
    let users = graph.ids(ofKind: "user").map { graph[$0] }
    let email = author.email.lowercased()
    if !email.isEmpty, let user = users.first(where: {
      $0.spec?["profile"]?["email"]?.string?.lowercased() == email
    }) {
      return .user(user.name, namespace: user.namespace)
    }
    let local = email.split(separator: "@").first.map(String.init) ?? ""
    let candidates = [local, author.name.lowercased()].filter { !$0.isEmpty }
    if let user = users.first(where: { candidates.contains($0.name.lowercased()) }) {
      return .user(user.name, namespace: user.namespace)
    }
    return .user(local.isEmpty ? author.name.lowercased() : local)
  }

  /// Returns the distinct actors for `authors`, in order.
  public func actors(for authors: [Author]) -> [Actor] {
    var seen: Set<Actor> = []
    return authors.map(actor(for:)).filter { seen.insert($0).inserted }
  }

  /// Returns the owners (`spec.owner`) of `entities`, distinct and sorted.
  public func owners(of entities: [EntityRef]) -> [EntityRef] {
    var owners: Set<EntityRef> = []
    for ref in entities {
      guard let id = graph.id(of: ref) else { continue }
      for (type, target) in graph.relations(from: id) where type == .ownedBy {
        owners.insert(graph[target].ref)
      }
    }
    return owners.sorted { $0.description < $1.description }
  }

  /// Returns the entities a check covers, as resolved in the graph.
  public func covered(by checkRef: String) -> [EntityRef] {
    guard let id = graph.find(checkRef) else { return [] }
    return graph.relations(from: id).filter { $0.0 == .covers }.map { graph[$0.1].ref }
  }
}
