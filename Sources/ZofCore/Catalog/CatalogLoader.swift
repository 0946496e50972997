import Foundation

/// Reads catalog files from disk: expands folders and globs, parses every YAML document,
/// follows Location entities, and reads each file once however it was reached.
///
/// Errors from all files are collected and thrown together, so one import reports every
/// problem; nothing is returned when any file is bad.
public struct CatalogLoader {
  /// The folder that relative source entries resolve against.
  public let baseFolder: String

  public init(baseFolder: String) {
    self.baseFolder = baseFolder
  }

  /// Loads every entity reachable from `entries` (files, folders or globs).
  public func load(_ entries: [String]) throws -> CatalogContents {
    var state = LoadState()
    for entry in entries {
      let files = try expand(entry, relativeTo: baseFolder, origin: nil)
      if files.isEmpty {
        state.errors.append(InputError(
          "catalog entry `\(entry)` matches no file",
          hint: "check the path in zof.yaml; it is relative to \(baseFolder)"))
      }
      for file in files { state.queue.append(file) }
    }
    while !state.queue.isEmpty {
      let file = state.queue.removeFirst()
      readFile(file, into: &state)
    }
    if !state.errors.isEmpty { throw InputErrors(state.errors) }
    return state.contents
  }

  private struct LoadState {
    var contents = CatalogContents()
    var queue: [String] = []
    var seen: Set<String> = []
    var errors: [InputError] = []
  }

  private func readFile(_ path: String, into state: inout LoadState) {
    let canonical = Self.canonicalPath(path)
    guard state.seen.insert(canonical).inserted else { return }
    guard let data = FileManager.default.contents(atPath: canonical) else {
      state.errors.append(InputError("cannot read catalog file \(path)",
                                     hint: "check that it exists and is readable"))
      return
    }
    state.contents.sources.append(CatalogSource(path: canonical, digest: SHA256.hex(data)))
    let documents: [YAMLNode]
    do {
      documents = try YAMLParser.parseDocuments(String(decoding: data, as: UTF8.self),
                                                file: canonical)
    } catch let error as InputError {
      state.errors.append(error)
      return
    } catch {
      state.errors.append(InputError("\(canonical): \(error)"))
      return
    }
    for document in documents where !document.isNull {
      do {
        let (entity, warning) = try EntityReader.read(document, file: canonical)
        if let warning { state.contents.warnings.append(warning) }
        state.contents.entities.append(entity)
        if entity.kind.lowercased() == "location" {
          try followLocation(entity, into: &state)
        }
      } catch let error as InputError {
        state.errors.append(error)
      } catch {
        state.errors.append(InputError("\(canonical): \(error)"))
      }
    }
  }

  /// Queues the files a Location entity names, relative to the Location's own file.
  private func followLocation(_ entity: Entity, into state: inout LoadState) throws {
    var targets: [String] = []
    if let target = entity.spec?["target"]?.string { targets.append(target) }
    targets += entity.spec?["targets"]?.strings ?? []
    let folder = (entity.location.file as NSString).deletingLastPathComponent
    for target in targets {
      if target.hasPrefix("http://") || target.hasPrefix("https://") {
        state.contents.warnings.append(
          "\(entity.location): Location target \(target) is a URL; zof reads files only, "
            + "so it was not followed")
        continue
      }
      let files = try expand(target, relativeTo: folder, origin: entity.location)
      if files.isEmpty {
        throw InputError("Location target `\(target)` matches no file", at: entity.location,
                         hint: "targets are relative to the file that holds the Location")
      }
      state.queue += files
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

  /// The folder part of a glob before its first wildcard segment.
  static func literalPrefix(of pattern: String) -> String {
    var parts: [Substring] = []
    for part in pattern.split(separator: "/") {
      if Glob.hasWildcards(String(part)) { break }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Every `.yaml` and `.yml` file below `folder`, skipping hidden folders, sorted.
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
