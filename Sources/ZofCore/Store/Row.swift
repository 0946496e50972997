import CSQLite

/// The current row of a stepping statement; valid only inside the row callback.
public struct Row {
  let statement: OpaquePointer

  public var columnCount: Int { Int(sqlite3_column_count(statement)) }

  public func isNull(_ index: Int) -> Bool {
    sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
  }

  public func int(_ index: Int) -> Int { Int(sqlite3_column_int64(statement, Int32(index))) }

  public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(statement, Int32(index)) }

  public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }

  public func double(_ index: Int) -> Double { sqlite3_column_double(statement, Int32(index)) }

  public func optionalDouble(_ index: Int) -> Double? { isNull(index) ? nil : double(index) }

  public func text(_ index: Int) -> String {
    guard let pointer = sqlite3_column_text(statement, Int32(index)) else { return "" }
    let count = Int(sqlite3_column_bytes(statement, Int32(index)))
    let buffer = UnsafeBufferPointer(start: pointer, count: count)
    return String(decoding: buffer, as: UTF8.self)
  }

  public func optionalText(_ index: Int) -> String? { isNull(index) ? nil : text(index) }

  public func blob(_ index: Int) -> [UInt8] {
    let count = Int(sqlite3_column_bytes(statement, Int32(index)))
    guard count > 0, let pointer = sqlite3_column_blob(statement, Int32(index)) else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: count))
  }

  public func bool(_ index: Int) -> Bool { int(index) != 0 }

  public func value(_ index: Int) -> SQLValue {
    switch sqlite3_column_type(statement, Int32(index)) {
    case SQLITE_INTEGER: .integer(int64(index))
    case SQLITE_FLOAT: .real(double(index))
    case SQLITE_TEXT: .text(text(index))
    case SQLITE_BLOB: .blob(blob(index))
    default: .null
    }
  }
}
