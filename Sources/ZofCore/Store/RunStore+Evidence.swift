extension RunStore {
  /// Appends chunks in one transaction.
  public func appendChunks(_ chunks: [EvidenceChunk]) throws {
    guard !chunks.isEmpty else { return }
    try database.transaction {
      for chunk in chunks {
        try database.run("""
          INSERT INTO evidence_chunks (attempt_id, seq, stream, kind, bytes, created_at)
          VALUES (?, ?, ?, ?, ?, ?)
          """, [chunk.attemptID, chunk.seq, chunk.stream.rawValue, chunk.kind.rawValue,
                chunk.bytes, chunk.createdAt])
      }
    }
  }

  /// Writes `chunks`, then deletes the tail chunks with sequence numbers in `dropped`, then
  /// rewrites the elision markers in `markers`, all in one transaction.
  public func writeEvidence(_ chunks: [EvidenceChunk], attempt: Int64, dropped: [Int],
                            markers: [(seq: Int, bytes: [UInt8])]) throws {
    guard !chunks.isEmpty || !dropped.isEmpty || !markers.isEmpty else { return }
    try database.transaction {
      try appendChunks(chunks)
      for seq in dropped {
        try database.run("""
          DELETE FROM evidence_chunks WHERE attempt_id = ? AND seq = ? AND kind = 'tail'
          """, [attempt, seq])
      }
      for marker in markers {
        try database.run("""
          UPDATE evidence_chunks SET bytes = ? WHERE attempt_id = ? AND seq = ?
          """, [marker.bytes, attempt, marker.seq])
      }
    }
  }

  /// Returns up to `limit` chunks of an attempt with a sequence number above `seq`, in
  /// order; a follower passes the last number it saw.
  public func chunks(attempt: Int64, after seq: Int = -1,
                     limit: Int = 1000) throws -> [EvidenceChunk] {
    try database.query("""
      SELECT attempt_id, seq, stream, kind, bytes, created_at FROM evidence_chunks
      WHERE attempt_id = ? AND seq > ? ORDER BY seq LIMIT ?
      """, [attempt, seq, limit]) { row in
      EvidenceChunk(attemptID: row.int64(0), seq: row.int(1),
                    stream: OutputStream(rawValue: row.text(2)) ?? .stdout,
                    kind: ChunkKind(rawValue: row.text(3)) ?? .head, bytes: row.blob(4),
                    createdAt: row.text(5))
    }
  }

  /// Returns the kept output of one stream of an attempt, marker line included.
  public func storedOutput(attempt: Int64, stream: OutputStream) throws -> [UInt8] {
    try database.query("""
      SELECT bytes FROM evidence_chunks WHERE attempt_id = ? AND stream = ? ORDER BY seq
      """, [attempt, stream.rawValue]) { row in row.blob(0) }.flatMap { $0 }
  }

  /// Replaces the test cases recorded for an attempt.
  public func recordTestCases(attempt: Int64, _ cases: [TestCaseResult]) throws {
    try database.transaction {
      try database.run("DELETE FROM test_cases WHERE attempt_id = ?", [attempt])
      for (ordinal, test) in cases.enumerated() {
        try database.run("""
          INSERT INTO test_cases (attempt_id, ordinal, suite, name, classname, status, time,
            message, output)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, [attempt, ordinal, test.suite, test.name, test.classname, test.status.rawValue,
                test.time, test.message, test.output])
      }
    }
  }

  /// Returns the test cases of an attempt in report order.
  public func testCases(attempt: Int64) throws -> [TestCaseResult] {
    try database.query("""
      SELECT suite, name, classname, status, time, message, output FROM test_cases
      WHERE attempt_id = ? ORDER BY ordinal
      """, [attempt]) { row in
      TestCaseResult(suite: row.text(0), name: row.text(1), classname: row.text(2),
                     status: TestCaseResult.Status(rawValue: row.text(3)) ?? .error,
                     time: row.optionalDouble(4), message: row.optionalText(5),
                     output: row.optionalText(6))
    }
  }

  /// Records a file kept from an attempt; `content` may be nil to keep only its digest.
  @discardableResult
  public func addArtifact(attempt: Int64, name: String, path: String, sha256: String,
                          size: Int, content: [UInt8]?) throws -> Int64 {
    try database.transaction {
      try database.run("""
        INSERT INTO artifacts (attempt_id, name, path, sha256, size, content)
        VALUES (?, ?, ?, ?, ?, ?)
        """, [attempt, name, path, sha256, size, content.map(SQLValue.blob) ?? .null])
      return database.lastInsertRowID
    }
  }

  public func artifacts(attempt: Int64) throws -> [ArtifactRecord] {
    try database.query("""
      SELECT id, attempt_id, name, path, sha256, size, content FROM artifacts
      WHERE attempt_id = ? ORDER BY id
      """, [attempt]) { row in
      ArtifactRecord(id: row.int64(0), attemptID: row.int64(1), name: row.text(2),
                     path: row.text(3), sha256: row.text(4), size: row.int(5),
                     content: row.isNull(6) ? nil : row.blob(6))
    }
  }
}
