import Foundation

/// Reads Kubernetes manifests into catalog entities: each workload (Deployment, StatefulSet,
/// DaemonSet) becomes a Component, a Service becomes the workloads its selector matches (or a
/// Component of its own when it matches none), and a container environment variable whose
/// value names a Service's host (`name:port`, `http://name/...`,
/// `name.namespace.svc.cluster.local`) becomes a `dependsOn` relation.
public struct KubernetesImporter: Sendable {
  public let baseFolder: String

  public init(baseFolder: String) {
    self.baseFolder = baseFolder
  }

  static let workloadKinds: Set<String> = ["deployment", "statefulset", "daemonset"]

  /// A workload or Service read from a manifest.
  struct Object {
    var kind: String
    var name: String
    var namespace: String
    var location: SourceLocation
    /// Pod template labels of a workload, or the selector of a Service.
    var labels: [String: String]
    /// Environment variable values of every container and init container.
    var environmentValues: [(name: String, value: String, mark: YAMLNode.Mark)]
  }

  /// Loads manifests from files or folders and returns them as entities and sources.
  public func load(_ entries: [String]) throws -> CatalogContents {
    let loader = CatalogLoader(baseFolder: baseFolder)
    var objects: [Object] = []
    var contents = CatalogContents()
    var errors: [InputError] = []
    for entry in entries {
      let files = try loader.expand(entry, relativeTo: baseFolder, origin: nil)
      if files.isEmpty {
        errors.append(InputError("kubernetes entry `\(entry)` matches no file",
                                 hint: "check the path in zof.yaml under `kubernetes:`"))
      }
      for file in files {
        let path = CatalogLoader.canonicalPath(file)
        guard let (source, data) = CatalogSource.read(path) else {
          errors.append(InputError("cannot read manifest \(path)"))
          continue
        }
        contents.sources.append(source)
        do {
          let documents = try YAMLParser.parseDocuments(String(decoding: data, as: UTF8.self),
                                                        file: path)
          objects += documents.compactMap { Self.object(from: $0, file: path) }
        } catch let error as InputError {
          errors.append(error)
        }
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    let (entities, warnings) = Self.entities(from: objects)
    contents.entities = entities
    contents.warnings = warnings
    return contents
  }

  static func object(from document: YAMLNode, file: String) -> Object? {
    guard let kind = document["kind"]?.string?.lowercased(),
          workloadKinds.contains(kind) || kind == "service",
          let name = document["metadata"]?["name"]?.string
    else { return nil }
    let namespace = document["metadata"]?["namespace"]?.string ?? "default"
    let location = SourceLocation(file: file, line: document.mark.line,
                                  column: document.mark.column)
    let spec = document["spec"]
    if kind == "service" {
      return Object(kind: kind, name: name, namespace: namespace, location: location,
                    labels: stringMap(spec?["selector"]), environmentValues: [])
    }
    let pod = spec?["template"]?["spec"]
    var values: [(name: String, value: String, mark: YAMLNode.Mark)] = []
    for key in ["containers", "initContainers"] {
      for container in pod?[key]?.array ?? [] {
        for variable in container["env"]?.array ?? [] {
          guard let value = variable["value"], let text = value.string else { continue }
          values.append((name: variable["name"]?.string ?? "", value: text, mark: value.mark))
        }
      }
    }
    return Object(kind: kind, name: name, namespace: namespace, location: location,
                  labels: stringMap(spec?["template"]?["metadata"]?["labels"]),
                  environmentValues: values)
  }

  /// Turns workloads and Services into Components with `dependsOn` between them.
  static func entities(from objects: [Object]) -> ([Entity], [String]) {
    let workloads = objects.filter { workloadKinds.contains($0.kind) }
    let services = objects.filter { $0.kind == "service" }
    // The components behind each Service's host name.
    var hosts: [String: [String]] = [:]
    var standalone: [Object] = []
    for service in services {
      let matched = workloads.filter { workload in
        workload.namespace == service.namespace && !service.labels.isEmpty
          && service.labels.allSatisfy { workload.labels[$0.key] == $0.value }
      }
      if matched.isEmpty { standalone.append(service) }
      let names = matched.isEmpty ? [service.name] : matched.map(\.name)
      hosts["\(service.namespace)/\(service.name)", default: []] += names
    }
    var warnings: [String] = []
    var entities: [Entity] = []
    for object in workloads + standalone {
      var dependencies: [String] = []
      for variable in object.environmentValues {
        guard let host = host(in: variable.value) else { continue }
        let namespace = host.namespace ?? object.namespace
        guard let targets = hosts["\(namespace)/\(host.name)"] else {
          if looksLikeServiceAddress(variable.value) {
            warnings.append("\(object.location.file):\(variable.mark.line):"
              + "\(variable.mark.column): \(variable.name) names host `\(host.name)`, which "
              + "no Service in the manifests provides")
          }
          continue
        }
        for target in targets where target != object.name {
          let ref = "component:\(namespace)/\(target)"
          if !dependencies.contains(ref) { dependencies.append(ref) }
        }
      }
      entities.append(entity(for: object, dependencies: dependencies))
    }
    return (entities, warnings)
  }

  static func entity(for object: Object, dependencies: [String]) -> Entity {
    let mark = YAMLNode.Mark(line: object.location.line, column: object.location.column)
    var pairs: [(key: String, value: YAMLNode)] = [
      (key: "type", value: .scalar("service", quoted: false, mark: mark)),
    ]
    if !dependencies.isEmpty {
      let items = dependencies.map { YAMLNode.scalar($0, quoted: false, mark: mark) }
      pairs.append((key: "dependsOn", value: .sequence(items, mark: mark)))
    }
    return Entity(apiVersion: "backstage.io/v1alpha1", kind: "Component",
                  namespace: object.namespace, name: object.name,
                  annotations: ["zof.dev/kubernetes": object.kind],
                  spec: .mapping(pairs, mark: mark), location: object.location)
  }

  /// Returns the host an environment value names, when it has the shape of an address.
  static func host(in value: String) -> (name: String, namespace: String?)? {
    var text = Substring(value.trimmingCharacters(in: .whitespaces))
    if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
    if let at = text.lastIndex(of: "@") { text = text[text.index(after: at)...] }
    let hostPart = text.prefix { $0 != ":" && $0 != "/" && $0 != "?" }
    guard !hostPart.isEmpty,
          hostPart.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
          hostPart.first?.isLetter == true
    else { return nil }
    let labels = hostPart.split(separator: ".")
    let name = String(labels[0])
    let namespace = labels.count > 1 && !["svc"].contains(labels[1]) ? String(labels[1]) : nil
    // A bare word without a port or scheme is an ordinary setting, not an address.
    let hasPort = text.dropFirst(hostPart.count).first == ":"
    let hasScheme = value.contains("://")
    guard hasPort || hasScheme || labels.count > 1 else { return nil }
    return (name, namespace)
  }

  static func looksLikeServiceAddress(_ value: String) -> Bool {
    value.contains("://") || value.range(of: #"^[a-z0-9-]+:[0-9]+$"#,
                                         options: .regularExpression) != nil
  }

  private static func stringMap(_ node: YAMLNode?) -> [String: String] {
    var map: [String: String] = [:]
    for pair in node?.pairs ?? [] { map[pair.key] = pair.value.string }
    return map
  }
}
