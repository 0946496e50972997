import Foundation
import Testing

/// The command-line frame: help, version, usage errors and exit statuses.
struct CLIFrameTests {
  let folder = ScratchFolder()

  @Test func versionPrints() throws {
    let result = try BinaryRunner.run(["--version"], in: folder.path)
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("zof "))
  }

  @Test func helpListsCommands() throws {
    let result = try BinaryRunner.run(["help"], in: folder.path)
    #expect(result.status == 0)
    for command in ["init", "graph", "impact"] {
      #expect(result.output.contains("\n  \(command) "), "missing \(command)")
    }
  }

  @Test func commandHelpShowsOptionsWithDefaults() throws {
    let result = try BinaryRunner.run(["impact", "--help"], in: folder.path)
    #expect(result.status == 0)
    #expect(result.output.contains("--head REF"))
    #expect(result.output.contains("(default: HEAD)"))
    #expect(result.output.contains("--log-level LEVEL"))
  }

  @Test(arguments: [
    (["impcat"], "unknown command `impcat`", "did you mean `zof impact`?"),
    (["impact", "--bsae", "x"], "unknown option --bsae", "did you mean --base?"),
    (["graph", "shwo"], "unexpected argument `shwo`", "did you mean `show`?"),
    (["impact", "--base"], "option --base needs a value", nil),
    (["--log-level", "loud", "help"], "invalid --log-level `loud`", nil),
  ] as [([String], String, String?)])
  func usageErrorsExitTwo(arguments: [String], message: String, hint: String?) throws {
    let result = try BinaryRunner.run(arguments, in: folder.path)
    #expect(result.status == 2)
    #expect(result.errors.contains(message))
    if let hint { #expect(result.errors.contains(hint)) }
    #expect(result.output.isEmpty)
  }

  @Test func globalOptionsWorkAfterCommand() throws {
    folder.write("ws/zof.yaml", "catalog: []\n")
    let result = try BinaryRunner.run(["graph", "stats", "--workspace", "ws"], in: folder.path)
    #expect(result.status == 0)
    #expect(result.output.contains("0 entities"))
  }

  @Test func initWritesTemplateOnce() throws {
    let first = try BinaryRunner.run(["init", "new"], in: folder.path)
    let second = try BinaryRunner.run(["init", "new"], in: folder.path)
    #expect(first.status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.path + "/new/zof.yaml"))
    #expect(second.status == 2)
    #expect(second.errors.contains("already exists"))
    // Outside a git repository there is no .gitignore to keep.
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/new/.gitignore"))
  }

  /// In a repository, the store folder is ignored once, keeping what .gitignore had.
  @Test func initIgnoresStoreInRepository() throws {
    try folder.git("init", "-q")
    folder.write(".gitignore", "build/")
    let first = try BinaryRunner.run(["init"], in: folder.path)
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.output.contains("added .zof/"))
    let again = try BinaryRunner.run(["init", "--force"], in: folder.path)
    #expect(!again.output.contains("added .zof/"))
    let ignore = try String(contentsOfFile: folder.path + "/.gitignore", encoding: .utf8)
    #expect(ignore == "build/\n.zof/\n")
  }
}
