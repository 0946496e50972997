/// The system graph in memory: entities by integer id and relations as adjacency in both
/// directions, plus the reverse-dependency rows that impact analysis walks.
public struct SystemGraph: Sendable {
  public let entities: [Entity]
  public let relations: [Relation]
  public let pathRules: [PathRule]
  public let outgoing: Adjacency
  public let incoming: Adjacency
  /// For each entity, the entities a change to it can break (its dependents).
  public let dependents: Adjacency
  /// Compiled globs of the path rules from annotations, with the entity each one names.
  let annotationGlobs: [(glob: Glob, owner: Int32)]
  /// Entities by the absolute path of the file that defines them.
  let entitiesByFile: [String: [Int32]]
  /// The largest number of direct dependents of any entity, for the fan-in part of risk.
  public let maxDependents: Int
  private let index: [EntityRef: Int32]
  private let idsByKind: [String: [Int32]]

  /// Relations along which a change travels, and in which direction.
  ///
  /// A change to B reaches A when A depends on B, A consumes an API that B is, B is a part
  /// of the component A (`subcomponentOf`), or B provides the API A. Ownership, system and
  /// domain membership do not carry a change.
  static func impactEdge(_ relation: Relation) -> (from: Int32, to: Int32)? {
    switch relation.type {
    case .dependsOn, .consumesApi: (relation.target, relation.source)
    case .subcomponentOf: (relation.source, relation.target)
    case .providesApi: (relation.source, relation.target)
    default: nil
    }
  }

  public init(entities: [Entity], relations: [Relation], pathRules: [PathRule]) {
    self.entities = entities
    self.relations = relations
    self.pathRules = pathRules
    var index: [EntityRef: Int32] = [:]
    index.reserveCapacity(entities.count)
    for (offset, entity) in entities.enumerated() { index[entity.ref] = Int32(offset) }
    self.index = index
    annotationGlobs = pathRules.filter { $0.origin == "annotation" }.map {
      (glob: Glob($0.pattern), owner: $0.owner)
    }
    var byFile: [String: [Int32]] = [:]
    var byKind: [String: [Int32]] = [:]
    for (offset, entity) in entities.enumerated() {
      byFile[entity.location.file, default: []].append(Int32(offset))
      byKind[entity.ref.kind, default: []].append(Int32(offset))
    }
    entitiesByFile = byFile
    idsByKind = byKind
    let forward = relations.map { (from: $0.source, to: $0.target, type: UInt8($0.type.rawValue)) }
    let backward = relations.map { (from: $0.target, to: $0.source, type: UInt8($0.type.rawValue)) }
    var impact: [(from: Int32, to: Int32, type: UInt8)] = []
    impact.reserveCapacity(relations.count)
    for relation in relations {
      if let edge = Self.impactEdge(relation) {
        impact.append((from: edge.from, to: edge.to, type: UInt8(relation.type.rawValue)))
      }
    }
    outgoing = Adjacency(nodeCount: entities.count, edges: forward)
    incoming = Adjacency(nodeCount: entities.count, edges: backward)
    dependents = Adjacency(nodeCount: entities.count, edges: impact)
    var maxDependents = 0
    for id in 0..<entities.count {
      maxDependents = max(maxDependents, dependents.degree(of: Int32(id)))
    }
    self.maxDependents = maxDependents
  }

  public init(_ catalog: ResolvedCatalog) {
    self.init(entities: catalog.entities, relations: catalog.relations,
              pathRules: catalog.pathRules)
  }

  public var count: Int { entities.count }

  public func id(of ref: EntityRef) -> Int32? { index[ref] }

  public subscript(id: Int32) -> Entity { entities[Int(id)] }

  /// Looks up an entity from text such as `component:refunds` or `refunds`, trying the kinds
  /// people most often mean when the kind is left out.
  public func find(_ text: String) -> Int32? {
    if let ref = EntityRef(parsing: text), let id = index[ref] { return id }
    for kind in ["component", "api", "workflow", "check", "system", "resource", "group", "user"] {
      if let ref = EntityRef(parsing: text, defaultKind: kind), let id = index[ref] {
        return id
      }
    }
    return nil
  }

  /// Returns the ids of every entity of `kind` (lowercased).
  public func ids(ofKind kind: String) -> [Int32] {
    idsByKind[kind] ?? []
  }

  /// Outgoing relations of `id` as (type, target) pairs.
  public func relations(from id: Int32) -> [(RelationType, Int32)] {
    outgoing.range(of: id).map {
      (RelationType(rawValue: Int(outgoing.types[$0]))!, outgoing.targets[$0])
    }
  }

  /// Incoming relations of `id` as (type, source) pairs.
  public func relations(to id: Int32) -> [(RelationType, Int32)] {
    incoming.range(of: id).map {
      (RelationType(rawValue: Int(incoming.types[$0]))!, incoming.targets[$0])
    }
  }

  /// Every entity a change to `start` can reach through `dependents`, breadth first; the
  /// start nodes are included. Each node is visited once, so cycles terminate.
  public func reverseClosure(from start: [Int32]) -> [Int32] {
    var visited = [Bool](repeating: false, count: entities.count)
    var queue: [Int32] = []
    queue.reserveCapacity(64)
    for node in start where !visited[Int(node)] {
      visited[Int(node)] = true
      queue.append(node)
    }
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for slot in dependents.range(of: node) {
        let next = dependents.targets[slot]
        if !visited[Int(next)] {
          visited[Int(next)] = true
          queue.append(next)
        }
      }
    }
    return queue
  }
}
