import Foundation
import Testing
import ZofCore

/// Drives `zof console` on a demo workspace in a detached tmux session: panes, filter, a
/// run started by another process streaming in, approval refused and then granted, resize,
/// and a clean quit. Needs `tmux` on PATH and skips without it.
@Suite(.enabled(if: Tmux.isAvailable, "needs tmux on PATH"))
struct ConsoleWorkspaceEndToEndTests {
  @Test func consoleFollowsRunsAndApprovals() throws {
    let binary = try #require(Tmux.zofBinary(), "zof binary not found; run swift build first")
    let folder = ScratchFolder("zof-console-e2e")
    let demo = folder.path + "/demo"
    let built = try BinaryRunner.run(["demo", "demo"], in: folder.path)
    try #require(built.status == 0, "zof demo failed: \(built.errors)")
    let requestID = try queueApproval(workspace: demo)

    let tmux = Tmux()
    defer { tmux.killServer() }
    try tmux.run(["new-session", "-d", "-s", "zof", "-x", "120", "-y", "36", "-c", demo,
                  "-e", "NO_COLOR=", "sh"])
    try tmux.run(["send-keys", "-t", "zof",
                  "'\(binary)' --as alice console; echo zof-exited-$?", "Enter"])
    let start = try #require(tmux.waitForScreen { $0.contains(" 1 Graph ") })
    #expect(start.contains("alice [impersonated by"))

    try tmux.run(["send-keys", "-t", "zof", "/", "s", "e", "r", "d", "e"])
    let filtered = tmux.waitForScreen { $0.contains("Entities (2 of") }
    #expect(filtered?.contains("serde-unit") == true)
    try tmux.run(["send-keys", "-t", "zof", "Escape"])

    // Alice wrote the change under repair, so the core refuses her approval.
    try tmux.run(["send-keys", "-t", "zof", "3"])
    #expect(tmux.waitForScreen { $0.contains("may NOT approve") } != nil)
    try tmux.run(["send-keys", "-t", "zof", "a", "y", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("approve \(requestID) refused") } != nil)

    try tmux.run(["send-keys", "-t", "zof", ":as bob", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("bob [impersonated by") } != nil)
    try tmux.run(["send-keys", "-t", "zof", "a", "y", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("request is now approved") } != nil)

    // A run started by another process appears and finishes in the Runs pane.
    try tmux.run(["send-keys", "-t", "zof", "2"])
    #expect(tmux.waitForScreen { $0.contains("no runs yet") } != nil)
    let run = try startRun(binary: binary, in: demo)
    #expect(tmux.waitForScreen { $0.contains("Runs (1") } != nil)
    let finished = tmux.waitForScreen { $0.contains("6/6") && $0.contains("failed") }
    #expect(finished?.contains("change HEAD~1...HEAD") == true)
    run.waitUntilExit()

    try tmux.run(["send-keys", "-t", "zof", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("Why planned") } != nil)
    try tmux.run(["send-keys", "-t", "zof", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("zof repro 1 ") } != nil)
    try tmux.run(["send-keys", "-t", "zof", "Escape", "Escape"])

    try tmux.run(["resize-window", "-t", "zof", "-x", "70", "-y", "20"])
    #expect(tmux.waitForScreen { $0.contains("terminal too small") } != nil)
    try tmux.run(["resize-window", "-t", "zof", "-x", "120", "-y", "36"])
    #expect(tmux.waitForScreen { $0.contains(" 2 Runs ") && $0.contains("Runs (1") } != nil)

    try tmux.run(["send-keys", "-t", "zof", "q"])
    #expect(tmux.waitForScreen { $0.contains("zof-exited-0") } != nil)
    #expect(try tmux.output(["display-message", "-p", "-t", "zof", "#{alternate_on}"]) == "0")
  }

  /// Queues a remediation request whose change author is alice, as a remediator would.
  private func queueApproval(workspace path: String) throws -> String {
    let workspace = try Workspace.discover(explicit: path, environment: [:],
                                           currentDirectory: path)
    let session = try WorkspaceSession(workspace: workspace, realActor: .user("bob"))
    let draft = ApprovalDraft(
      kind: .remediation, subject: "proposal 1: fix refund rounding",
      proposer: .remediator("fix-rounding"), changeAuthors: [.user("alice")],
      affected: [EntityRef(kind: "component", name: "refunds")],
      owners: [EntityRef(kind: "group", name: "payments-team")], environment: "staging",
      evidence: ["diff": .string("@@ -1 +1 @@\n-a\n+b")])
    return try session.approvals.create(
      draft, requester: Identity(real: .remediator("fix-rounding"))).id
  }

  /// Starts `zof run --base HEAD~1` in the workspace without waiting for it.
  private func startRun(binary: String, in folder: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["run", "--base", "HEAD~1"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }
}
