import Foundation
import ZofCore

/// Runs a slow workspace action (bisect, remediation) on its own thread with its own
/// session, as the console's current identity, and posts a line for the footer.
struct BackgroundJob: Sendable {
  let name: String
  let workspace: Workspace
  let identity: Identity
  let logger: Logger
  let mailbox: ConsoleMailbox
  /// The action; returns the message to show when it succeeds.
  let work: @Sendable (WorkspaceSession) throws -> String

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "zof-\(name)"
    thread.start()
  }

  private func run() {
    do {
      let session = try WorkspaceSession(workspace: workspace, actingAs: identity.assumed?.id,
                                         logger: logger, realActor: identity.real)
      mailbox.post(.jobFinished(name, try work(session)))
    } catch {
      logger.error("console.job.failed", [("job", name), ("error", String(describing: error))])
      mailbox.post(.jobFailed(name, ConsoleErrorText.describe(error)))
    }
  }
}
