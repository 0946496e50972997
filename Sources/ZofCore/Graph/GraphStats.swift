/// Counts of a graph's entities per kind and relations per type.
public struct GraphStats: Sendable, Equatable {
  public var entityCount: Int
  public var relationCount: Int
  public var kinds: [String: Int]
  public var types: [String: Int]

  public init(graph: SystemGraph) {
    entityCount = graph.count
    relationCount = graph.relations.count
    var kinds: [String: Int] = [:]
    for entity in graph.entities { kinds[entity.ref.kind, default: 0] += 1 }
    var types: [String: Int] = [:]
    for relation in graph.relations { types[relation.type.description, default: 0] += 1 }
    self.kinds = kinds
    self.types = types
  }
}
