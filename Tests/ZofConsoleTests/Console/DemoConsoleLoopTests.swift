import Foundation
import Testing

/// `zof demo` on a terminal opens the console, and the whole loop can be driven from the
/// keyboard: impact, run, bisect, a validated revert, a refused and an accepted approval,
/// readiness of the fixed ref, and a release manager's sign-off.
@Suite(.enabled(if: Tmux.isAvailable, "needs tmux on PATH"))
struct DemoConsoleLoopTests {
  @Test func loopFromTheKeyboard() throws {
    let binary = try #require(Tmux.zofBinary(), "zof binary not found; run swift build first")
    let folder = ScratchFolder("zof-demo-console")
    let tmux = Tmux()
    defer { tmux.killServer() }
    try tmux.run(["new-session", "-d", "-s", "zof", "-x", "140", "-y", "40", "-c", folder.path,
                  "-e", "NO_COLOR=", "sh"])
    try tmux.run(["send-keys", "-t", "zof", "'\(binary)' demo demo; echo zof-exited-$?",
                  "Enter"])
    let start = try #require(tmux.waitForScreen { $0.contains(" 1 Graph ") })
    #expect(start.contains("The demo policy allows impersonation"))

    func command(_ line: String, until expected: String) -> Bool {
      _ = try? tmux.run(["send-keys", "-t", "zof", ":" + line, "Enter"])
      return tmux.waitForScreen { $0.contains(expected) } != nil
    }

    #expect(command("impact --base HEAD~1", until: "impact: HEAD~1...HEAD"))
    #expect(command("run --base HEAD~1", until: "run 1 finished: failed"))
    #expect(command("bisect --check partial-refund-journey --good HEAD~3",
                    until: "by Alice: Encode amounts without Decimal rounding"))
    #expect(command("remediate 1 partial-refund-journey --with revert",
                    until: "proposal 1: validated"))

    #expect(command("as alice", until: "alice [impersonated by"))
    try tmux.run(["send-keys", "-t", "zof", "3"])
    #expect(tmux.waitForScreen { $0.contains("may NOT approve") } != nil)
    try tmux.run(["send-keys", "-t", "zof", "a", "y", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("is an author of the change") } != nil)

    #expect(command("as bob", until: "bob [impersonated by"))
    try tmux.run(["send-keys", "-t", "zof", "a", "y", "Enter"])
    #expect(tmux.waitForScreen { $0.contains("proposal 1 is now approved") } != nil)

    #expect(command("readiness --ref zof/fix/1 --env staging", until: "for staging: READY"))
    #expect(command("as carol", until: "carol [impersonated by"))
    #expect(command("readiness --env production", until: "for production: NOT READY"))
    try tmux.run(["send-keys", "-t", "zof", "s", "y"])
    #expect(tmux.waitForScreen { $0.contains("signoff: signed off by user:default/carol") }
              != nil)

    try tmux.run(["send-keys", "-t", "zof", "q"])
    #expect(tmux.waitForScreen { $0.contains("zof-exited-0") } != nil)
  }
}
