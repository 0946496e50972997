extension Schema {
  /// Runs, their planned checks, attempts, the evidence each attempt produced, and flake
  /// history derived from attempts.
  static let executionMigration = Migration(version: 3, name: "execution", sql: """
    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN
        ('queued', 'running', 'passed', 'failed', 'interrupted', 'errored')),
      trigger TEXT NOT NULL,
      base TEXT,
      head TEXT,
      snapshot_id INTEGER,
      environment TEXT,
      actor TEXT NOT NULL,
      plan TEXT NOT NULL DEFAULT '{}',
      runner_pid INTEGER,
      runner_host TEXT,
      heartbeat_at TEXT,
      proposal_id INTEGER,
      bisect_result TEXT
    ) STRICT;
    CREATE INDEX runs_by_status ON runs(status);
    CREATE TABLE run_checks (
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      check_ref TEXT NOT NULL,
      fleet TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'passed', 'failed',
        'flaky', 'timed-out', 'errored', 'interrupted', 'skipped')),
      risk REAL NOT NULL DEFAULT 0,
      because TEXT NOT NULL DEFAULT '',
      ordinal INTEGER NOT NULL,
      PRIMARY KEY (run_id, check_ref)
    ) STRICT;
    CREATE TABLE attempts (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      check_ref TEXT NOT NULL,
      number INTEGER NOT NULL,
      worker TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL CHECK (status IN
        ('running', 'passed', 'failed', 'timed-out', 'errored', 'interrupted')),
      exit_code INTEGER,
      signal INTEGER,
      duration REAL,
      stdout_bytes INTEGER NOT NULL DEFAULT 0,
      stderr_bytes INTEGER NOT NULL DEFAULT 0,
      stdout_sha256 TEXT,
      stderr_sha256 TEXT,
      redactions TEXT NOT NULL DEFAULT '{}',
      command TEXT NOT NULL,
      workdir TEXT NOT NULL,
      environment TEXT NOT NULL DEFAULT '{}',
      commit_sha TEXT,
      error TEXT,
      process_group INTEGER,
      UNIQUE (run_id, check_ref, number)
    ) STRICT;
    CREATE INDEX attempts_by_check ON attempts(check_ref, id);
    CREATE TABLE evidence_chunks (
      attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
      kind TEXT NOT NULL CHECK (kind IN ('head', 'elision', 'tail')),
      bytes BLOB NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (attempt_id, seq)
    ) STRICT;
    CREATE TABLE test_cases (
      attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      suite TEXT NOT NULL,
      name TEXT NOT NULL,
      classname TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'error', 'skipped', 'flaky')),
      time REAL,
      message TEXT,
      output TEXT,
      PRIMARY KEY (attempt_id, ordinal)
    ) STRICT;
    CREATE TABLE artifacts (
      id INTEGER PRIMARY KEY,
      attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      content BLOB
    ) STRICT;
    CREATE VIEW check_outcomes AS
      SELECT run_id, check_ref,
        COUNT(*) AS attempt_count,
        SUM(status != 'passed') AS failed_attempts,
        MAX(number) AS last_number,
        (SELECT a2.status FROM attempts a2 WHERE a2.run_id = a.run_id
          AND a2.check_ref = a.check_ref ORDER BY a2.number DESC LIMIT 1) AS final_status
      FROM attempts a
      WHERE finished_at IS NOT NULL
      GROUP BY run_id, check_ref;
    CREATE VIEW flake_history AS
      SELECT run_id, check_ref, attempt_count, failed_attempts, final_status,
        (final_status = 'passed' AND failed_attempts > 0) AS flaky
      FROM check_outcomes;
    """)
}
