import Foundation

extension YAMLNode {
  /// A value for JSONSerialization: quoted scalars become strings, plain scalars become the
  /// number, boolean or null they spell, collections nest.
  public var jsonValue: Any {
    switch self {
    case .scalar(let text, let quoted, _):
      if quoted { return text }
      if isNull { return NSNull() }
      if let bool { return bool }
      if let int = Int(text) { return int }
      if text.contains(Character(".")), let double = Double(text) { return double }
      return text
    case .sequence(let items, _):
      return items.map(\.jsonValue)
    case .mapping(let pairs, _):
      var object: [String: Any] = [:]
      for pair in pairs { object[pair.key] = pair.value.jsonValue }
      return object
    }
  }

  /// Rebuilds a node from a JSONSerialization value; every node gets `mark`.
  public init(json: Any, mark: Mark) {
    switch json {
    case let text as String:
      self = .scalar(text, quoted: true, mark: mark)
    case let number as NSNumber:
      // JSONSerialization hands booleans back as NSNumber with the objCType of a C char.
      let isBool = String(cString: number.objCType) == "c"
      var text = number.stringValue
      if isBool { text = number.boolValue ? "true" : "false" }
      self = .scalar(text, quoted: false, mark: mark)
    case let items as [Any]:
      self = .sequence(items.map { YAMLNode(json: $0, mark: mark) }, mark: mark)
    case let object as [String: Any]:
      let pairs = object.keys.sorted().map { key in
        (key: key, value: YAMLNode(json: object[key]!, mark: mark))
      }
      self = .mapping(pairs, mark: mark)
    default:
      self = .scalar("null", quoted: false, mark: mark)
    }
  }

  /// Copies `node` with every mark set to `mark`.
  public init(relocating node: YAMLNode, to mark: Mark) {
    switch node {
    case .scalar(let text, let quoted, _):
      self = .scalar(text, quoted: quoted, mark: mark)
    case .sequence(let items, _):
      self = .sequence(items.map { YAMLNode(relocating: $0, to: mark) }, mark: mark)
    case .mapping(let pairs, _):
      self = .mapping(pairs.map { (key: $0.key, value: YAMLNode(relocating: $0.value, to: mark)) },
                      mark: mark)
    }
  }
}
