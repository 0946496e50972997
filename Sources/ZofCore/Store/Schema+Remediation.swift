extension Schema {
  /// Remediation proposals, the quarantines approved from them, and the mark on a run's
  /// check that a quarantine excused its failure.
  ///
  /// A proposal's `state` moves from `proposed` through `validating` to `validated` or
  /// `failed-validation`, and a validated one ends as `approved`, `rejected` or `expired`
  /// after its approval request is decided. A newer proposal for the same run and check
  /// marks older open ones `superseded`.
  static let remediationMigration = Migration(version: 4, name: "remediation", sql: """
    CREATE TABLE proposals (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      run_id INTEGER NOT NULL,
      check_ref TEXT NOT NULL,
      remediator TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('revert', 'quarantine', 'command')),
      state TEXT NOT NULL CHECK (state IN ('proposed', 'validating', 'validated',
        'failed-validation', 'approved', 'rejected', 'expired', 'superseded')),
      started_by TEXT NOT NULL,
      started_by_real TEXT NOT NULL,
      base_commit TEXT,
      head_commit TEXT,
      branch TEXT,
      worktree TEXT,
      diff_stat TEXT NOT NULL DEFAULT '',
      diff TEXT NOT NULL DEFAULT '',
      validation_run_id INTEGER,
      validation_status TEXT,
      approval_request_id TEXT,
      reason TEXT,
      evidence TEXT NOT NULL DEFAULT '{}',
      patch_path TEXT,
      summary_path TEXT,
      handoff TEXT
    ) STRICT;
    CREATE INDEX proposals_by_failure ON proposals(run_id, check_ref);
    CREATE INDEX proposals_by_request ON proposals(approval_request_id);
    CREATE TABLE quarantines (
      id INTEGER PRIMARY KEY,
      check_ref TEXT NOT NULL,
      proposal_id INTEGER NOT NULL REFERENCES proposals(id),
      approval_request_id TEXT,
      started_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      lifted_at TEXT,
      lifted_by TEXT
    ) STRICT;
    CREATE INDEX quarantines_by_check ON quarantines(check_ref, expires_at);
    ALTER TABLE run_checks ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0;
    """)
}
