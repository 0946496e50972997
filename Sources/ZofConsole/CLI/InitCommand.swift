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
    Console.out("next: list your catalog-info.yaml files under `catalog:` and run `zof impact`")
    return ExitStatus.success
  }
}
