/// Maps the authors of git commits to catalog users, for separation of duties.
///
/// An author is the User whose `spec.profile.email` equals the commit's author email, else
/// the User whose name equals the email's local part or the author name (lowercased, spaces
/// as `-`). An author with no User becomes `user:default/<local part of the email>`, so a
/// person outside the catalog is still kept from approving their own change.
public struct CommitAuthors {
  public let graph: SystemGraph

  public init(graph: SystemGraph) {
    self.graph = graph
  }

  /// The distinct authors of the commits in `range` (a `git log` revision range).
  public func authors(in range: String, git: Git) throws -> [Actor] {
    let log = try git.run(["log", "--format=%an%x09%ae", range])
    var seen: Set<String> = []
    var actors: [Actor] = []
    for line in log.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let actor = self.actor(name: fields.first ?? "", email: fields.count > 1 ? fields[1] : "")
      if seen.insert(actor.id).inserted { actors.append(actor) }
    }
    return actors
  }

  public func actor(name: String, email: String) -> Actor {
    let users = graph.ids(ofKind: "user").map { graph[$0] }
    let lowerEmail = email.lowercased()
    if let user = users.first(where: {
      $0.spec?["profile"]?["email"]?.string?.lowercased() == lowerEmail && !lowerEmail.isEmpty
    }) {
      return .user(user.name, namespace: user.namespace)
    }
    let local = lowerEmail.split(separator: "@").first.map(String.init) ?? ""
    let slug = name.lowercased().split(separator: " ").joined(separator: "-")
    for candidate in [local, slug] where !candidate.isEmpty {
      if let user = users.first(where: { $0.name.lowercased() == candidate }) {
        return .user(user.name, namespace: user.namespace)
      }
    }
    return .user(local.isEmpty ? (slug.isEmpty ? "unknown" : slug) : local)
  }
}
