import Foundation

/// A stored import: its id, when it was made, and the files it read.
public struct SnapshotInfo: Sendable, Equatable {
  public var id: Int64
  public var createdAt: String
  /// SHA-256 over the sorted source paths and their digests.
  public var digest: String
  public var entityCount: Int
  public var relationCount: Int
  public var sources: [CatalogSource]
  public var warnings: [String]
}

/// Graph snapshots: every import's entities, relations and path rules.
public struct SnapshotRepository {
  let database: Database

  /// Returns the digest that identifies a set of source files and their contents.
  public static func digest(of sources: [CatalogSource]) -> String {
    let lines = sources.sorted { $0.path < $1.path }.map { "\($0.path)\t\($0.digest)\n" }
    return SHA256.hex(lines.joined())
  }

  /// Stores `catalog` as a new snapshot in one transaction and returns its id.
  ///
  /// With `after` (the id of the newest snapshot the caller knew of), a snapshot with the
  /// same sources that another process stored since is returned instead. Commands started
  /// together after one edit then share one import.
  @discardableResult
  public func save(_ catalog: ResolvedCatalog, reusingAnyAfter after: Int64? = nil) throws
    -> Int64
  {
    try database.transaction {
      if let after, let newest = try database.scalar("SELECT max(id) FROM snapshots"),
         newest > after,
         try database.queryFirst("SELECT digest FROM snapshots WHERE id = ?", [newest], {
           $0.text(0)
         }) == Self.digest(of: catalog.sources) {
        return newest
      }
      let warnings = try JSONSerialization.data(withJSONObject: catalog.warnings)
      try database.run(
        """
        INSERT INTO snapshots (created_at, digest, entity_count, relation_count, warnings)
        VALUES (?, ?, ?, ?, ?)
        """,
        [Timestamp.now(), Self.digest(of: catalog.sources), catalog.entities.count,
         catalog.relations.count, String(decoding: warnings, as: UTF8.self)])
      let id = database.lastInsertRowID
      for source in catalog.sources {
        try database.run(
          """
          INSERT INTO snapshot_sources (snapshot_id, path, digest, size, modified_ns)
          VALUES (?, ?, ?, ?, ?)
          """,
          [id, source.path, source.digest, source.stamp?.size,
           source.stamp?.modifiedNanoseconds])
      }
      try saveEntities(catalog.entities, snapshot: id)
      try saveRelations(catalog.relations, snapshot: id)
      for rule in catalog.pathRules {
        try database.run(
          "INSERT INTO snapshot_paths (snapshot_id, pattern, owner, origin) VALUES (?, ?, ?, ?)",
          [id, rule.pattern, Int(rule.owner), rule.origin])
      }
      return id
    }
  }

  /// Rows per INSERT for relations: one statement per row costs more than the row itself.
  static let relationBatch = 256

  private func saveRelations(_ relations: [Relation], snapshot id: Int64) throws {
    var start = 0
    while start < relations.count {
      let batch = relations[start..<min(start + Self.relationBatch, relations.count)]
      let rows = Array(repeating: "(?, ?, ?, ?)", count: batch.count).joined(separator: ", ")
      let insert = try database.prepare(
        "INSERT INTO snapshot_relations (snapshot_id, source, type, target) VALUES " + rows)
      var values: [SQLBindable] = []
      values.reserveCapacity(batch.count * 4)
      for relation in batch {
        values += [id, Int(relation.source), relation.type.rawValue, Int(relation.target)]
      }
      try insert.bind(values)
      try insert.run()
      start += batch.count
    }
  }

  private func saveEntities(_ entities: [Entity], snapshot id: Int64) throws {
    let insert = try database.prepare(
      """
      INSERT INTO snapshot_entities (snapshot_id, ordinal, ref, api_version, kind, namespace,
        name, title, description, file, line, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    for (ordinal, entity) in entities.enumerated() {
      try insert.bind([id, ordinal, entity.ref.description, entity.apiVersion, entity.kind,
                       entity.namespace, entity.name, entity.title, entity.description,
                       entity.location.file, entity.location.line, try Self.body(of: entity)])
      try insert.run()
    }
  }

  /// Encodes the parts of an entity that have no column of their own as JSON.
  static func body(of entity: Entity) throws -> String {
    var json = JSONText()
    json.raw("{\"column\":\(entity.location.column)")
    if !entity.annotations.isEmpty {
      json.raw(",\"annotations\":")
      json.stringMap(entity.annotations)
    }
    if !entity.labels.isEmpty {
      json.raw(",\"labels\":")
      json.stringMap(entity.labels)
    }
    if !entity.tags.isEmpty {
      json.raw(",\"tags\":")
      json.stringArray(entity.tags)
    }
    if let spec = entity.spec {
      json.raw(",\"spec\":")
      json.node(spec)
    }
    json.raw("}")
    return json.text
  }

  /// Returns the newest snapshot, or nil before the first import.
  /// Records the stamps of source files found unchanged, by path, in one transaction.
  public func recordStamps(_ stamps: [String: FileStamp], snapshot id: Int64) throws {
    try database.transaction {
      for (path, stamp) in stamps {
        try database.run(
          """
          UPDATE snapshot_sources SET size = ?, modified_ns = ?
          WHERE snapshot_id = ? AND path = ?
          """, [stamp.size, stamp.modifiedNanoseconds, id, path])
      }
    }
  }

  public func latest() throws -> SnapshotInfo? {
    guard let id = try database.scalar("SELECT max(id) FROM snapshots") else { return nil }
    return try info(id: id)
  }

  public func info(id: Int64) throws -> SnapshotInfo? {
    let sources = try database.query(
      """
      SELECT path, digest, size, modified_ns FROM snapshot_sources
      WHERE snapshot_id = ? ORDER BY path
      """, [id]
    ) { row in
      CatalogSource(
        path: row.text(0), digest: row.text(1),
        stamp: row.isNull(2) || row.isNull(3)
          ? nil : FileStamp(size: row.int64(2), modifiedNanoseconds: row.int64(3)))
    }
    return try database.queryFirst(
      """
      SELECT id, created_at, digest, entity_count, relation_count, warnings
      FROM snapshots WHERE id = ?
      """, [id]
    ) { row in
      let warnings = (try? JSONSerialization.jsonObject(with: Data(row.text(5).utf8)))
        as? [String] ?? []
      return SnapshotInfo(id: row.int64(0), createdAt: row.text(1), digest: row.text(2),
                          entityCount: row.int(3), relationCount: row.int(4),
                          sources: sources, warnings: warnings)
    }
  }

  /// Loads the graph of snapshot `id`.
  /// Loads only the entities of `kinds` (compared without case), in catalog order.
  public func loadEntities(id: Int64, kinds: [String]) throws -> [Entity] {
    let placeholders = kinds.map { _ in "?" }.joined(separator: ", ")
    return try database.query(
      """
      SELECT api_version, kind, namespace, name, title, description, file, line, body
      FROM snapshot_entities WHERE snapshot_id = ? AND lower(kind) IN (\(placeholders))
      ORDER BY ordinal
      """, [id] + kinds.map { $0.lowercased() }
    ) { row in try Self.entity(from: row) }
  }

  public func loadGraph(id: Int64) throws -> SystemGraph {
    // Rows are read one by one, and their JSON bodies, most of the work, are parsed on all
    // cores.
    let rows = try database.query(
      """
      SELECT api_version, kind, namespace, name, title, description, file, line, body
      FROM snapshot_entities WHERE snapshot_id = ? ORDER BY ordinal
      """, [id]
    ) { row in StoredEntity(row) }
    let entities = try rows.concurrentMap(chunkSize: 512) { try $0.entity() }
    let relations = try database.query(
      "SELECT source, type, target FROM snapshot_relations WHERE snapshot_id = ? ORDER BY rowid",
      [id]
    ) { row in
      Relation(source: Int32(row.int(0)), type: RelationType(rawValue: row.int(1)) ?? .dependsOn,
               target: Int32(row.int(2)))
    }
    let rules = try database.query(
      "SELECT pattern, owner, origin FROM snapshot_paths WHERE snapshot_id = ? ORDER BY rowid",
      [id]
    ) { PathRule(pattern: $0.text(0), owner: Int32($0.int(1)), origin: $0.text(2)) }
    return SystemGraph(entities: entities, relations: relations, pathRules: rules)
  }

  static func entity(from row: Row) throws -> Entity {
    try StoredEntity(row).entity()
  }

  /// An entity row as stored, before its JSON body is parsed.
  struct StoredEntity: Sendable {
    let apiVersion, kind, namespace, name: String
    let title, description: String?
    let file: String
    let line: Int
    let body: String

    init(_ row: Row) {
      apiVersion = row.text(0)
      kind = row.text(1)
      namespace = row.text(2)
      name = row.text(3)
      title = row.optionalText(4)
      description = row.optionalText(5)
      file = row.text(6)
      line = row.int(7)
      body = row.text(8)
    }

    func entity() throws -> Entity {
      let body = try JSONNodeReader.parse(self.body, mark: YAMLNode.Mark(line: line, column: 1))
      let column = body["column"]?.int ?? 1
      let mark = YAMLNode.Mark(line: line, column: column)
      return Entity(
        apiVersion: apiVersion, kind: kind, namespace: namespace, name: name, title: title,
        description: description, annotations: SnapshotRepository.stringMap(body["annotations"]),
        labels: SnapshotRepository.stringMap(body["labels"]), tags: body["tags"]?.strings ?? [],
        spec: body["spec"].map { YAMLNode(relocating: $0, to: mark) },
        location: SourceLocation(file: file, line: line, column: column))
    }
  }

  static func stringMap(_ node: YAMLNode?) -> [String: String] {
    var map: [String: String] = [:]
    for pair in node?.pairs ?? [] { map[pair.key] = pair.value.string }
    return map
  }
}
