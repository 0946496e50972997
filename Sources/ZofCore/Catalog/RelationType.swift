/// The directed relations Zof keeps, named as Backstage names them where it has a name.
///
/// Each is stored once, from the entity that depends, belongs or acts to the one it names;
/// the inverse direction comes from the graph's reverse adjacency.
public enum RelationType: Int, Sendable, CaseIterable, CustomStringConvertible {
  /// `spec.dependsOn` (and `spec.dependencyOf` read in reverse).
  case dependsOn = 0
  /// A component provides an API (`spec.providesApis`).
  case providesApi
  /// A component consumes an API (`spec.consumesApis`).
  case consumesApi
  /// `spec.owner`.
  case ownedBy
  /// `spec.system`, `spec.domain` and `spec.subdomainOf`.
  case partOf
  /// `spec.subcomponentOf`: the subject is a part of the named component.
  case subcomponentOf
  /// A user or group is a member of a group (`memberOf`, `members`).
  case memberOf
  /// A group's parent group (`parent`, and `children` read in reverse).
  case childOf
  /// A workflow includes an entity as one of its steps.
  case hasStep
  /// A check covers an entity or a workflow.
  case covers
  /// An incident affects an entity.
  case affects

  public var description: String {
    switch self {
    case .dependsOn: "dependsOn"
    case .providesApi: "providesApi"
    case .consumesApi: "consumesApi"
    case .ownedBy: "ownedBy"
    case .partOf: "partOf"
    case .subcomponentOf: "subcomponentOf"
    case .memberOf: "memberOf"
    case .childOf: "childOf"
    case .hasStep: "hasStep"
    case .covers: "covers"
    case .affects: "affects"
    }
  }

  /// The name of the relation read from the other end, for `graph show`.
  public var inverseDescription: String {
    switch self {
    case .dependsOn: "dependencyOf"
    case .providesApi: "apiProvidedBy"
    case .consumesApi: "apiConsumedBy"
    case .ownedBy: "ownerOf"
    case .partOf: "hasPart"
    case .subcomponentOf: "hasSubcomponent"
    case .memberOf: "hasMember"
    case .childOf: "parentOf"
    case .hasStep: "stepOf"
    case .covers: "coveredBy"
    case .affects: "affectedBy"
    }
  }
}

/// One relation between two entities, by their index in the catalog.
public struct Relation: Sendable, Hashable {
  public var source: Int32
  public var type: RelationType
  public var target: Int32

  public init(source: Int32, type: RelationType, target: Int32) {
    self.source = source
    self.type = type
    self.target = target
  }
}

/// A repository path glob owned by an entity, from an annotation or CODEOWNERS.
public struct PathRule: Sendable, Hashable {
  public var pattern: String
  public var owner: Int32
  /// Where the rule came from: `annotation` or `CODEOWNERS:LINE`.
  public var origin: String

  public init(pattern: String, owner: Int32, origin: String) {
    self.pattern = pattern
    self.owner = owner
    self.origin = origin
  }
}
