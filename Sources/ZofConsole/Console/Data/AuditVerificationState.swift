import Foundation
import ZofCore

/// The progress of the console's check of the audit chain.
enum AuditVerificationState: Sendable {
  case idle
  case running(started: Date, events: Int64)
  case done(AuditVerification, seconds: Double)
  case failed(String)

  /// The header's audit field: the verified head, BROKEN with the first bad sequence
  /// number, or how far verification is.
  var headerValue: ShellStatus.Value {
    switch self {
    case .idle:
      return ShellStatus.Value("not verified", role: .muted)
    case .running:
      return ShellStatus.Value("verifying…", role: .running)
    case .done(let result, _):
      if let tamper = result.tamper {
        return ShellStatus.Value("BROKEN at seq \(tamper.seq)", role: .error)
      }
      let hash = String(result.head.hash.prefix(8))
      return ShellStatus.Value("ok #\(result.head.seq) \(hash)", role: .ok)
    case .failed:
      return ShellStatus.Value("verify failed", role: .error)
    }
  }

  /// Describes the state for the Audit pane, with the elapsed time while running.
  func detail(now: Date) -> (String, ThemeRole) {
    switch self {
    case .idle:
      return ("chain not verified yet; press v to verify", .muted)
    case .running(let started, let events):
      let seconds = Int(now.timeIntervalSince(started))
      return ("verifying \(events) events… \(seconds)s", .running)
    case .done(let result, let seconds):
      let time = DurationText.format(seconds)
      if let tamper = result.tamper {
        return ("chain BROKEN: \(tamper.description)", .error)
      }
      return ("chain intact: \(result.count) events, head #\(result.head.seq) "
                + "\(result.head.hash.prefix(16)) (verified in \(time))", .ok)
    case .failed(let text):
      return ("verification failed: \(text)", .error)
    }
  }
}
