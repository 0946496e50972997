import Foundation

/// A workspace's SQLite store, opened and migrated to the current schema.
public final class Store: @unchecked Sendable {
  public let database: Database

  /// Opens (creating the folder and file when needed) the store at `path`.
  public init(path: String, readOnly: Bool = false) throws {
    let folder = (path as NSString).deletingLastPathComponent
    if !readOnly {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw OperationError("create store folder \(folder)", error.localizedDescription)
      }
    }
    database = try Database(path: path, readOnly: readOnly)
    if !readOnly { try Migrator.migrate(database, Schema.migrations) }
  }

  public var snapshots: SnapshotRepository { SnapshotRepository(database: database) }
}

extension Store {
  public var runs: RunStore { RunStore(database: database) }
}
