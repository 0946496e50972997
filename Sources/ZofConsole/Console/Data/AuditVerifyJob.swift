import Foundation
import ZofCore

/// Verifies the audit chain on its own thread and connection, and posts the result.
struct AuditVerifyJob: Sendable {
  let storePath: String
  let mailbox: ConsoleMailbox

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "zof-audit-verify"
    thread.start()
  }

  private func run() {
    let started = Date()
    do {
      let database = try Database(path: storePath, readOnly: true)
      // One core stays free for the console's own thread, so keys stay responsive.
      let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
      let result = try AuditLog(database: database).verify(workers: workers)
      mailbox.post(.auditVerified(result, seconds: Date().timeIntervalSince(started)))
    } catch {
      mailbox.post(.auditVerifyFailed(ConsoleErrorText.describe(error)))
    }
  }
}
