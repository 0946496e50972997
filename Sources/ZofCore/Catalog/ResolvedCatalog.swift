/// A catalog whose references are resolved into relations between entity indexes.
public struct ResolvedCatalog: Sendable {
  public var entities: [Entity]
  public var relations: [Relation]
  public var pathRules: [PathRule]
  public var sources: [CatalogSource]
  /// Problems that do not stop the import, such as references to missing entities.
  public var warnings: [String]

  public init(entities: [Entity], relations: [Relation], pathRules: [PathRule],
              sources: [CatalogSource], warnings: [String]) {
    self.entities = entities
    self.relations = relations
    self.pathRules = pathRules
    self.sources = sources
    self.warnings = warnings
  }
}
