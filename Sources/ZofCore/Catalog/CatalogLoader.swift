import Foundation

/// Reads catalog files from disk: expands folders and globs, parses every YAML document,
/// follows Location entities, and reads each file once however it was reached.
///
/// Errors from all files are collected and thrown together, so one import reports every
/// problem; nothing is returned when any file is bad.
public struct CatalogLoader: Sendable {
  /// The folder that relative source entries resolve against.
  public let baseFolder: String

  public init(baseFolder: String) {
    self.baseFolder = baseFolder
  }

  /// Loads every entity reachable from `entries` (files, folders or globs).
  ///
  /// Files are parsed in waves, in parallel within a wave: the files the entries name, then
  /// the files their Locations name, and so on. Results are merged in queue order, so the
  /// entity order does not depend on thread timing.
  public func load(_ entries: [String]) throws -> CatalogContents {
    var contents = CatalogContents()
    var errors: [InputError] = []
    var wave: [String] = []
    for entry in entries {
      let files = try expand(entry, relativeTo: baseFolder, origin: nil)
      if files.isEmpty {
        errors.append(InputError(
          "catalog entry `\(entry)` matches no file",
          hint: "check the path in zof.yaml; it is relative to \(baseFolder)"))
      }
      wave += files
    }
    var seen: Set<String> = []
    while !wave.isEmpty {
      var unique: [String] = []
      for file in wave.map(Self.canonicalPath) where seen.insert(file).inserted {
        unique.append(file)
      }
      let results = parseInParallel(unique)
      wave = []
      for result in results {
        if let source = result.source { contents.sources.append(source) }
        contents.entities += result.entities
        contents.warnings += result.warnings
        errors += result.errors
        wave += result.targets
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return contents
  }

  /// The entities, problems and Location targets read from one file.
  struct FileResult: Sendable {
    var source: CatalogSource?
    var entities: [Entity] = []
    var warnings: [String] = []
    var errors: [InputError] = []
    /// Files named by Location entities in this file.
    var targets: [String] = []
  }

  private func parseInParallel(_ files: [String]) -> [FileResult] {
    // parseFile reports problems in its result instead of throwing.
    (try? files.concurrentMap { parseFile($0) }) ?? []
  }

  private func parseFile(_ path: String) -> FileResult {
    var result = FileResult()
    guard let (source, data) = CatalogSource.read(path) else {
      result.errors.append(InputError("cannot read catalog file \(path)",
                                      hint: "check that it exists and is readable"))
      return result
    }
    result.source = source
    let documents: [YAMLNode]
    do {
      documents = try YAMLParser.parseDocuments(String(decoding: data, as: UTF8.self),
                                                file: path)
    } catch {
      result.errors.append(error as? InputError ?? InputError("\(path): \(error)"))
      return result
    }
    for document in documents where !document.isNull {
      do {
        let (entity, warning) = try EntityReader.read(document, file: path)
        if let warning { result.warnings.append(warning) }
        result.entities.append(entity)
        if entity.kind.lowercased() == "location" {
          try followLocation(entity, into: &result)
        }
      } catch {
        result.errors.append(error as? InputError ?? InputError("\(path): \(error)"))
      }
    }
    return result
  }

  /// Collects the files a Location entity names, relative to the Location's own file.
  private func followLocation(_ entity: Entity, into result: inout FileResult) throws {
    // Each target with its node, so a problem points at the line that names it.
    var targets: [(String, YAMLNode)] = []
    if let node = entity.spec?["target"], let target = node.string {
      targets.append((target, node))
    }
    for node in entity.spec?["targets"]?.array ?? [] {
      if let target = node.string { targets.append((target, node)) }
    }
    let folder = (entity.location.file as NSString).deletingLastPathComponent
    for (target, node) in targets {
      let position = SourceLocation(file: entity.location.file, line: node.mark.line,
                                    column: node.mark.column)
      if target.hasPrefix("http://") || target.hasPrefix("https://") {
        result.warnings.append(
          "\(entity.location): Location target \(target) is a URL; zof reads files only, "
            + "so it was not followed")
        continue
      }
      let files = try expand(target, relativeTo: folder, origin: position)
      if files.isEmpty {
        throw InputError("Location target `\(target)` matches no file", at: position,
                         hint: "targets are relative to the file that holds the Location")
      }
      result.targets += files
    }
  }

  /// Expands a file, folder or glob into the YAML files it names, in a stable order.
  func expand(_ entry: String, relativeTo folder: String,
              origin: SourceLocation?) throws -> [String] {
    let absolute = Workspace.absolute(entry, relativeTo: folder)
    if !Glob.hasWildcards(entry) {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) else {
        return []
      }
      return isFolder.boolValue ? Self.yamlFiles(under: absolute) : [absolute]
    }
    let prefix = Self.literalPrefix(of: absolute)
    let glob = Glob(String(absolute.dropFirst(prefix.count)))
    return Self.yamlFiles(under: prefix).filter { path in
      guard let relative = Workspace.relative(path, to: prefix) else { return false }
      return glob.matches(relative)
    }
  }

  /// Returns the folder part of a glob, before its first wildcard segment.
  static func literalPrefix(of pattern: String) -> String {
    var parts: [Substring] = []
    for part in pattern.split(separator: "/") {
      if Glob.hasWildcards(String(part)) { break }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Returns every `.yaml` and `.yml` file below `folder`, sorted, skipping hidden folders.
  static func yamlFiles(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let name = (relative as NSString).lastPathComponent
      if name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
      if isYAML && name != Workspace.fileName {
        files.append((folder as NSString).appendingPathComponent(relative))
      }
    }
    return files.sorted()
  }

  static func canonicalPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return Workspace.standardize(path) }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
