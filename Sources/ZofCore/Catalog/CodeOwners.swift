import Foundation

/// A repository's CODEOWNERS file: the last matching rule names a path's owners.
///
/// Patterns follow the gitignore-style rules GitHub documents: a leading `/` or a `/`
/// inside the pattern anchors it at the repository root; otherwise it matches at any depth;
/// a pattern that names a folder owns everything below it. GitLab section headers
/// (`[Name]`, `^[Name]`) are skipped.
public struct CodeOwners: Sendable {
  public struct Rule: Sendable {
    public var pattern: String
    public var owners: [String]
    public var line: Int
    let glob: Glob
    let folderGlob: Glob
  }

  /// The file's path relative to the repository, when one was found.
  public var file: String?
  public var rules: [Rule]
  /// The file as a snapshot source, so editing it triggers a new import.
  public var source: CatalogSource?

  /// The places GitHub and GitLab look for the file, in order.
  public static let locations = ["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS",
                                 ".gitlab/CODEOWNERS"]

  /// Loads the first CODEOWNERS file found in the repository, or an empty rule set.
  public static func load(repositoryPath: String) -> CodeOwners {
    for location in locations {
      let path = (repositoryPath as NSString).appendingPathComponent(location)
      if let (source, data) = CatalogSource.read(path,
                                                  recordedAs: CatalogLoader.canonicalPath(path)) {
        var owners = parse(String(decoding: data, as: UTF8.self), file: location)
        owners.source = source
        return owners
      }
    }
    return CodeOwners(file: nil, rules: [], source: nil)
  }

  public static func parse(_ text: String, file: String?) -> CodeOwners {
    var rules: [Rule] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("[") || line.hasPrefix("^[") { continue }
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let pattern = fields.first else { continue }
      let (glob, folderGlob) = globs(for: pattern.replacingOccurrences(of: "\\#", with: "#"))
      rules.append(Rule(pattern: pattern, owners: Array(fields.dropFirst()), line: offset + 1,
                        glob: glob, folderGlob: folderGlob))
    }
    return CodeOwners(file: file, rules: rules, source: nil)
  }

  /// Returns the owners of `path` and the rule's line, or nil when no rule matches or the
  /// matching rule lists no owners (which removes ownership).
  public func owners(of path: String) -> (owners: [String], line: Int)? {
    for rule in rules.reversed() where rule.glob.matches(path) || rule.folderGlob.matches(path) {
      return rule.owners.isEmpty ? nil : (rule.owners, rule.line)
    }
    return nil
  }

  /// Maps an owner token to an entity reference: `@org/team` to a group, `@login` to a
  /// user, `name@host` to the user named by the part before `@`.
  public static func ref(forOwner owner: String) -> EntityRef? {
    if owner.hasPrefix("@") {
      let name = owner.dropFirst()
      if let slash = name.firstIndex(of: "/") {
        return EntityRef(kind: "group", name: String(name[name.index(after: slash)...]))
      }
      return EntityRef(kind: "user", name: String(name))
    }
    if let at = owner.firstIndex(of: "@") {
      return EntityRef(kind: "user", name: String(owner[..<at]))
    }
    return nil
  }

  /// Turns the rules into path rules for owners that exist in the catalog.
  func pathRules(index: [EntityRef: Int32], warnings: inout [String]) -> [PathRule] {
    guard let file else { return [] }
    var result: [PathRule] = []
    var unknown: Set<String> = []
    for rule in rules {
      for owner in rule.owners {
        guard let ref = Self.ref(forOwner: owner), let target = index[ref] else {
          unknown.insert(owner)
          continue
        }
        result.append(PathRule(pattern: rule.pattern, owner: target,
                               origin: "\(file):\(rule.line)"))
      }
    }
    if !unknown.isEmpty {
      warnings.append("\(file): owners not in the catalog, so their paths map to no entity: "
        + unknown.sorted().joined(separator: ", "))
    }
    return result
  }

  static func stripComment(_ line: String) -> String {
    var result = ""
    var previous: Character = " "
    for char in line {
      if char == "#" && previous != "\\" { break }
      result.append(char)
      previous = char
    }
    return result
  }

  /// The glob for the pattern itself and the glob for everything below it.
  static func globs(for pattern: String) -> (Glob, Glob) {
    var text = pattern
    let anchored = text.hasPrefix("/") || text.dropLast().contains("/")
    if text.hasPrefix("/") { text.removeFirst() }
    if text.hasSuffix("/") { text.removeLast() }
    if !anchored && text != "*" { text = "**/" + text }
    if text == "*" { text = "**" }
    return (Glob(text), Glob(text + "/**"))
  }
}
