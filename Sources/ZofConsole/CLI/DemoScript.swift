import Foundation
import ZofCore

/// `zof demo --script`: plays the whole loop on the demo workspace without a terminal,
/// printing each step as the CLI prints it, for CI and for reading.
///
/// Every step runs the real command in this process, so the script shows exactly what a
/// person typing the commands would see. It exits 0 when each step ended the way the demo
/// expects (the run fails, the change author is refused, the reviewer's approval passes,
/// the fixed ref is ready for staging), and 1 otherwise.
struct DemoScript {
  let folder: String
  private(set) var failures: [String] = []

  init(folder: String) {
    self.folder = folder
  }

  /// Runs `zof ARGUMENTS` in the demo workspace and returns its exit status.
  @discardableResult
  mutating func step(_ title: String, _ arguments: [String], expect expected: Int32) -> Int32 {
    Console.out("")
    Console.out("== \(title)")
    Console.out("$ zof \(arguments.map(ShellText.word).joined(separator: " "))")
    let status = CommandLineTool.main(["--workspace", folder] + arguments)
    if status != expected {
      failures.append("\(title): exit status \(status), expected \(expected)")
      Console.out("(unexpected exit status \(status); expected \(expected))")
    }
    return status
  }

  mutating func play() throws -> Int32 {
    step("1. What can the last commit break?", ["impact", "--base", "HEAD~1"], expect: 0)
    step("2. The plan: checks by risk, with fleets", ["plan", "--base", "HEAD~1"], expect: 0)
    step("3. Run it (partial refunds fail; notifications is flaky by design)",
         ["run", "--base", "HEAD~1"], expect: 1)
    step("4. How to reproduce the failure", ["repro", "1", "partial-refund-journey"], expect: 0)
    step("5. Which commit broke it?",
         ["bisect", "--check", "partial-refund-journey", "--good", "HEAD~3"], expect: 0)
    step("6. Propose a revert; Zof validates it on its own branch first",
         ["remediate", "1", "partial-refund-journey", "--with", "revert"], expect: 0)
    let request = try pendingRequest()
    step("7. The queue, as Alice (the author of the breaking change)",
         ["--as", "alice", "approvals"], expect: 0)
    step("8. Alice may not approve the fix of her own change",
         ["--as", "alice", "approve", request], expect: 1)
    step("9. Bob, a payments reviewer, approves",
         ["--as", "bob", "approve", request, "--comment", "revert validated in staging"],
         expect: 0)
    step("10. The proposal: patch, summary and the commands to open a pull request",
         ["proposals", "show", "1"], expect: 0)
    step("11. The fixed ref is ready for staging",
         ["readiness", "--ref", "zof/fix/1", "--env", "staging"], expect: 0)
    step("12. Production also needs the incident resolved and a release manager's sign-off",
         ["readiness", "--ref", "zof/fix/1", "--env", "production"], expect: 1)
    step("13. The audit trail holds every decision, and it verifies",
         ["audit", "verify"], expect: 0)
    Console.out("")
    if failures.isEmpty {
      Console.out("demo finished: every step ended as expected")
      return ExitStatus.success
    }
    Console.out("demo finished with \(failures.count) unexpected step(s):")
    for failure in failures { Console.out("  \(failure)") }
    return ExitStatus.gateFailed
  }

  private func pendingRequest() throws -> String {
    let session = try WorkspaceSession(workspace: try Workspace.load(root: folder))
    guard let request = try session.approvals.requests(status: .pending).last else {
      throw OperationError("demo", "the revert proposal did not reach the approval queue")
    }
    return request.id
  }
}
