import CSQLite

extension Row {
  /// Returns the UTF-8 bytes of a text column without copying them into a `String`.
  ///
  /// The buffer points into SQLite's memory and is valid only until the row callback
  /// returns; it is empty for NULL. Reading the same column with another accessor first
  /// (such as `int`) may convert it and invalidate an earlier buffer.
  public func unsafeUTF8(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let column = Int32(index)
    let pointer = sqlite3_column_text(statement, column)
    let count = Int(sqlite3_column_bytes(statement, column))
    return UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
  }
}
