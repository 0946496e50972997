import Foundation
import Testing

@testable import ZofConsole

/// The demo shell rendered into text at fixed sizes and driven with key scripts.
@MainActor
struct ShellScreenTests {
  nonisolated static let sizes = [(80, 24), (160, 50)]

  private func makeApp(readOnly: Bool = false) -> ConsoleApp {
    ConsoleDemo.makeApp(live: false, readOnly: readOnly, clock: { TestClock.date },
                        timeZone: TestClock.utc)
  }

  private func render(_ app: ConsoleApp, width: Int, height: Int) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    app.render(into: &buffer)
    return buffer
  }

  private func press(_ keys: [Key], on app: ConsoleApp) {
    for key in keys { app.handleKey(key) }
  }

  private func type(_ text: String) -> [Key] { text.map { .character($0) } }

  @Test(arguments: sizes)
  func everyPaneMatchesItsScreen(width: Int, height: Int) {
    let app = makeApp()
    for (index, pane) in app.panes.enumerated() {
      app.handleKey(.character(Character(String(index + 1))))
      #expect(app.activeIndex == index)
      let name = "shell-\(pane.title.lowercased())-\(width)x\(height)"
      ScreenSnapshot.assertMatches(render(app, width: width, height: height), named: name)
    }
  }

  @Test func helpScreenMatches() {
    let app = makeApp()
    press([.character("3"), .character("?")], on: app)
    ScreenSnapshot.assertMatches(render(app, width: 80, height: 24), named: "shell-help-80x24")
    press([.escape], on: app)
    guard case .normal = app.mode else {
      Issue.record("Esc did not close help")
      return
    }
  }

  @Test func readOnlyHelpMatches() {
    let app = makeApp(readOnly: true)
    press([.character("3"), .character("?")], on: app)
    ScreenSnapshot.assertMatches(render(app, width: 80, height: 24),
                                 named: "shell-help-readonly-80x24")
  }

  @Test func filterIsIncrementalAndCaseInsensitive() {
    let app = makeApp()
    press([.character("/")] + type("REF"), on: app)
    ScreenSnapshot.assertMatches(render(app, width: 80, height: 24),
                                 named: "shell-graph-filter-80x24")
    press([.backspace, .backspace], on: app)
    #expect(app.filters[0] == "R")
    press([.enter], on: app)
    #expect(app.filters[0] == "R")
    press([.character("/"), .escape], on: app)
    #expect(app.filters[0] == "")
  }

  @Test func commandModeCompletesAndRunsTheme() {
    let app = makeApp()
    app.themeResolver = ThemeResolver(environment: [:], executablePath: nil)
    press([.character(":")] + type("the") + [.tab], on: app)
    guard case .command(let editor) = app.mode else {
      Issue.record("not in command mode")
      return
    }
    #expect(editor.text == "theme ")
    press(type("monochrome") + [.enter], on: app)
    #expect(app.theme.name == "monochrome")
    ScreenSnapshot.assertMatches(render(app, width: 80, height: 24),
                                 named: "shell-command-theme-80x24")
  }

  @Test func unknownThemeShowsError() {
    let app = makeApp()
    app.themeResolver = ThemeResolver(environment: [:], executablePath: nil)
    press([.character(":")] + type("theme nosuch") + [.enter], on: app)
    #expect(app.theme.name == "default")
    #expect(app.message?.level == .error)
    #expect(app.message?.text.contains("theme \"nosuch\" not found") == true)
  }

  @Test func commandHandlerReceivesOtherCommands() {
    let app = makeApp()
    var received: [String] = []
    app.commandHandler = { line in
      received.append(line)
      return [.message(.info, "ran \(line)")]
    }
    press([.character(":")] + type("rerun r-1042") + [.enter], on: app)
    #expect(received == ["rerun r-1042"])
    #expect(app.message?.text == "ran rerun r-1042")
    press([.character(":"), .up], on: app)
    guard case .command(let editor) = app.mode else {
      Issue.record("not in command mode")
      return
    }
    #expect(editor.text == "rerun r-1042")
  }

  @Test func readOnlyRejectsStateChangingKey() {
    let app = makeApp(readOnly: true)
    press([.character("3"), .character("a")], on: app)
    guard case .normal = app.mode else {
      Issue.record("approve opened a prompt in read-only mode")
      return
    }
    #expect(app.message?.level == .warning)
    #expect(app.message?.text
      == "read-only mode: a (approve the selected proposal) changes state and is disabled")
  }

  @Test func approvePromptConfirms() {
    let app = makeApp()
    press([.character("3"), .character("a")], on: app)
    ScreenSnapshot.assertMatches(render(app, width: 80, height: 24),
                                 named: "shell-approve-prompt-80x24")
    press([.character("y")], on: app)
    #expect(app.message?.text == "demo: p-17 would be approved")
  }

  /// A message clears once it has been shown for its lifetime and a key was pressed since
  /// it appeared. Without a key press it stays on screen.
  @Test func messageClearsAfterLifetimeOnceSeen() {
    var now = TestClock.date
    let app = ConsoleDemo.makeApp(live: false, clock: { now }, timeZone: TestClock.utc)
    app.show(.info, "hello")
    app.tick()
    #expect(app.message != nil)
    now = now.addingTimeInterval(app.messageLifetime * 10)
    app.tick()
    #expect(app.message?.text == "hello")
    app.handleKey(.character("j"))
    app.tick()
    #expect(app.message == nil)
  }

  @Test func tickHandlerRunsOnTick() {
    let app = makeApp()
    var ticks = 0
    app.tickHandler = {
      ticks += 1
      return []
    }
    app.tick()
    #expect(ticks == 1)
  }

  @Test func qAtTopLevelQuitsAndBacksOutOfFocus() {
    let app = makeApp()
    press([.enter], on: app)
    press([.character("q")], on: app)
    #expect(app.isRunning)
    press([.character("q")], on: app)
    #expect(!app.isRunning)
  }

  /// Work that quitting would stop is named first, and only a yes quits.
  @Test func quitPromptsWhenWorkWouldStop() {
    let app = makeApp()
    app.quitQuestion = { "Run(s) 4 started here stop when the console quits. Quit anyway?" }
    press([.character("q")], on: app)
    #expect(app.isRunning)
    let footer = TextBackend.trimmedLines(of: render(app, width: 80, height: 24)).last ?? ""
    #expect(footer.contains("Run(s) 4 started here stop"))
    press([.character("n")], on: app)
    #expect(app.isRunning)
    #expect(app.message?.text == "not quitting; the work goes on")
    press([.character("q"), .character("y")], on: app)
    #expect(!app.isRunning)
  }

  /// Ctrl-C prompts like `q` when work would stop, and a second Ctrl-C quits at once.
  @Test func secondInterruptQuits() {
    let app = makeApp()
    app.interrupt()
    #expect(!app.isRunning)

    let busy = makeApp()
    busy.quitQuestion = { "Run(s) 4 started here stop when the console quits. Quit anyway?" }
    busy.interrupt()
    #expect(busy.isRunning)
    busy.interrupt()
    #expect(!busy.isRunning)
  }

  @Test(arguments: [(79, 24), (80, 23), (40, 10)])
  func tooSmallMessage(width: Int, height: Int) {
    let app = makeApp()
    let lines = TextBackend.trimmedLines(of: render(app, width: width, height: height))
    let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
    #expect(text == "terminal too small: need 80x24, have \(width)x\(height)")
  }

  @Test(arguments: [(0, 0), (1, 1), (0, 30), (200, 0), (3, 2)])
  func tinySizesDoNotCrash(width: Int, height: Int) {
    let app = makeApp()
    press([.character("?")], on: app)
    _ = render(app, width: width, height: height)
    press([.escape, .character("2")], on: app)
    #expect(TextBackend.lines(of: render(app, width: width, height: height)).count == height)
  }

  @Test func mainLoopRunsScriptOnTextBackend() {
    let app = makeApp()
    let backend = TextBackend(width: 80, height: 24,
                              keys: [.character("2"), nil, .resize, .character("q")])
    app.run(on: backend)
    #expect(!app.isRunning)
    #expect(backend.frames.count >= 2)
    #expect(backend.lastFrame[1].contains(" 2 Runs "))
  }
}
