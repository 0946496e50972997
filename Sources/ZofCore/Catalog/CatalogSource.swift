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
