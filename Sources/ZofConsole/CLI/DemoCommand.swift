import Foundation
import ZofCore

/// `zof demo [DIR]`: builds the sample payments workspace with its git history and shows
/// what its last commit can break.
enum DemoCommand {
  static let spec = CommandSpec(
    name: "demo", summary: "build the sample payments workspace and show its last change",
    usage: "[DIR] [--script]",
    discussion: "DIR must be new or empty; without it a folder under the system's temporary "
      + "folder is used. The workspace is a git repository whose last commit breaks "
      + "partial refunds. On a terminal the console opens on it; otherwise (or with "
      + "--print) the impact of the last commit is printed. --script plays the whole "
      + "loop without a terminal: impact, run, repro, bisect, a validated revert, a refused and an accepted approval, "
      + "readiness and the audit trail.",
    options: [
      .flag("--script", "play the loop and print each step (exit 1 if a step ends "
              + "unexpectedly)"),
      .flag("--print", "print the impact of the last commit instead of opening the console"),
    ],
    positionals: ["[DIR]"], positionalRange: 0...1
  ) { invocation in
    guard let sampleData = ResourceLocator.folder("sample-data",
                                                  environment: invocation.environment) else {
      throw InputError("cannot find the sample-data folder",
                       hint: "set ZOF_HOME to the zof checkout that contains sample-data/")
    }
    let folder = invocation.arguments.positionals.first.map {
      Workspace.absolute($0, relativeTo: invocation.currentDirectory)
    } ?? NSTemporaryDirectory() + "zof-demo-\(UUID().uuidString.prefix(8).lowercased())"
    let commits = try DemoBuilder(sampleData: sampleData).build(into: folder)
    Console.out("demo workspace: \(folder) (\(commits.count) commits; the last one breaks "
                  + "partial refunds)")
    if invocation.arguments.flag("--script") {
      var script = DemoScript(folder: folder)
      return try script.play()
    }
    Console.out("")
    let workspace = try Workspace.load(root: folder)
    let session = try WorkspaceSession(workspace: workspace,
                                       actingAs: invocation.arguments.global.actingAs,
                                       logger: invocation.logger())
    if ConsoleCommand.terminalAttached && !invocation.arguments.flag("--print") {
      let inside = Invocation(arguments: invocation.arguments, session: session,
                              currentDirectory: folder)
      let status = try MainActor.assumeIsolated {
        try ConsoleCommand.run(inside, welcome: welcome)
      }
      Console.out("demo workspace kept at \(folder)")
      return status
    }
    let loaded = try session.loaded
    let change = try Git(repositoryPath: folder).changedPaths(base: "HEAD~1", head: "HEAD")
    let report = ImpactAnalyzer(graph: loaded.graph, repositoryPath: workspace.repositoryPath)
      .analyze(paths: change)
    ImpactPrinter.print(report, change: ChangeArguments(
      paths: change, description: "HEAD~1...HEAD", base: "HEAD~1", head: "HEAD"),
                        snapshot: loaded.snapshot.id)
    Console.out("")
    // The binary's path as called, because `zof` may not be on PATH yet. A relative path
    // becomes absolute, because the printed line changes folder first.
    let invoked = CommandLine.arguments.first ?? "zof"
    let zof = ShellText.word(invoked.contains("/")
      ? URL(fileURLWithPath: invoked).standardizedFileURL.path : invoked)
    Console.out("next: cd \(ShellText.word(folder)) && \(zof) impact --base HEAD~1")
    return ExitStatus.success
  }

  /// The first footer message of the demo console: what to try, and that the demo policy
  /// lets one person play every role.
  static let welcome = "demo: try :impact --base HEAD~1, then :run --base HEAD~1. The demo "
    + "policy allows impersonation: :as alice (wrote the change), :as bob (reviewer), "
    + ":as carol (release manager)"
}
