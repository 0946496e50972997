extension Schema {
  /// Graph snapshots: every import, the files it read, and the entities and relations it made.
  static let graphMigration = Migration(version: 1, name: "graph", sql: """
    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      created_at TEXT NOT NULL,
      digest TEXT NOT NULL,
      entity_count INTEGER NOT NULL,
      relation_count INTEGER NOT NULL,
      warnings TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE TABLE snapshot_sources (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      digest TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, path)
    ) STRICT;
    CREATE TABLE snapshot_entities (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      ref TEXT NOT NULL,
      api_version TEXT NOT NULL,
      kind TEXT NOT NULL,
      namespace TEXT NOT NULL,
      name TEXT NOT NULL,
      title TEXT,
      description TEXT,
      file TEXT NOT NULL,
      line INTEGER NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, ordinal)
    ) STRICT;
    CREATE TABLE snapshot_relations (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      source INTEGER NOT NULL,
      type INTEGER NOT NULL,
      target INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX snapshot_relations_by_snapshot ON snapshot_relations(snapshot_id);
    CREATE TABLE snapshot_paths (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
      pattern TEXT NOT NULL,
      owner INTEGER NOT NULL,
      origin TEXT NOT NULL
    ) STRICT;
    """)

  /// The size and modification time of each source file when it was read, so that opening
  /// a session checks a large catalog for changes without reading every file.
  static let sourceStampsMigration = Migration(version: 5, name: "source-stamps", sql: """
    ALTER TABLE snapshot_sources ADD COLUMN size INTEGER;
    ALTER TABLE snapshot_sources ADD COLUMN modified_ns INTEGER;
    """)
}
