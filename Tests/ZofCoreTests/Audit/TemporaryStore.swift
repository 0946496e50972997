import Foundation
@testable import ZofCore

/// A migrated SQLite store in its own temporary folder, removed when released.
final class TemporaryStore {
  let folder: URL
  let database: Database

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("zof-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    database = try Database(path: folder.appendingPathComponent("zof.db").path)
    try Migrator.migrate(database, Schema.migrations)
  }

  var path: String { database.path }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// A clock that tests move by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
    current = start
  }

  var now: Date {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func advance(_ seconds: TimeInterval) {
    lock.lock()
    defer { lock.unlock() }
    current += seconds
  }
}
