/// Typed access to the fields of an entity's `spec`, with errors at the field's position.
struct SpecFields {
  let entity: Entity
  let spec: YAMLNode?

  init(entity: Entity) {
    self.entity = entity
    self.spec = entity.spec
  }

  func error(_ message: String, at key: String? = nil, hint: String? = nil) -> InputError {
    InputError(message, at: location(of: key.flatMap { spec?[$0] }), hint: hint)
  }

  func location(of node: YAMLNode?) -> SourceLocation {
    guard let mark = node?.mark else { return entity.location }
    return SourceLocation(file: entity.location.file, line: mark.line, column: mark.column)
  }

  func string(_ key: String) throws -> String? {
    guard let node = spec?[key], !node.isNull else { return nil }
    guard case .scalar = node, let text = node.string else {
      throw InputError("spec.\(key) must be a string", at: location(of: node))
    }
    return text
  }

  /// Reads a list of strings, taking a single string as a list of one.
  func strings(_ key: String) throws -> [String]? {
    guard let node = spec?[key], !node.isNull else { return nil }
    if case .sequence(let items, _) = node {
      return try items.map { item in
        guard case .scalar = item, let text = item.string else {
          throw InputError("spec.\(key) must list strings", at: location(of: item))
        }
        return text
      }
    }
    guard case .scalar = node, let text = node.string else {
      throw InputError("spec.\(key) must be a string or a list of strings",
                       at: location(of: node))
    }
    return [text]
  }

  func stringMap(_ key: String) throws -> [String: String] {
    guard let node = spec?[key], !node.isNull else { return [:] }
    guard let pairs = node.pairs else {
      throw InputError("spec.\(key) must map names to values", at: location(of: node))
    }
    var result: [String: String] = [:]
    for pair in pairs {
      guard case .scalar(let value, _, _) = pair.value else {
        throw InputError("spec.\(key).\(pair.key) must be a string", at: location(of: pair.value))
      }
      result[pair.key] = value
    }
    return result
  }

  /// Reads a whole number of at least `minimum`.
  func count(_ key: String, minimum: Int) throws -> Int? {
    guard let node = spec?[key], !node.isNull else { return nil }
    guard let value = node.int, value >= minimum else {
      throw InputError("spec.\(key) must be a whole number of at least \(minimum), "
                         + "not '\(node.string ?? "a collection")'", at: location(of: node))
    }
    return value
  }

  /// Reads a duration such as `90s` or `5m`, taking a bare number as seconds.
  func duration(_ key: String) throws -> Double? {
    guard let node = spec?[key], !node.isNull else { return nil }
    let text = node.string ?? ""
    let seconds = Double(text) ?? DurationText.seconds(text)
    guard let seconds, seconds > 0, seconds.isFinite else {
      throw InputError("spec.\(key) '\(text)' is not a valid duration", at: location(of: node),
                       hint: "write a number with a unit, such as 90s, 5m or 1h")
    }
    return seconds
  }

  /// Reads the working directory, which must stay inside the repository.
  func workdir() throws -> String {
    guard let text = try string("workdir"), !text.isEmpty else { return "." }
    let parts = text.split(separator: "/")
    if text.hasPrefix("/") || parts.contains("..") {
      throw InputError("spec.workdir '\(text)' must be a path inside the repository",
                       at: location(of: spec?["workdir"]),
                       hint: "write it relative to the repository root, without '..'")
    }
    return text
  }

  func report() throws -> CheckSpec.Report {
    guard let node = spec?["report"], !node.isNull else { return .exitCode }
    let formatNode = node["format"]
    let format = formatNode?.string ?? node.string ?? "exit-code"
    switch format {
    case "exit-code":
      return .exitCode
    case "tap":
      return .tap
    case "junit":
      guard let path = node["path"]?.string, !path.isEmpty else {
        throw InputError("spec.report.path is required for the junit format",
                         at: location(of: node), hint: "add a glob such as build/test-*.xml")
      }
      return .junit(path: path)
    default:
      throw InputError("spec.report.format '\(format)' is not supported",
                       at: location(of: formatNode ?? node),
                       hint: "use exit-code, junit or tap")
    }
  }
}
