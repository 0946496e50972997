import Foundation

/// A reference to a catalog entity, `kind:namespace/name`, compared case-insensitively.
///
/// Parsing follows Backstage: the kind and namespace may be left out when the field that
/// holds the reference implies a default kind (for example `owner` implies Group), and the
/// namespace defaults to that of the referring entity, usually `default`.
public struct EntityRef: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Lowercased kind, such as `component`.
  public let kind: String
  public let namespace: String
  public let name: String

  public init(kind: String, namespace: String = "default", name: String) {
    self.kind = EntityRef.folded(kind)
    self.namespace = EntityRef.folded(namespace)
    self.name = EntityRef.folded(name)
  }

  /// Lowercases `text`, returning it unchanged when it has no uppercase ASCII letter and no
  /// non-ASCII byte, which is the common case and avoids a copy per reference.
  static func folded(_ text: String) -> String {
    let plain = text.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5a) }
    return plain ? text : text.lowercased()
  }

  /// Parses `text` as a reference, filling in `defaultKind` and `defaultNamespace`.
  ///
  /// Returns nil when the text is empty, has an empty part, or names no kind and no default
  /// kind applies.
  public init?(parsing text: String, defaultKind: String? = nil,
               defaultNamespace: String = "default") {
    var rest = Substring(text)
    while rest.first == " " || rest.first == "\t" { rest.removeFirst() }
    while rest.last == " " || rest.last == "\t" { rest.removeLast() }
    var kind = defaultKind
    if let colon = rest.firstIndex(of: ":") {
      kind = String(rest[..<colon])
      rest = rest[rest.index(after: colon)...]
    }
    var namespace = defaultNamespace
    if let slash = rest.firstIndex(of: "/") {
      namespace = String(rest[..<slash])
      rest = rest[rest.index(after: slash)...]
    }
    // A Character argument keeps `contains` in the standard library; a String argument would
    // go through Foundation's much slower `range(of:)`.
    guard let kind, !kind.isEmpty, !namespace.isEmpty, !rest.isEmpty,
          !rest.contains(Character("/"))
    else { return nil }
    self.init(kind: kind, namespace: namespace, name: String(rest))
  }

  /// The full form, `kind:namespace/name`.
  public var description: String { "\(kind):\(namespace)/\(name)" }

  /// The short form people read: `kind:name` in the default namespace.
  public var short: String {
    namespace == "default" ? "\(kind):\(name)" : description
  }

  public static func < (lhs: EntityRef, rhs: EntityRef) -> Bool {
    (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
  }
}
