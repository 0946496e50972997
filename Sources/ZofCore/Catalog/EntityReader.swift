/// Turns one YAML document into an `Entity`, checking the envelope every kind shares.
enum EntityReader {
  /// Reads `document` from `file`; unknown Backstage kinds come back with a warning.
  static func read(_ document: YAMLNode, file: String) throws -> (Entity, String?) {
    func location(_ node: YAMLNode) -> SourceLocation {
      SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }
    guard document.pairs != nil else {
      throw InputError("a catalog document must be a mapping with apiVersion, kind and metadata",
                       at: location(document))
    }
    guard let apiVersion = document["apiVersion"]?.string, !apiVersion.isEmpty else {
      throw InputError("missing `apiVersion`", at: location(document),
                       hint: "add `apiVersion: backstage.io/v1alpha1` or `zof.dev/v1alpha1`")
    }
    guard let kindNode = document["kind"], let kind = kindNode.string, !kind.isEmpty else {
      throw InputError("missing `kind`", at: location(document))
    }
    guard let metadata = document["metadata"], metadata.pairs != nil else {
      throw InputError("missing `metadata` for \(kind)", at: location(document),
                       hint: "add `metadata:` with at least `name:`")
    }
    guard let nameNode = metadata["name"], let name = nameNode.string, !name.isEmpty else {
      throw InputError("missing `metadata.name` for \(kind)", at: location(metadata),
                       hint: "every entity needs a name, unique within its kind and namespace")
    }
    try checkName(name, node: nameNode, file: file)
    let namespace = metadata["namespace"]?.string ?? "default"
    let warning = try checkKind(kind, apiVersion: apiVersion, node: kindNode, file: file)
    let entity = Entity(
      apiVersion: apiVersion, kind: kind, namespace: namespace, name: name,
      title: metadata["title"]?.string, description: metadata["description"]?.string,
      annotations: stringMap(metadata["annotations"]), labels: stringMap(metadata["labels"]),
      tags: metadata["tags"]?.strings ?? [], spec: document["spec"],
      location: location(document))
    return (entity, warning)
  }

  /// Rejects names that cannot round-trip through an entity reference.
  private static func checkName(_ name: String, node: YAMLNode, file: String) throws {
    let forbidden = name.contains { $0 == ":" || $0 == "/" || $0.isWhitespace }
    guard !forbidden, name.count <= 253 else {
      throw InputError(
        "invalid metadata.name `\(name)`",
        at: SourceLocation(file: file, line: node.mark.line, column: node.mark.column),
        hint: "use letters, digits, `-`, `_` and `.`; `:`, `/` and spaces are not allowed")
    }
  }

  /// Accepts Zof's kinds under `zof.dev`, Backstage's under `backstage.io`, and other
  /// Backstage kinds (such as AiResource) with a warning; rejects everything else.
  private static func checkKind(_ kind: String, apiVersion: String, node: YAMLNode,
                                file: String) throws -> String? {
    let lower = kind.lowercased()
    let group = apiVersion.split(separator: "/").first.map(String.init) ?? apiVersion
    let at = SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    if group == EntityKinds.zofGroup {
      if EntityKinds.zof.contains(lower) { return nil }
      throw InputError(
        "unknown kind `\(kind)` for apiVersion \(apiVersion)", at: at,
        hint: "Zof's kinds are \(EntityKinds.zofKindNames.joined(separator: ", "))")
    }
    let isBackstage = group == "backstage.io" || group.hasSuffix(".backstage.io")
    if isBackstage {
      if EntityKinds.backstage.contains(lower) { return nil }
      if EntityKinds.zof.contains(lower) {
        throw InputError("kind `\(kind)` belongs to apiVersion \(EntityKinds.zofAPIVersion)",
                         at: at, hint: "change apiVersion to \(EntityKinds.zofAPIVersion)")
      }
      return "\(at): kind `\(kind)` is not modeled by zof; only its owner, system and "
        + "dependsOn relations are read"
    }
    throw InputError(
      "unknown kind `\(kind)` with apiVersion \(apiVersion)", at: at,
      hint: "use a Backstage kind with apiVersion backstage.io/v1alpha1, or one of Zof's "
        + "kinds with \(EntityKinds.zofAPIVersion)")
  }

  private static func stringMap(_ node: YAMLNode?) -> [String: String] {
    var map: [String: String] = [:]
    for pair in node?.pairs ?? [] {
      if let value = pair.value.string { map[pair.key] = value }
    }
    return map
  }
}

extension EntityKinds {
  static let zofKindNames = [
    "Workflow", "Check", "Fleet", "Environment", "Incident", "Remediator", "Policy",
  ]
}
