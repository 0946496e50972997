import Foundation

/// Reads and writes proposals.
public struct ProposalStore: Sendable {
  public let database: Database

  /// The largest diff kept on a proposal and in approval evidence, in bytes.
  public static let maxDiffBytes = 200_000

  public init(database: Database) {
    self.database = database
  }

  /// Records a new proposal in state `proposed` and returns it.
  public func create(runID: Int64, checkRef: String, remediator: RemediatorSpec,
                     startedBy identity: Identity) throws -> Proposal {
    let now = Timestamp.now()
    try database.run("""
      INSERT INTO proposals (created_at, updated_at, run_id, check_ref, remediator, type, state,
        started_by, started_by_real)
      VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?)
      """, [now, now, runID, checkRef, remediator.name, remediator.kind.rawValue,
            identity.effective.id, identity.real.id])
    let id = database.lastInsertRowID
    return try proposal(id)!
  }

  /// Returns the proposal with `id`, or nil.
  public func proposal(_ id: Int64) throws -> Proposal? {
    try database.queryFirst("\(Self.columns) WHERE id = ?", [id], Self.record)
  }

  /// Returns the proposal whose approval request is `requestID`, or nil.
  public func proposal(requestID: String) throws -> Proposal? {
    try database.queryFirst("\(Self.columns) WHERE approval_request_id = ?", [requestID],
                            Self.record)
  }

  /// Returns up to `limit` proposals, newest first.
  public func list(limit: Int = 100) throws -> [Proposal] {
    try database.query("\(Self.columns) ORDER BY id DESC LIMIT ?", [limit], Self.record)
  }

  /// Returns the proposals in `state`, oldest first.
  public func list(state: ProposalState) throws -> [Proposal] {
    try database.query("\(Self.columns) WHERE state = ? ORDER BY id", [state.rawValue],
                       Self.record)
  }

  /// Writes every field of `proposal` back, stamping the update time.
  ///
  /// A proposal that another process marked `superseded` stays so: the process still
  /// working on it cannot bring it back by saving its own copy.
  public func save(_ proposal: Proposal) throws {
    try database.run("""
      UPDATE proposals SET updated_at = ?, state = ?, base_commit = ?, head_commit = ?,
        branch = ?, worktree = ?, diff_stat = ?, diff = ?, validation_run_id = ?,
        validation_status = ?, approval_request_id = ?, reason = ?, evidence = ?,
        patch_path = ?, summary_path = ?, handoff = ?
      WHERE id = ? AND state <> 'superseded'
      """, [Timestamp.now(), proposal.state.rawValue, proposal.baseCommit, proposal.headCommit,
            proposal.branch, proposal.worktree, proposal.diffStat, proposal.diff,
            proposal.validationRunID, proposal.validationStatus, proposal.approvalRequestID,
            proposal.reason, proposal.evidence, proposal.patchPath, proposal.summaryPath,
            proposal.handoff, proposal.id])
  }

  /// Marks open proposals for the same run and check as `superseded` by `newer`, and
  /// returns them. `ProposalService` withdraws their pending approval requests.
  public func supersede(before newer: Proposal) throws -> [Proposal] {
    let older = try database.query("""
      \(Self.columns) WHERE run_id = ? AND check_ref = ? AND id < ?
        AND state IN ('proposed', 'validating', 'validated')
      """, [newer.runID, newer.checkRef, newer.id], Self.record)
    for var proposal in older {
      proposal.state = .superseded
      proposal.reason = "superseded by proposal \(newer.id)"
      try save(proposal)
    }
    return older
  }

  static let columns = """
    SELECT id, created_at, updated_at, run_id, check_ref, remediator, type, state, started_by,
      started_by_real, base_commit, head_commit, branch, worktree, diff_stat, diff,
      validation_run_id, validation_status, approval_request_id, reason, evidence, patch_path,
      summary_path, handoff FROM proposals
    """

  static func record(_ row: Row) -> Proposal {
    Proposal(
      id: row.int64(0), createdAt: row.text(1), updatedAt: row.text(2), runID: row.int64(3),
      checkRef: row.text(4), remediator: row.text(5),
      type: RemediatorSpec.Kind(rawValue: row.text(6)) ?? .command,
      state: ProposalState(rawValue: row.text(7)) ?? .failedValidation,
      startedBy: row.text(8), startedByReal: row.text(9), baseCommit: row.optionalText(10),
      headCommit: row.optionalText(11), branch: row.optionalText(12),
      worktree: row.optionalText(13), diffStat: row.text(14), diff: row.text(15),
      validationRunID: row.isNull(16) ? nil : row.int64(16),
      validationStatus: row.optionalText(17), approvalRequestID: row.optionalText(18),
      reason: row.optionalText(19), evidence: row.text(20), patchPath: row.optionalText(21),
      summaryPath: row.optionalText(22), handoff: row.optionalText(23))
  }
}
