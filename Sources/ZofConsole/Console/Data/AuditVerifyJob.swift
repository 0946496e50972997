import CPosix
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
    // Linux keeps a nice value per thread: this one yields to the thread drawing the
    // console, so keys pressed while the chain is checked still redraw at once.
    setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(gettid()), 10)
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
