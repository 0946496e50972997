import Foundation
import ZofCore

/// Results that background threads hand to the main thread, which drains them on each
/// tick, so every curses call and every pane change stays on the main thread.
final class ConsoleMailbox: @unchecked Sendable {
  enum Message: Sendable {
    case auditVerified(AuditVerification, seconds: Double)
    case auditVerifyFailed(String)
    case runFinished(Int64, RunStatus)
    case runFailed(Int64, String)
    /// A background job (bisect, remediation) ended with a message for the footer.
    case jobFinished(String, String)
    case jobFailed(String, String)
  }

  private let lock = NSLock()
  private var messages: [Message] = []

  func post(_ message: Message) {
    lock.lock()
    defer { lock.unlock() }
    messages.append(message)
  }

  /// Returns the messages posted since the last call, oldest first.
  func drain() -> [Message] {
    lock.lock()
    defer { lock.unlock() }
    let drained = messages
    messages.removeAll()
    return drained
  }
}
