import CSQLite
import Foundation

/// One SQLite connection with the settings every Zof store uses: WAL journal, a busy
/// timeout, foreign keys on, and statements cached by their SQL text.
///
/// Calls are serialized by a recursive lock, so a connection may be shared between threads.
/// A `transaction` keeps the lock until it commits or rolls back.
public final class Database: @unchecked Sendable {
  let handle: OpaquePointer
  public let path: String
  private var cache: [String: Statement] = [:]
  private let lock = NSRecursiveLock()
  private var transactionDepth = 0

  /// Opens (creating when `readOnly` is false) the database at `path`.
  public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws {
    var handle: OpaquePointer?
    let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(handle)
      throw DatabaseError(function: "sqlite3_open_v2", code: code, message: "\(message) (\(path))")
    }
    self.handle = handle
    self.path = path
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    if !readOnly {
      try enableWriteAheadLog(withinMilliseconds: Int(busyTimeoutMilliseconds))
      try execute("PRAGMA synchronous = NORMAL")
    }
    try execute("PRAGMA foreign_keys = ON")
  }

  /// Switches the journal to WAL, retrying while another connection has the file locked.
  ///
  /// Two processes opening a new database at once both try to change its journal mode.
  /// SQLite can then return SQLITE_BUSY to one of them without calling the busy handler,
  /// which it skips where waiting could deadlock. The loser retries here instead.
  private func enableWriteAheadLog(withinMilliseconds limit: Int) throws {
    let start = DispatchTime.now().uptimeNanoseconds
    while true {
      do {
        try execute("PRAGMA journal_mode = WAL")
        return
      } catch let failure as DatabaseError where failure.code & 0xff == SQLITE_BUSY {
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        if elapsed >= limit { throw failure }
        usleep(useconds_t(Int.random(in: 2_000...20_000)))
      }
    }
  }

  deinit {
    cache.removeAll()
    sqlite3_close_v2(handle)
  }

  func error(_ function: String, code: Int32, sql: String?) -> DatabaseError {
    DatabaseError(function: function, code: code, message: String(cString: sqlite3_errmsg(handle)),
                  sql: sql)
  }

  /// Runs one or more statements that take no parameters.
  public func execute(_ sql: String) throws {
    lock.lock()
    defer { lock.unlock() }
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw DatabaseError(function: "sqlite3_exec", code: code, message: text, sql: sql)
    }
  }

  /// Returns the cached prepared statement for `sql`, preparing it on first use.
  public func prepare(_ sql: String) throws -> Statement {
    lock.lock()
    defer { lock.unlock() }
    if let statement = cache[sql] { return statement }
    let statement = try Statement(database: self, sql: sql)
    cache[sql] = statement
    return statement
  }

  /// Runs a statement with parameters and returns how many rows it changed.
  @discardableResult
  public func run(_ sql: String, _ values: [SQLBindable] = []) throws -> Int {
    lock.lock()
    defer { lock.unlock() }
    let statement = try prepare(sql)
    try statement.bind(values)
    try statement.run()
    return Int(sqlite3_changes(handle))
  }

  /// Runs a query and maps every row.
  public func query<T>(_ sql: String, _ values: [SQLBindable] = [],
                       _ map: (Row) throws -> T) throws -> [T] {
    lock.lock()
    defer { lock.unlock() }
    let statement = try prepare(sql)
    try statement.bind(values)
    var results: [T] = []
    try statement.forEachRow { results.append(try map($0)) }
    return results
  }

  /// Runs a query and maps its first row, if any.
  public func queryFirst<T>(_ sql: String, _ values: [SQLBindable] = [],
                            _ map: (Row) throws -> T) throws -> T? {
    lock.lock()
    defer { lock.unlock() }
    let statement = try prepare(sql)
    try statement.bind(values)
    var result: T?
    try statement.forEachRow { row in
      if result == nil { result = try map(row) }
    }
    return result
  }

  /// Runs a query and calls `body` for each row as it is read, holding the connection's
  /// lock throughout, so a large result never sits in memory at once.
  public func forEachRow(_ sql: String, _ values: [SQLBindable] = [],
                         _ body: (Row) throws -> Void) throws {
    lock.lock()
    defer { lock.unlock() }
    let statement = try prepare(sql)
    try statement.bind(values)
    try statement.forEachRow(body)
  }

  /// Returns the first column of the first row as an integer.
  public func scalar(_ sql: String, _ values: [SQLBindable] = []) throws -> Int64? {
    try queryFirst(sql, values) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
  }

  public var lastInsertRowID: Int64 {
    lock.lock()
    defer { lock.unlock() }
    return sqlite3_last_insert_rowid(handle)
  }

  /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
  ///
  /// The outer call uses `BEGIN IMMEDIATE`, so a writer takes the lock up front and waits on
  /// the busy timeout instead of failing halfway. Nested calls become savepoints.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    let depth = transactionDepth
    let savepoint = "zof_\(depth)"
    try execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
    transactionDepth += 1
    defer { transactionDepth -= 1 }
    do {
      let result = try body()
      try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
      return result
    } catch {
      if depth == 0 {
        try? execute("ROLLBACK")
      } else {
        try? execute("ROLLBACK TO \(savepoint)")
        try? execute("RELEASE \(savepoint)")
      }
      throw error
    }
  }

  /// `PRAGMA user_version`, the schema version the migrations maintain.
  public func userVersion() throws -> Int {
    Int(try scalar("PRAGMA user_version") ?? 0)
  }

  /// `PRAGMA data_version`: changes whenever another connection commits to the file.
  public func dataVersion() throws -> Int64 {
    try scalar("PRAGMA data_version") ?? 0
  }

  /// Returns the journal mode in force, such as `wal`.
  public func journalMode() throws -> String {
    try queryFirst("PRAGMA journal_mode") { $0.text(0) } ?? ""
  }
}
