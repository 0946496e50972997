import Foundation
import ZofCore

/// `zof init [DIR]`: writes a commented zof.yaml.
enum InitCommand {
  static let spec = CommandSpec(
    name: "init", summary: "create a workspace: write a commented zof.yaml",
    usage: "[DIR] [--force]",
    discussion: "DIR defaults to the current folder. An existing zof.yaml is kept unless "
      + "--force is given.",
    options: [.flag("--force", "overwrite an existing zof.yaml")],
    positionals: ["[DIR]"], positionalRange: 0...1
  ) { invocation in
    let folder = Workspace.absolute(invocation.arguments.positionals.first ?? ".",
                                    relativeTo: invocation.currentDirectory)
    let path = (folder as NSString).appendingPathComponent(Workspace.fileName)
    let manager = FileManager.default
    if manager.fileExists(atPath: path) && !invocation.arguments.flag("--force") {
      throw InputError("\(path) already exists",
                       hint: "edit it, or pass --force to replace it with the template")
    }
    do {
      try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try WorkspaceConfig.template.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw OperationError("write \(path)", error.localizedDescription)
    }
    Console.out("wrote \(path)")
    if let ignore = try ignoreStore(in: folder) { Console.out(ignore) }
    Console.out("next: list your catalog-info.yaml files under `catalog:` and run `zof impact`")
    return ExitStatus.success
  }

  /// The store, log and evidence live in `.zof/`, which should not be committed. Adds it to
  /// the folder's .gitignore when the folder is in a git repository and nothing ignores it
  /// yet. Returns what was done, or nil.
  static func ignoreStore(in folder: String) throws -> String? {
    let git = Git(repositoryPath: folder)
    guard (try? git.run(["rev-parse", "--is-inside-work-tree"])) != nil else { return nil }
    if (try? git.run(["check-ignore", "-q", ".zof/zof.db"])) != nil { return nil }
    let path = (folder as NSString).appendingPathComponent(".gitignore")
    let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
    do {
      try (existing + separator + ".zof/\n").write(toFile: path, atomically: true,
                                                   encoding: .utf8)
    } catch {
      throw OperationError("write \(path)", error.localizedDescription)
    }
    return "added .zof/ (store, log and evidence) to \(path)"
  }
}
