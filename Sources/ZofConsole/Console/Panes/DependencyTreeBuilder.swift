import ZofCore

/// Builds tree nodes of what an entity depends on, or of what depends on it, following the
/// relations along which a change travels: the graph's `dependents` adjacency, and the
/// workflows whose steps the entity is.
struct DependencyTreeBuilder {
  enum Direction { case dependencies, dependents }

  let graph: SystemGraph
  let impact: GraphImpactOverlay?
  /// Levels below the root; deeper entities are cut, so a large graph stays cheap to show.
  var maxDepth = 6

  func node(_ id: Int32, direction: Direction) -> TreeView.Node {
    node(id, relation: nil, direction: direction, path: [], depth: 0)
  }

  private func node(_ id: Int32, relation: String?, direction: Direction, path: Set<Int32>,
                    depth: Int) -> TreeView.Node {
    let ref = graph[id].ref
    var label = TerminalText.sanitize(ref.short)
    if let relation { label += "  (\(relation))" }
    let role = impact?.affected[ref.description].map {
      GraphImpactOverlay.role(forLevel: $0.level)
    } ?? .text
    guard !path.contains(id) else {
      return TreeView.Node(ref.description, label: label + "  ↺ cycle", role: .muted)
    }
    guard depth < maxDepth else {
      return TreeView.Node(ref.description, label: label, role: role)
    }
    let next = neighbours(of: id, direction: direction)
    let children = next.map { pair in
      node(pair.1, relation: pair.0, direction: direction, path: path.union([id]),
           depth: depth + 1)
    }
    return TreeView.Node(ref.description, label: label, role: role, children: children)
  }

  /// Returns the neighbours in `direction` with the relation that links them, sorted by name.
  func neighbours(of id: Int32, direction: Direction) -> [(String, Int32)] {
    var result: [(String, Int32)] = []
    switch direction {
    case .dependents:
      // A workflow breaks when one of its steps does, as impact analysis counts it.
      for (type, source) in graph.relations(to: id)
      where type == .dependsOn || type == .consumesApi || type == .hasStep {
        result.append((type.inverseDescription, source))
      }
      for (type, target) in graph.relations(from: id)
      where type == .subcomponentOf || type == .providesApi {
        result.append((type.description, target))
      }
    case .dependencies:
      for (type, target) in graph.relations(from: id)
      where type == .dependsOn || type == .consumesApi || type == .hasStep {
        result.append((type.description, target))
      }
      for (type, source) in graph.relations(to: id)
      where type == .subcomponentOf || type == .providesApi {
        result.append((type.inverseDescription, source))
      }
    }
    return result.sorted { graph[$0.1].ref.description < graph[$1.1].ref.description }
  }
}
