import Foundation
import ZofCore

/// Wraps a backend and logs, at trace level, when the first frame was shown and how long
/// each key took from being read to its redrawn screen being written to the terminal.
///
/// Times are wall-clock milliseconds. `console.first-frame` carries the Unix time, so a
/// script that noted when it started the process can compute the time to first frame.
@MainActor
final class TimingBackend: TerminalBackend {
  let inner: any TerminalBackend
  let logger: Logger
  private var keyReadAt: Double?
  private var framesShown = 0

  init(_ inner: any TerminalBackend, logger: Logger) {
    self.inner = inner
    self.logger = logger
  }

  var size: (width: Int, height: Int) { inner.size }
  var shouldStop: Bool { inner.shouldStop }

  func takeInterrupt() -> Bool { inner.takeInterrupt() }

  func readKey() -> Key? {
    let key = inner.readKey()
    if key != nil && keyReadAt == nil { keyReadAt = Self.milliseconds() }
    return key
  }

  func present(_ buffer: CellBuffer, theme: Theme) {
    inner.present(buffer, theme: theme)
    let now = Self.milliseconds()
    framesShown += 1
    if framesShown == 1 {
      logger.log(.trace, "console.first-frame", [("unix_ms", NumberText.fixed(now, digits: 3))])
    }
    if let keyReadAt {
      logger.log(.trace, "console.key-frame",
                 [("ms", NumberText.fixed(now - keyReadAt, digits: 3))])
      self.keyReadAt = nil
    }
  }

  private static func milliseconds() -> Double {
    Date().timeIntervalSince1970 * 1000
  }
}
