/// The source of keys and destination of frames: a terminal or a test script.
@MainActor
protocol TerminalBackend: AnyObject {
  /// The current size in columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Whether the loop should stop: a signal arrived, or a test script ran out.
  var shouldStop: Bool { get }
  /// Waits up to the backend's timeout for a key; nil when none came.
  func readKey() -> Key?
  /// Shows `buffer`, drawn with `theme`.
  func present(_ buffer: CellBuffer, theme: Theme)
  /// Returns whether the user asked to interrupt (Ctrl-C) since the last call.
  func takeInterrupt() -> Bool
}

extension TerminalBackend {
  func takeInterrupt() -> Bool { false }
}

extension ConsoleApp {
  /// Runs the main loop until a quit reaction or until the backend stops: draw when
  /// needed, wait for a key (the backend's timeout bounds the wait), dispatch it, tick.
  ///
  /// The first frame is drawn before the first tick, so work that a tick starts (polling
  /// the store, verifying the audit chain) never delays it.
  func run(on backend: any TerminalBackend) {
    draw(on: backend)
    while isRunning && !backend.shouldStop {
      tick()
      if needsRedraw { draw(on: backend) }
      if let key = backend.readKey() { handleKey(key) }
      if backend.takeInterrupt() { interrupt() }
    }
  }

  private func draw(on backend: any TerminalBackend) {
    let size = backend.size
    var buffer = CellBuffer(width: size.width, height: size.height)
    render(into: &buffer)
    backend.present(buffer, theme: theme)
    markDrawn()
  }
}
