import Foundation

/// The settings in a workspace's `zof.yaml`.
public struct WorkspaceConfig: Sendable, Equatable {
  /// The git repository the catalog describes, relative to the workspace or absolute.
  public var repository: String = "."
  /// Catalog sources: files, folders (read recursively for `.yaml` and `.yml`) or globs.
  public var catalog: [String] = ["catalog-info.yaml"]
  /// Kubernetes manifest files or folders imported beside the catalog.
  public var kubernetes: [String] = []
  /// The SQLite store, relative to the workspace or absolute.
  public var store: String = ".zof/zof.db"
  /// Which Policy entity applies when the catalog defines more than one.
  public var policy: String?
  public var theme: String?
  /// The environment for checks that name none.
  public var environment: String = "ci"
  /// Whether the console opens in read-only mode.
  public var readonly: Bool = false
  /// A command run when a proposal is approved, such as `gh pr create ...`.
  public var pullRequestCommand: String?

  public init() {}

  static let knownKeys = [
    "repository", "catalog", "kubernetes", "store", "policy", "theme", "environment",
    "readonly", "pullRequest",
  ]

  /// Parses `zof.yaml` text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws -> WorkspaceConfig {
    let documents = try YAMLParser.parseDocuments(text, file: file)
    var config = WorkspaceConfig()
    guard let root = documents.first else { return config }
    guard let pairs = root.pairs else {
      throw error("zof.yaml must be a mapping of settings", root, file)
    }
    for (key, value) in pairs {
      try config.apply(key: key, value: value, file: file)
    }
    return config
  }

  private mutating func apply(key: String, value: YAMLNode, file: String) throws {
    switch key {
    case "repository": repository = try Self.text(value, key, file)
    case "store": store = try Self.text(value, key, file)
    case "policy": policy = try Self.text(value, key, file)
    case "theme": theme = try Self.text(value, key, file)
    case "environment": environment = try Self.text(value, key, file)
    case "catalog": catalog = try Self.list(value, key, file)
    case "kubernetes": kubernetes = try Self.list(value, key, file)
    case "readonly":
      guard let flag = value.bool else {
        throw Self.error("`readonly` must be true or false", value, file)
      }
      readonly = flag
    case "pullRequest":
      guard let command = value["command"], let text = command.string else {
        throw Self.error("`pullRequest` must be a mapping with a `command` string", value, file)
      }
      pullRequestCommand = text
    default:
      let suggestion = Suggestion.closest(to: key, in: Self.knownKeys)
      throw InputError(
        "unknown setting `\(key)` in zof.yaml",
        at: SourceLocation(file: file, line: value.mark.line, column: value.mark.column),
        hint: suggestion.map { "did you mean `\($0)`?" }
          ?? "known settings: \(Self.knownKeys.joined(separator: ", "))")
    }
  }

  private static func text(_ node: YAMLNode, _ key: String, _ file: String) throws -> String {
    guard let text = node.string, !text.isEmpty else {
      throw error("`\(key)` must be a non-empty string", node, file)
    }
    return text
  }

  private static func list(_ node: YAMLNode, _ key: String, _ file: String) throws -> [String] {
    guard let items = node.strings, !node.isNull else {
      throw error("`\(key)` must be a list of paths or globs", node, file)
    }
    return items
  }

  private static func error(_ message: String, _ node: YAMLNode, _ file: String) -> InputError {
    InputError(message, at: SourceLocation(file: file, line: node.mark.line,
                                           column: node.mark.column))
  }

  /// The commented file `zof init` writes.
  public static let template = """
    # Zof workspace settings. Paths are relative to this file's folder.

    # The git repository the catalog describes (default: this folder).
    repository: .

    # Catalog sources in Backstage's format: files, folders (read recursively for
    # .yaml and .yml files) or globs such as services/*/catalog-info.yaml.
    catalog:
      - catalog-info.yaml

    # The SQLite store (default: .zof/zof.db). The log file zof.log goes beside it.
    store: .zof/zof.db

    # The environment for checks that name none (default: ci).
    environment: ci

    # Which Policy entity applies when the catalog defines more than one.
    # policy: policy:default/main

    # Console theme: default, light, high-contrast or monochrome.
    # theme: default

    # Open the console read-only: everything is visible, nothing can change.
    # readonly: false

    # Command run when a proposal is approved, with the branch in $ZOF_BRANCH.
    # pullRequest:
    #   command: gh pr create --head "$ZOF_BRANCH" --fill

    """
}
