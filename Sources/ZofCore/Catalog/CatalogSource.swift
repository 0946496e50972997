/// One file the catalog was read from, with the digest that decides when to re-import.
public struct CatalogSource: Sendable, Equatable {
  /// Absolute path.
  public var path: String
  /// SHA-256 of the file's bytes.
  public var digest: String

  public init(path: String, digest: String) {
    self.path = path
    self.digest = digest
  }
}

/// Everything read from a workspace's catalog sources before references are resolved.
public struct CatalogContents: Sendable {
  public var entities: [Entity] = []
  public var sources: [CatalogSource] = []
  public var warnings: [String] = []

  public init() {}
}

extension CatalogContents {
  /// Adds entities read from another source, such as Kubernetes manifests. An entity the
  /// catalog already defines keeps its catalog definition and gains the other's `dependsOn`.
  public mutating func merge(_ other: CatalogContents) {
    sources += other.sources
    warnings += other.warnings
    var index: [EntityRef: Int] = [:]
    for (offset, entity) in entities.enumerated() { index[entity.ref] = offset }
    for entity in other.entities {
      guard let existing = index[entity.ref] else {
        index[entity.ref] = entities.count
        entities.append(entity)
        continue
      }
      let added = entity.spec?["dependsOn"]?.array ?? []
      guard !added.isEmpty else { continue }
      entities[existing].spec = Self.appending(added, toListAt: "dependsOn",
                                               in: entities[existing].spec, mark: entity.spec!.mark)
    }
  }

  static func appending(_ items: [YAMLNode], toListAt key: String, in spec: YAMLNode?,
                        mark: YAMLNode.Mark) -> YAMLNode {
    var pairs = spec?.pairs ?? []
    if let position = pairs.firstIndex(where: { $0.key == key }) {
      let current = pairs[position].value.array ?? [pairs[position].value]
      pairs[position].value = .sequence(current + items, mark: pairs[position].value.mark)
    } else {
      pairs.append((key: key, value: .sequence(items, mark: mark)))
    }
    return .mapping(pairs, mark: spec?.mark ?? mark)
  }
}
