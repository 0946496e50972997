/// One step of the schema, applied once and recorded in `PRAGMA user_version`.
public struct Migration: Sendable {
  public let version: Int
  public let name: String
  public let sql: String

  public init(version: Int, name: String, sql: String) {
    self.version = version
    self.name = name
    self.sql = sql
  }
}

/// Applies migrations in order, each in its own transaction with the version bump.
public enum Migrator {
  /// Brings `database` to the newest version in `migrations`.
  ///
  /// A store written by a newer Zof (a higher `user_version`) is rejected rather than
  /// guessed at.
  public static func migrate(_ database: Database, _ migrations: [Migration]) throws {
    let newest = migrations.map(\.version).max() ?? 0
    if try database.userVersion() == newest { return }
    // The version is read again inside each write transaction, so two processes opening a
    // new store at once apply every step exactly once.
    for migration in migrations.sorted(by: { $0.version < $1.version }) {
      try database.transaction {
        let current = try database.userVersion()
        if current > newest {
          throw InputError(
            "store \(database.path) has schema version \(current), newer than this zof "
              + "(\(newest))",
            hint: "use the zof release that created it, or point `store` in zof.yaml elsewhere")
        }
        guard migration.version > current else { return }
        try database.execute(migration.sql)
        try database.execute("PRAGMA user_version = \(migration.version)")
      }
    }
  }
}
