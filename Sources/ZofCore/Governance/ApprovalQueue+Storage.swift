import Foundation

extension ApprovalQueue {
  private static let requestColumns = """
    id, kind, subject, requester, proposer, change_authors, affected, owners, environment,
    evidence, created_at, expires_at, status, decided_at
    """

  /// Returns request `id`, or nil when there is none.
  public func request(id: String) throws -> ApprovalRequest? {
    try audit.database.queryFirst(
      "SELECT \(Self.requestColumns) FROM approval_requests WHERE id = ?", [id],
      Self.decodeRequest)
  }

  /// Returns requests, newest first, optionally only those with `status`.
  public func requests(status: ApprovalStatus? = nil) throws -> [ApprovalRequest] {
    let filter = status == nil ? "" : "WHERE status = ?"
    let values: [SQLBindable] = status.map { [$0.rawValue] } ?? []
    return try audit.database.query(
      "SELECT \(Self.requestColumns) FROM approval_requests \(filter) "
        + "ORDER BY created_at DESC, id", values, Self.decodeRequest)
  }

  /// Returns the votes on request `id` in the order they were cast.
  public func votes(requestID id: String) throws -> [ApprovalVote] {
    try audit.database.query(
      "SELECT request_id, voter, real_actor, vote, time, comment, audit_seq "
        + "FROM approval_votes WHERE request_id = ? ORDER BY audit_seq", [id]
    ) { row in
      ApprovalVote(
        requestID: row.text(0), voter: row.text(1), realActor: row.text(2),
        choice: ApprovalVote.Choice(rawValue: row.text(3)) ?? .reject, time: row.text(4),
        comment: row.optionalText(5), auditSeq: row.int64(6))
    }
  }

  func insert(_ request: ApprovalRequest) throws {
    try audit.database.run(
      "INSERT INTO approval_requests (\(Self.requestColumns)) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [request.id, request.kind.rawValue, request.subject, request.requester,
       request.proposer, Self.encodeList(request.changeAuthors), Self.encodeList(request.affected),
       Self.encodeList(request.owners), request.environment, request.evidence, request.created,
       request.expires, request.status.rawValue, request.decided])
  }

  func insertVote(_ choice: ApprovalVote.Choice, on id: String, by identity: Identity,
                  comment: String?, auditSeq: Int64, at time: Date) throws {
    try audit.database.run(
      "INSERT INTO approval_votes (request_id, voter, real_actor, vote, time, comment, "
        + "audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [id, identity.effective.id, identity.real.id, choice.rawValue, Timestamp.iso8601(time),
       comment, auditSeq])
  }

  func setStatus(_ status: ApprovalStatus, of id: String, at time: Date) throws {
    try audit.database.run(
      "UPDATE approval_requests SET status = ?, decided_at = ? WHERE id = ?",
      [status.rawValue, Timestamp.iso8601(time), id])
  }

  private static func encodeList(_ items: [String]) -> String {
    CanonicalJSON.encode(.strings(items))
  }

  private static func decodeList(_ text: String) -> [String] {
    let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
    return object as? [String] ?? []
  }

  private static func decodeRequest(_ row: Row) -> ApprovalRequest {
    ApprovalRequest(
      id: row.text(0), kind: ApprovalKind(rawValue: row.text(1)) ?? .remediation,
      subject: row.text(2), requester: row.text(3), proposer: row.text(4),
      changeAuthors: decodeList(row.text(5)), affected: decodeList(row.text(6)),
      owners: decodeList(row.text(7)), environment: row.optionalText(8), evidence: row.text(9),
      created: row.text(10), expires: row.text(11),
      status: ApprovalStatus(rawValue: row.text(12)) ?? .pending,
      decided: row.optionalText(13))
  }
}
