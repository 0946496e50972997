extension Schema {
  /// The audit chain, approval requests and their votes.
  ///
  /// `audit_events` is append-only: triggers abort every UPDATE and DELETE, and `AuditLog`
  /// assigns `seq` itself because the sequence number is part of each event's hash.
  static let governanceMigration = Migration(version: 2, name: "governance", sql: """
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY,
      time TEXT NOT NULL,
      actor TEXT NOT NULL,
      assumed_actor TEXT,
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('allowed', 'denied', 'recorded')),
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_events_by_actor ON audit_events(actor);
    CREATE INDEX audit_events_by_assumed_actor ON audit_events(assumed_actor)
      WHERE assumed_actor IS NOT NULL;
    CREATE INDEX audit_events_by_action ON audit_events(action);
    CREATE INDEX audit_events_by_subject ON audit_events(subject);
    CREATE TRIGGER audit_events_reject_update BEFORE UPDATE ON audit_events
    BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE is rejected');
    END;
    CREATE TRIGGER audit_events_reject_delete BEFORE DELETE ON audit_events
    BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only: DELETE is rejected');
    END;

    CREATE TABLE approval_requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('remediation', 'quarantine', 'release')),
      subject TEXT NOT NULL,
      requester TEXT NOT NULL,
      proposer TEXT NOT NULL,
      change_authors TEXT NOT NULL,
      affected TEXT NOT NULL,
      owners TEXT NOT NULL,
      environment TEXT,
      evidence TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
      decided_at TEXT
    ) STRICT;
    CREATE INDEX approval_requests_by_status ON approval_requests(status, created_at);
    CREATE TABLE approval_votes (
      request_id TEXT NOT NULL REFERENCES approval_requests(id),
      voter TEXT NOT NULL,
      real_actor TEXT NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('approve', 'reject')),
      time TEXT NOT NULL,
      comment TEXT,
      audit_seq INTEGER NOT NULL,
      PRIMARY KEY (request_id, voter)
    ) STRICT;
    """)

  /// Adds the `withdrawn` status. SQLite cannot change a CHECK constraint in place, so the
  /// requests table is rebuilt. The votes that reference it are set aside and put back, so
  /// no foreign key points at a missing row at any step.
  ///
  /// NOTE: pending requests of proposals superseded before this version stay pending until
  /// they expire, because withdrawing them here would change state without an audit event.
  static let approvalWithdrawalMigration = Migration(
    version: 6, name: "approval-withdrawal", sql: """
    CREATE TABLE approval_requests_next (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('remediation', 'quarantine', 'release')),
      subject TEXT NOT NULL,
      requester TEXT NOT NULL,
      proposer TEXT NOT NULL,
      change_authors TEXT NOT NULL,
      affected TEXT NOT NULL,
      owners TEXT NOT NULL,
      environment TEXT,
      evidence TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'withdrawn')),
      decided_at TEXT
    ) STRICT;
    INSERT INTO approval_requests_next SELECT * FROM approval_requests;
    CREATE TEMP TABLE approval_votes_kept AS SELECT * FROM approval_votes;
    DROP TABLE approval_votes;
    DROP TABLE approval_requests;
    ALTER TABLE approval_requests_next RENAME TO approval_requests;
    CREATE INDEX approval_requests_by_status ON approval_requests(status, created_at);
    CREATE TABLE approval_votes (
      request_id TEXT NOT NULL REFERENCES approval_requests(id),
      voter TEXT NOT NULL,
      real_actor TEXT NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('approve', 'reject')),
      time TEXT NOT NULL,
      comment TEXT,
      audit_seq INTEGER NOT NULL,
      PRIMARY KEY (request_id, voter)
    ) STRICT;
    INSERT INTO approval_votes SELECT * FROM temp.approval_votes_kept;
    DROP TABLE temp.approval_votes_kept;
    """)
}
