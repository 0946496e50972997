import Foundation

/// The console shell: header, tab bar, the active pane's body and the footer, with
/// command, filter, help and prompt modes.
///
/// Keys and ticks go in, and panes and commands return reactions. `apply` turns reactions
/// into state changes and is the only place that sets `needsRedraw`.
/// The type has no terminal code, so tests drive it with keys and render it to text.
@MainActor
final class ConsoleApp {
  /// The smallest terminal the layout supports.
  static let minimumSize = (width: 80, height: 24)

  enum Mode {
    case normal
    case command(LineEditor)
    case filter(LineEditor)
    case help(ScrollState)
    case prompt(PromptLine, onAnswer: @MainActor (String) -> [Reaction])
  }

  private(set) var panes: [any Pane]
  private(set) var activeIndex = 0
  var mode: Mode = .normal
  var status: ShellStatus { didSet { if status != oldValue { needsRedraw = true } } }
  /// Read-only consoles hide and reject bindings flagged `.changesState`.
  let readOnly: Bool
  private(set) var theme: Theme
  var themeResolver: ThemeResolver

  /// Names offered by Tab in command mode, besides the built-in commands.
  var commandNames: [String] = []
  /// Runs a command line that is not built in; the CLI wires the real commands here.
  var commandHandler: (@MainActor (String) -> [Reaction])?
  /// Called at least every `tickInterval` seconds, for example to check for new data.
  var tickHandler: (@MainActor () -> [Reaction])?
  var tickInterval: Double = 0.1
  /// Seconds a footer message stays.
  var messageLifetime: Double = 5

  private(set) var message: StatusMessage?
  var filters: [String]
  private(set) var needsRedraw = true
  private(set) var isRunning = true
  /// Asked when the user quits: a question to confirm first, such as work that quitting
  /// would stop, or nil to quit at once. A termination signal does not ask.
  var quitQuestion: (() -> String?)?
  /// Set while the quit question is on screen, so a second Ctrl-C quits without waiting.
  private var askingToQuit = false

  /// Handles Ctrl-C as a request to quit, which prompts first like `q`. A Ctrl-C while that
  /// prompt is on screen quits at once.
  func interrupt() {
    if askingToQuit, case .prompt = mode {
      isRunning = false
    } else {
      askingToQuit = false
      apply([.quit])
    }
  }
  var commandHistory: [String] = []

  let clock: () -> Date
  let timeZone: TimeZone
  private var lastTick = -Double.infinity
  private var lastClockMinute = -1

  init(
    panes: [any Pane], status: ShellStatus = ShellStatus(), readOnly: Bool = false,
    theme: Theme = BuiltinThemes.defaultTheme, themeResolver: ThemeResolver = ThemeResolver(),
    clock: @escaping () -> Date = Date.init, timeZone: TimeZone = .current
  ) {
    self.panes = panes
    self.status = status
    self.readOnly = readOnly
    self.theme = theme
    self.themeResolver = themeResolver
    self.clock = clock
    self.timeZone = timeZone
    self.filters = Array(repeating: "", count: panes.count)
  }

  var activePane: (any Pane)? { panes.isEmpty ? nil : panes[activeIndex] }
  var now: Double { clock().timeIntervalSinceReferenceDate }

  /// The key tables that apply now, most specific first.
  var keyTables: [KeyTable] {
    var tables: [KeyTable] = []
    if let pane = activePane { tables.append(pane.keyTable) }
    tables.append(.navigation)
    tables.append(.global(paneTitles: panes.map(\.title)))
    return tables
  }

  func markDrawn() { needsRedraw = false }

  /// Whether a pane has background work whose result is not on screen yet.
  var isBusy: Bool { panes.contains { $0.isBusy } }
  func setNeedsRedraw() { needsRedraw = true }

  func setTheme(_ newTheme: Theme) {
    theme = newTheme
    needsRedraw = true
  }

  func showPane(at index: Int) {
    guard panes.indices.contains(index) else { return }
    activeIndex = index
    needsRedraw = true
  }

  // MARK: - Reactions

  /// Carries out reactions in order.
  func apply(_ reactions: [Reaction]) {
    for reaction in reactions {
      switch reaction {
      case .redraw:
        needsRedraw = true
      case .reload:
        apply(activePane?.reload() ?? [])
        needsRedraw = true
      case .quit:
        if let question = quitQuestion?() {
          var confirm = PromptLine(question: question, kind: .confirm)
          confirm.cancelMessage = "not quitting; the work goes on"
          mode = .prompt(confirm) { [weak self] _ in
            self?.isRunning = false
            return []
          }
          askingToQuit = true
          needsRedraw = true
        } else {
          isRunning = false
        }
      case .message(let level, let text):
        show(level, text)
      case .runCommand(let line):
        apply(runCommand(line))
      case .prompt(let prompt, let onAnswer):
        mode = .prompt(prompt, onAnswer: onAnswer)
        needsRedraw = true
      }
    }
  }

  /// Notes that the user pressed a key while the current message was on screen.
  func markMessageSeen() { message?.seen = true }

  func show(_ level: MessageLevel, _ text: String) {
    message = StatusMessage(level: level, text: text, shownAt: now)
    needsRedraw = true
  }

  // MARK: - Time

  /// Runs periodic work: the tick hooks, message expiry and the header clock.
  func tick() {
    let current = now
    if current - lastTick >= tickInterval {
      lastTick = current
      apply(tickHandler?() ?? [])
      for pane in panes { apply(pane.tick()) }
    }
    if let message, message.seen, current - message.shownAt >= messageLifetime {
      self.message = nil
      needsRedraw = true
    }
    let minute = Int((current / 60).rounded(.down))
    if minute != lastClockMinute {
      lastClockMinute = minute
      needsRedraw = true
    }
  }
}
