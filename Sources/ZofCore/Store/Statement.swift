import CSQLite

/// A prepared statement owned by one `Database`.
public final class Statement {
  let handle: OpaquePointer
  public let sql: String
  private unowned let database: Database

  init(database: Database, sql: String) throws {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT),
                                  &handle, nil)
    guard code == SQLITE_OK, let handle else {
      throw database.error("sqlite3_prepare_v3", code: code, sql: sql)
    }
    self.handle = handle
    self.sql = sql
    self.database = database
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Resets the statement and binds `values` to parameters 1...n.
  public func bind(_ values: [SQLBindable]) throws {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      try bind(value.sqlValue, at: Int32(offset + 1))
    }
  }

  private func bind(_ value: SQLValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null:
      code = sqlite3_bind_null(handle, index)
    case .integer(let number):
      code = sqlite3_bind_int64(handle, index, number)
    case .real(let number):
      code = sqlite3_bind_double(handle, index, number)
    case .text(let text):
      // withCString borrows a native string's storage where implicit bridging may copy it,
      // and the explicit length keeps embedded NUL characters.
      code = text.withCString { pointer in
        sqlite3_bind_text(handle, index, pointer, Int32(text.utf8.count), zof_sqlite_transient())
      }
    case .blob(let bytes):
      code = bytes.withUnsafeBytes { raw in
        sqlite3_bind_blob64(handle, index, raw.baseAddress, sqlite3_uint64(raw.count),
                            zof_sqlite_transient())
      }
    }
    guard code == SQLITE_OK else { throw database.error("sqlite3_bind", code: code, sql: sql) }
  }

  /// Steps through every row, calling `body` for each one.
  public func forEachRow(_ body: (Row) throws -> Void) throws {
    defer { sqlite3_reset(handle) }
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        throw database.error("sqlite3_step", code: code, sql: sql)
      }
      try body(Row(statement: handle))
    }
  }

  /// Runs the statement to completion, ignoring any rows.
  public func run() throws {
    try forEachRow { _ in }
  }
}
