import Foundation

/// Failure and flake rates of a check over its recent attempts, both in [0, 1].
public struct CheckHistory: Sendable, Equatable {
  public var failureRate: Double
  public var flakeRate: Double

  public init(failureRate: Double, flakeRate: Double) {
    self.failureRate = failureRate
    self.flakeRate = flakeRate
  }
}

/// Works out what a set of changed paths can break, with the chain that explains each item.
public struct ImpactAnalyzer {
  public let graph: SystemGraph
  /// The repository root that changed paths are relative to.
  public let repositoryPath: String
  /// Recent history per check ref (`check:namespace/name`); empty before any run.
  public var history: [String: CheckHistory]

  public init(graph: SystemGraph, repositoryPath: String,
              history: [String: CheckHistory] = [:]) {
    self.graph = graph
    self.repositoryPath = Workspace.standardize(repositoryPath)
    self.history = history
  }

  /// The origin of a reached node: a changed path (for a root) or another node.
  enum Origin {
    case path(String)
    case node(Int32)
  }

  public func analyze(paths rawPaths: [String]) -> ImpactReport {
    let paths = normalize(rawPaths)
    var origin: [Int32: Origin] = [:]
    var roots: [Int32] = []
    var changed: [ImpactReport.ChangedPath] = []
    var unmapped: [ImpactReport.ChangedPath] = []
    let codeOwners = CodeOwners.load(repositoryPath: repositoryPath)
    let canonicalRepository = CatalogLoader.canonicalPath(repositoryPath)
    for path in paths {
      var owners = ownersOf(path)
      let absolute = (canonicalRepository as NSString).appendingPathComponent(path)
      owners += graph.entitiesByFile[absolute] ?? []
      let people = codeOwners.owners(of: path)?.owners ?? []
      let entry = ImpactReport.ChangedPath(
        path: path, components: uniqueSorted(owners).map { graph[$0].ref.short }, owners: people)
      if owners.isEmpty {
        unmapped.append(entry)
        continue
      }
      changed.append(entry)
      for owner in uniqueSorted(owners) where origin[owner] == nil {
        origin[owner] = .path(path)
        roots.append(owner)
      }
    }
    let distance = walk(roots: roots, origin: &origin)
    return assemble(changed: changed, unmapped: unmapped, distance: distance, origin: origin)
  }

  /// Repository-relative paths without `./`, duplicates or empty entries.
  func normalize(_ paths: [String]) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for raw in paths {
      var path = raw.trimmingCharacters(in: .whitespaces)
      if path.hasPrefix("/") {
        path = Workspace.relative(path, to: repositoryPath) ?? path
      }
      while path.hasPrefix("./") { path.removeFirst(2) }
      if !path.isEmpty && seen.insert(path).inserted { result.append(path) }
    }
    return result
  }

  /// Entities whose path rules from annotations match `path`. CODEOWNERS rules name people
  /// and groups, which own paths but are not something a change can break.
  func ownersOf(_ path: String) -> [Int32] {
    let parts = Glob.parts(of: path)
    return graph.annotationGlobs.filter { $0.glob.matches(parts: parts) }.map(\.owner)
  }

  /// Breadth-first from the changed entities through dependents, then workflows, then
  /// checks; returns the distance of every reached node and fills `origin`.
  func walk(roots: [Int32], origin: inout [Int32: Origin]) -> [Int32: Int] {
    var distance: [Int32: Int] = [:]
    for root in roots { distance[root] = 0 }
    var queue = roots
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for slot in graph.dependents.range(of: node) {
        let next = graph.dependents.targets[slot]
        if distance[next] == nil {
          distance[next] = distance[node]! + 1
          origin[next] = .node(node)
          queue.append(next)
        }
      }
    }
    reachThrough(.hasStep, kind: "workflow", distance: &distance, origin: &origin)
    reachThrough(.covers, kind: "check", distance: &distance, origin: &origin)
    return distance
  }

  /// Marks each entity of `kind` whose `relation` points at a reached node as reached,
  /// through the nearest such node.
  private func reachThrough(_ relation: RelationType, kind: String, distance: inout [Int32: Int],
                            origin: inout [Int32: Origin]) {
    for id in graph.ids(ofKind: kind) where distance[id] == nil {
      var best: (Int32, Int)?
      for (type, target) in graph.relations(from: id) where type == relation {
        guard let reached = distance[target] else { continue }
        if best == nil || reached < best!.1 { best = (target, reached) }
      }
      if let best {
        distance[id] = best.1 + 1
        origin[id] = .node(best.0)
      }
    }
  }

  /// Returns the chain from a changed path to `id`, as short refs.
  func chain(to id: Int32, origin: [Int32: Origin]) -> [String] {
    var steps: [String] = []
    var current = id
    var guardCount = graph.count + 1
    while guardCount > 0 {
      guardCount -= 1
      steps.append(graph[current].ref.short)
      switch origin[current] {
      case .path(let path):
        steps.append(path)
        return steps.reversed()
      case .node(let previous):
        current = previous
      case nil:
        return steps.reversed()
      }
    }
    return steps.reversed()
  }

  private func uniqueSorted(_ ids: [Int32]) -> [Int32] {
    Array(Set(ids)).sorted()
  }
}
