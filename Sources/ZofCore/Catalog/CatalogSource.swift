import Foundation

/// One file the catalog was read from, with the digest that decides when to re-import.
public struct CatalogSource: Sendable, Equatable {
  /// Absolute path.
  public var path: String
  /// SHA-256 of the file's bytes.
  public var digest: String
  /// Size and modification time when it was read. While they match, the file is not read
  /// again to find out whether it changed. Nil in snapshots stored before stamps were kept.
  public var stamp: FileStamp?

  public init(path: String, digest: String, stamp: FileStamp? = nil) {
    self.path = path
    self.digest = digest
    self.stamp = stamp
  }

  /// Reads the file at `path` and returns its bytes with the source that records them under
  /// `recordedPath` (the path itself by default). Returns nil when the file cannot be read.
  ///
  /// The stamp is taken before the bytes are read, and only for a file last modified more
  /// than `FileStamp.settleNanoseconds` earlier. A newer file could be written again within
  /// the clock's granularity without its stamp moving. So it gets no stamp, and each check
  /// hashes it until `verify` can stamp it.
  public static func read(_ path: String, recordedAs recordedPath: String? = nil)
    -> (source: CatalogSource, data: Data)?
  {
    let stamp = FileStamp.of(path).flatMap { $0.isSettled() ? $0 : nil }
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let source = CatalogSource(path: recordedPath ?? path, digest: SHA256.hex(data),
                               stamp: stamp)
    return (source, data)
  }

  /// The outcome of checking a recorded source against its file.
  public enum Check: Equatable, Sendable {
    case unchanged
    /// The bytes are the ones recorded, and the file now has a settled stamp to record.
    case unchangedWithNewStamp(FileStamp)
    case changed
  }

  /// Checks whether the file still contains the bytes recorded. It reads and hashes the
  /// file only when the stamp is missing or different.
  public func verify() -> Check {
    guard let current = FileStamp.of(path) else { return .changed }
    if let stamp, stamp == current { return .unchanged }
    guard let data = FileManager.default.contents(atPath: path),
          SHA256.hex(data) == digest
    else { return .changed }
    return current.isSettled() && FileStamp.of(path) == current
      ? .unchangedWithNewStamp(current) : .unchanged
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
