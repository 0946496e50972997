import Foundation

/// Keeps the stored graph in step with the catalog files: imports when they changed since the
/// last snapshot, otherwise loads the snapshot.
public struct GraphService {
  public let workspace: Workspace
  public let store: Store
  public var logger: Logger = .disabled

  public init(workspace: Workspace, store: Store, logger: Logger = .disabled) {
    self.workspace = workspace
    self.store = store
    self.logger = logger
  }

  /// The graph with the snapshot it came from, and whether this call imported it.
  public struct Loaded: Sendable {
    public var graph: SystemGraph
    public var snapshot: SnapshotInfo
    public var imported: Bool
  }

  /// Reads and resolves the catalog without storing anything.
  public func readCatalog(strict: Bool = false) throws -> ResolvedCatalog {
    var contents = try CatalogLoader(baseFolder: workspace.root).load(workspace.config.catalog)
    if !workspace.config.kubernetes.isEmpty {
      let manifests = try KubernetesImporter(baseFolder: workspace.root)
        .load(workspace.config.kubernetes)
      contents.merge(manifests)
    }
    let resolver = CatalogResolver(strict: strict, repositoryPath: workspace.repositoryPath)
    var catalog = try resolver.resolve(contents)
    // zof.yaml lists the catalog's files, so removing an entry there changes the catalog
    // although no catalog file changed.
    let settings = (workspace.root as NSString).appendingPathComponent(Workspace.fileName)
    if let (source, _) = CatalogSource.read(settings,
                                            recordedAs: CatalogLoader.canonicalPath(settings)) {
      catalog.sources.append(source)
    }
    return catalog
  }

  /// Imports the catalog as a new snapshot, whether or not it changed.
  public func importCatalog(strict: Bool = false) throws -> Loaded {
    try save(try readCatalog(strict: strict))
  }

  /// The catalog to import when its files changed since the latest snapshot (or no snapshot
  /// exists), with that snapshot; nil catalog when the snapshot is current.
  public func pendingImport() throws -> (catalog: ResolvedCatalog?, latest: SnapshotInfo?) {
    let latest = try store.snapshots.latest()
    if let latest, try !sourcesChanged(since: latest) { return (nil, latest) }
    return (try readCatalog(), latest)
  }

  /// Stores a catalog read by `pendingImport` as a new snapshot.
  /// `reusingAnyAfter` is passed to `SnapshotRepository.save`.
  public func save(_ catalog: ResolvedCatalog, reusingAnyAfter after: Int64? = nil) throws
    -> Loaded
  {
    let id = try store.snapshots.save(catalog, reusingAnyAfter: after)
    logger.info("catalog.import", [("snapshot", id), ("entities", catalog.entities.count),
                                   ("relations", catalog.relations.count),
                                   ("warnings", catalog.warnings.count)])
    guard let info = try store.snapshots.info(id: id) else {
      throw OperationError("load snapshot \(id)", "it was not found right after saving it")
    }
    return Loaded(graph: SystemGraph(catalog), snapshot: info, imported: true)
  }

  /// Returns the current graph, importing first when no snapshot exists or a source file
  /// changed, appeared or disappeared since the last one.
  public func current() throws -> Loaded {
    if let latest = try store.snapshots.latest(), try !sourcesChanged(since: latest) {
      return Loaded(graph: try store.snapshots.loadGraph(id: latest.id), snapshot: latest,
                    imported: false)
    }
    return try importCatalog()
  }

  /// Compares the digests of the snapshot's files, and of the files the catalog entries
  /// name now, with what the snapshot recorded.
  ///
  /// NOTE: a file that only a glob inside an unchanged Location would now match is not seen
  /// until some other source changes or `zof graph import` runs.
  func sourcesChanged(since snapshot: SnapshotInfo) throws -> Bool {
    let recorded = Dictionary(snapshot.sources.map { ($0.path, $0) },
                              uniquingKeysWith: { first, _ in first })
    let loader = CatalogLoader(baseFolder: workspace.root)
    var current: Set<String> = []
    for entry in workspace.config.catalog + workspace.config.kubernetes {
      for file in try loader.expand(entry, relativeTo: workspace.root, origin: nil) {
        current.insert(CatalogLoader.canonicalPath(file))
      }
    }
    if current.contains(where: { recorded[$0] == nil }) { return true }
    var newStamps: [String: FileStamp] = [:]
    for source in recorded.values {
      switch source.verify() {
      case .changed: return true
      case .unchanged: break
      case .unchangedWithNewStamp(let stamp): newStamps[source.path] = stamp
      }
    }
    // Files hashed because they had no settled stamp are stamped now, so the next session
    // does not read them again.
    if !newStamps.isEmpty {
      try store.snapshots.recordStamps(newStamps, snapshot: snapshot.id)
    }
    let owners = CodeOwners.load(repositoryPath: workspace.repositoryPath)
    if let source = owners.source, recorded[source.path] == nil { return true }
    return false
  }
}
