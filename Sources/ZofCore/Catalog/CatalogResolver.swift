import Foundation

/// Resolves the references in loaded entities into relations and validates what each kind
/// requires, following Backstage's rules for default kinds and namespaces.
public struct CatalogResolver {
  /// Whether a reference to a missing entity is an error instead of a warning.
  public var strict: Bool
  /// The repository root, for reading CODEOWNERS; nil skips it.
  public var repositoryPath: String?

  public init(strict: Bool = false, repositoryPath: String? = nil) {
    self.strict = strict
    self.repositoryPath = repositoryPath
  }

  /// The annotation on a Component that lists the repository paths it owns.
  public static let pathsAnnotation = "zof.dev/paths"

  /// How a spec field turns into relations: the field, its default kind, the relation,
  /// and whether the relation points from the named entity back to this one.
  struct FieldRule {
    let field: String
    let defaultKind: String?
    let relation: RelationType
    let inverse: Bool
  }

  static let commonRules = [
    FieldRule(field: "owner", defaultKind: "group", relation: .ownedBy, inverse: false),
    FieldRule(field: "dependsOn", defaultKind: "component", relation: .dependsOn, inverse: false),
    FieldRule(field: "dependencyOf", defaultKind: "component", relation: .dependsOn,
              inverse: true),
  ]

  static let rulesByKind: [String: [FieldRule]] = [
    "component": commonRules + [
      FieldRule(field: "system", defaultKind: "system", relation: .partOf, inverse: false),
      FieldRule(field: "subcomponentOf", defaultKind: "component", relation: .subcomponentOf,
                inverse: false),
      FieldRule(field: "providesApis", defaultKind: "api", relation: .providesApi,
                inverse: false),
      FieldRule(field: "consumesApis", defaultKind: "api", relation: .consumesApi,
                inverse: false),
    ],
    "api": commonRules + [
      FieldRule(field: "system", defaultKind: "system", relation: .partOf, inverse: false),
      FieldRule(field: "apiProvidedBy", defaultKind: "component", relation: .providesApi,
                inverse: true),
      FieldRule(field: "apiConsumedBy", defaultKind: "component", relation: .consumesApi,
                inverse: true),
    ],
    "resource": commonRules + [
      FieldRule(field: "system", defaultKind: "system", relation: .partOf, inverse: false),
    ],
    "system": commonRules + [
      FieldRule(field: "domain", defaultKind: "domain", relation: .partOf, inverse: false),
    ],
    "domain": commonRules + [
      FieldRule(field: "subdomainOf", defaultKind: "domain", relation: .partOf, inverse: false),
    ],
    "group": [
      FieldRule(field: "parent", defaultKind: "group", relation: .childOf, inverse: false),
      FieldRule(field: "children", defaultKind: "group", relation: .childOf, inverse: true),
      FieldRule(field: "members", defaultKind: "user", relation: .memberOf, inverse: true),
    ],
    "user": [
      FieldRule(field: "memberOf", defaultKind: "group", relation: .memberOf, inverse: false),
    ],
    "workflow": commonRules + [
      FieldRule(field: "steps", defaultKind: "component", relation: .hasStep, inverse: false),
    ],
    "check": [
      FieldRule(field: "owner", defaultKind: "group", relation: .ownedBy, inverse: false),
      FieldRule(field: "covers", defaultKind: "component", relation: .covers, inverse: false),
    ],
    "incident": [
      FieldRule(field: "affects", defaultKind: "component", relation: .affects, inverse: false),
    ],
  ]

  /// Rules for kinds Zof does not model, such as AiResource.
  static let genericRules = commonRules + [
    FieldRule(field: "system", defaultKind: "system", relation: .partOf, inverse: false),
  ]

  /// Resolves `contents`; throws every error found, or returns the catalog.
  public func resolve(_ contents: CatalogContents) throws -> ResolvedCatalog {
    var errors: [InputError] = []
    var warnings = contents.warnings
    var index: [EntityRef: Int32] = [:]
    for (offset, entity) in contents.entities.enumerated() {
      if let previous = index[entity.ref] {
        let first = contents.entities[Int(previous)].location
        errors.append(InputError("duplicate entity \(entity.ref)", at: entity.location,
                                 hint: "it is also defined at \(first); rename or remove one"))
        continue
      }
      index[entity.ref] = Int32(offset)
    }
    var relations: [Relation] = []
    var seen: Set<Relation> = []
    var missing: [String] = []
    for (offset, entity) in contents.entities.enumerated() {
      do {
        try KindValidator.validate(entity)
      } catch let error as InputError {
        errors.append(error)
      }
      let kind = entity.kind.lowercased()
      let rules = Self.rulesByKind[kind]
        ?? (EntityKinds.zof.contains(kind) ? Self.commonRules : Self.genericRules)
      for rule in rules {
        guard let node = entity.spec?[rule.field] else { continue }
        for (text, mark) in Self.referenceTexts(node) {
          let at = SourceLocation(file: entity.location.file, line: mark.line, column: mark.column)
          guard let ref = EntityRef(parsing: text, defaultKind: rule.defaultKind,
                                    defaultNamespace: entity.namespace) else {
            errors.append(InputError("invalid entity reference `\(text)` in spec.\(rule.field)",
                                     at: at, hint: "write it as kind:namespace/name or name"))
            continue
          }
          guard let target = index[ref] else {
            missing.append("\(at): spec.\(rule.field) of \(entity.ref.short) refers to \(ref), "
              + "which is not in the catalog")
            continue
          }
          let this = Int32(offset)
          let relation = rule.inverse
            ? Relation(source: target, type: rule.relation, target: this)
            : Relation(source: this, type: rule.relation, target: target)
          if seen.insert(relation).inserted { relations.append(relation) }
        }
      }
    }
    if strict {
      errors += missing.map { InputError($0, hint: "add the entity or fix the reference") }
    } else {
      warnings += missing
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    var pathRules = Self.annotationPathRules(contents.entities)
    var sources = contents.sources
    if let repositoryPath {
      let owners = CodeOwners.load(repositoryPath: repositoryPath)
      pathRules += owners.pathRules(index: index, warnings: &warnings)
      if let source = owners.source { sources.append(source) }
    }
    return ResolvedCatalog(entities: contents.entities, relations: relations,
                           pathRules: pathRules, sources: sources, warnings: warnings)
  }

  /// Reference strings in a field that holds one reference or a list of them.
  static func referenceTexts(_ node: YAMLNode) -> [(String, YAMLNode.Mark)] {
    switch node {
    case .scalar:
      return node.string.map { [($0, node.mark)] } ?? []
    case .sequence(let items, _):
      return items.compactMap { item in item.string.map { ($0, item.mark) } }
    case .mapping:
      return []
    }
  }

  static func annotationPathRules(_ entities: [Entity]) -> [PathRule] {
    var rules: [PathRule] = []
    for (offset, entity) in entities.enumerated() {
      guard let value = entity.annotations[pathsAnnotation] else { continue }
      for pattern in value.split(separator: ",") {
        let trimmed = pattern.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        rules.append(PathRule(pattern: trimmed, owner: Int32(offset), origin: "annotation"))
      }
    }
    return rules
  }
}
