import Testing
@testable import ZofCore

/// Builds entities from YAML text for tests, reading only what governance needs:
/// apiVersion, kind, metadata.name, metadata.namespace and spec.
enum TestCatalog {
  static func entities(_ yaml: String, file: String = "catalog.yaml") throws -> [Entity] {
    try YAMLParser.parseDocuments(yaml, file: file).map { document in
      let metadata = document["metadata"]
      return Entity(
        apiVersion: document["apiVersion"]?.string ?? "",
        kind: document["kind"]?.string ?? "",
        namespace: metadata?["namespace"]?.string ?? "default",
        name: metadata?["name"]?.string ?? "",
        spec: document["spec"],
        location: SourceLocation(file: file, line: document.mark.line,
                                 column: document.mark.column))
    }
  }

  static func policy(_ yaml: String) throws -> Policy {
    let entity = try #require(try entities(yaml, file: "policy.yaml").first)
    return try Policy(entity: entity)
  }
}
