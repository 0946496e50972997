import Foundation

extension WorkspaceConfig {
  /// Adds `path` to the `kubernetes:` list of the zof.yaml at `file`, keeping its comments.
  ///
  /// A block list gets a new item after its last one; a missing key is appended at the end.
  /// A flow list (`kubernetes: [a]`) is rewritten as a flow list with the path added.
  public static func addKubernetesSource(_ path: String, file: String) throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError("cannot read \(file)")
    }
    let text = String(decoding: data, as: UTF8.self)
    let config = try parse(text, file: file)
    if config.kubernetes.contains(path) { return }
    var lines = text.components(separatedBy: "\n")
    if let keyLine = lines.firstIndex(where: { $0.hasPrefix("kubernetes:") }) {
      let rest = lines[keyLine].dropFirst("kubernetes:".count)
        .trimmingCharacters(in: .whitespaces)
      if rest.isEmpty {
        var last = keyLine
        while last + 1 < lines.count,
              lines[last + 1].trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
          last += 1
        }
        lines.insert("  - \(path)", at: last + 1)
      } else {
        let items = (config.kubernetes + [path]).joined(separator: ", ")
        lines[keyLine] = "kubernetes: [\(items)]"
      }
    } else {
      if lines.last == "" { lines.removeLast() }
      lines += ["", "# Kubernetes manifests read beside the catalog.", "kubernetes:",
                "  - \(path)", ""]
    }
    let updated = lines.joined(separator: "\n")
    _ = try parse(updated, file: file)
    do {
      try updated.write(toFile: file, atomically: true, encoding: .utf8)
    } catch {
      throw OperationError("write \(file)", error.localizedDescription)
    }
  }
}
