/// A YAML node as libyaml read it, with the position where it starts.
///
/// Scalars keep their text and whether they were quoted, so `"123"` stays a string and `yes`
/// can still be read as a boolean where a field expects one. Mapping keys keep their order.
public indirect enum YAMLNode: Sendable, Equatable {
  case scalar(String, quoted: Bool, mark: Mark)
  case sequence([YAMLNode], mark: Mark)
  case mapping([(key: String, value: YAMLNode)], mark: Mark)

  /// A 1-based line and column within one file.
  public struct Mark: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
      self.line = line
      self.column = column
    }
  }

  public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
    switch (lhs, rhs) {
    case let (.scalar(a, qa, _), .scalar(b, qb, _)): a == b && qa == qb
    case let (.sequence(a, _), .sequence(b, _)): a == b
    case let (.mapping(a, _), .mapping(b, _)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  public var mark: Mark {
    switch self {
    case .scalar(_, _, let mark), .sequence(_, let mark), .mapping(_, let mark): mark
    }
  }

  /// The value for `key` when this is a mapping.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs, _) = self else { return nil }
    return pairs.first { $0.key == key }?.value
  }

  /// The text of a scalar; nil for collections and for a plain `null` or `~`.
  public var string: String? {
    guard case .scalar(let text, let quoted, _) = self else { return nil }
    if !quoted && (text == "~" || text == "null" || text == "Null" || text == "NULL") {
      return nil
    }
    return text
  }

  /// Whether this is an explicit null (or an empty plain scalar).
  public var isNull: Bool {
    guard case .scalar(let text, let quoted, _) = self, !quoted else { return false }
    return text.isEmpty || text == "~" || text.lowercased() == "null"
  }

  public var int: Int? { string.flatMap { Int($0) } }

  public var double: Double? { string.flatMap { Double($0) } }

  /// A YAML 1.1 boolean for a plain scalar.
  public var bool: Bool? {
    guard case .scalar(let text, false, _) = self else { return nil }
    switch text.lowercased() {
    case "true", "yes", "on", "y": return true
    case "false", "no", "off", "n": return false
    default: return nil
    }
  }

  public var array: [YAMLNode]? {
    guard case .sequence(let items, _) = self else { return nil }
    return items
  }

  public var pairs: [(key: String, value: YAMLNode)]? {
    guard case .mapping(let pairs, _) = self else { return nil }
    return pairs
  }

  /// A list of strings: a sequence of scalars, or a single scalar taken as one item.
  public var strings: [String]? {
    switch self {
    case .sequence(let items, _): return items.compactMap(\.string)
    case .scalar: return string.map { [$0] }
    case .mapping: return nil
    }
  }

}

