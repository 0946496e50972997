import Foundation

/// The approval requests that carry release sign-offs: one per commit and environment.
public struct ReleaseRequests {
  public let session: WorkspaceSession

  public init(session: WorkspaceSession) {
    self.session = session
  }

  /// The pending or decided request for releasing `ref` to `environment`, created with the
  /// authors of the commits since the last ready ref as change authors when none exists.
  public func request(ref: String, environment: String) throws -> ApprovalRequest {
    let git = Git(repositoryPath: session.workspace.repositoryPath)
    let commit: String
    do {
      commit = try git.resolve(ref)
    } catch {
      throw InputError("--ref `\(ref)` is not a commit in \(session.workspace.repositoryPath)")
    }
    let subject = ReadinessEvaluator.releaseSubject(environment: environment, commit: commit)
    let queue = session.approvals
    _ = try queue.expireOverdue()
    if let open = try queue.requests().last(where: {
      $0.subject == subject && ($0.status == .pending || $0.status == .approved)
    }) {
      return open
    }
    let evaluator = ReadinessEvaluator(session: session)
    let last = try evaluator.lastReady(environment: environment, before: commit, git: git)
    // Without an earlier ready ref, every commit up to this one counts.
    let authorsGit = try ChangeAuthors.authors(git, base: last, bad: commit)
    let everyCommit = last == nil ? try Self.allAuthors(git, commit) : authorsGit
    let authors = ChangeAuthors(graph: session.graph).actors(for: everyCommit)
    let draft = ApprovalDraft(
      kind: .release, subject: subject, proposer: session.identity.effective,
      changeAuthors: authors, environment: environment,
      evidence: ["ref": .string(ref), "commit": .string(commit),
                 "since": last.map { .string($0) } ?? .null])
    return try queue.create(draft, requester: session.identity)
  }

  static func allAuthors(_ git: Git, _ commit: String) throws -> [ChangeAuthors.Author] {
    var seen: Set<ChangeAuthors.Author> = []
    var authors: [ChangeAuthors.Author] = []
    for line in try git.run(["log", "--format=%an%x09%ae", commit]).split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      let author = ChangeAuthors.Author(name: String(parts[0]),
                                        email: parts.count > 1 ? String(parts[1]) : "")
      if seen.insert(author).inserted { authors.append(author) }
    }
    return authors
  }
}
