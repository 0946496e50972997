/// One catalog entity as written in a file: a Backstage kind or one of Zof's own.
public struct Entity: Sendable {
  public var apiVersion: String
  /// The kind as written, such as `Component`.
  public var kind: String
  public var namespace: String
  public var name: String
  public var title: String?
  public var description: String?
  public var annotations: [String: String]
  public var labels: [String: String]
  public var tags: [String]
  /// `spec` as parsed, read by the code that understands each kind.
  public var spec: YAMLNode?
  /// Where the entity's document starts.
  public var location: SourceLocation

  public init(apiVersion: String, kind: String, namespace: String = "default", name: String,
              title: String? = nil, description: String? = nil,
              annotations: [String: String] = [:], labels: [String: String] = [:],
              tags: [String] = [], spec: YAMLNode? = nil,
              location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.title = title
    self.description = description
    self.annotations = annotations
    self.labels = labels
    self.tags = tags
    self.spec = spec
    self.location = location
  }

  public var ref: EntityRef { EntityRef(kind: kind, namespace: namespace, name: name) }

  /// `spec.type`, such as `service` or `library` for a Component.
  public var type: String? { spec?["type"]?.string }

  /// Whether the entity uses Zof's own `apiVersion` group.
  public var isZofKind: Bool { apiVersion.hasPrefix(EntityKinds.zofGroup + "/") }
}

/// The kinds Zof reads and the `apiVersion` group of its own kinds.
public enum EntityKinds {
  public static let zofGroup = "zof.dev"
  public static let zofAPIVersion = "zof.dev/v1alpha1"

  /// Backstage's kinds (apiVersion `backstage.io/v1alpha1` or `v1beta1`).
  public static let backstage: Set<String> = [
    "component", "api", "resource", "system", "domain", "group", "user", "location", "template",
  ]

  /// Zof's kinds under `zof.dev/v1alpha1`.
  public static let zof: Set<String> = [
    "workflow", "check", "fleet", "environment", "incident", "remediator", "policy",
  ]
}
