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
    let revisions = last.map { ["\($0)..\(commit)"] } ?? [commit]
    let authors = ChangeAuthors(graph: try session.graph)
      .actors(for: try ChangeAuthors.authors(git, revisions: revisions))
    let draft = ApprovalDraft(
      kind: .release, subject: subject, proposer: session.identity.effective,
      changeAuthors: authors, environment: environment,
      evidence: ["ref": .string(ref), "commit": .string(commit),
                 "since": last.map { .string($0) } ?? .null])
    return try queue.create(draft, requester: session.identity)
  }
}
