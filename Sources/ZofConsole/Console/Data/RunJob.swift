import Foundation
import ZofCore

/// Executes a recorded run on its own thread and connection, records `run.finish` in the
/// audit log as `zof run` does, and posts the outcome.
struct RunJob: Sendable {
  let runID: Int64
  let request: RunLauncher.Request
  let workspace: Workspace
  let graph: SystemGraph
  let identity: Identity
  let logger: Logger
  let mailbox: ConsoleMailbox

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "zof-run-\(runID)"
    thread.start()
  }

  private func run() {
    do {
      let store = try Store(path: workspace.storePath)
      let launcher = RunLauncher(workspace: workspace, store: store, graph: graph,
                                 logger: logger)
      let status = try launcher.execute(runID, request)
      try AuditLog(database: store.database).append(AuditEntry(
        actor: identity.real.id, assumedActor: identity.assumed?.id, action: "run.finish",
        subject: "run:\(runID)",
        decision: .recorded, details: ["status": .string(status.rawValue)]))
      mailbox.post(.runFinished(runID, status))
    } catch {
      logger.error("run.failed", [("run", runID), ("error", String(describing: error))])
      mailbox.post(.runFailed(runID, ConsoleErrorText.describe(error)))
    }
  }
}
