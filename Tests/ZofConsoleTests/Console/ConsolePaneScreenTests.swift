import Foundation
import Testing
import ZofCore

@testable import ZofConsole

/// The real panes over a fixture store, rendered into text at fixed sizes and compared
/// with the screens in `Screens/`.
@MainActor
@Suite(.serialized)
struct ConsolePaneScreenTests {
  nonisolated static let sizes = [(80, 24), (160, 50)]

  private func build(_ fixture: ConsoleFixture, readOnly: Bool = false) throws
    -> ConsoleBuilder.Built
  {
    var builder = ConsoleBuilder(clock: { TestClock.date }, timeZone: TestClock.utc)
    builder.verifyOnOpen = false
    return try builder.build(session: fixture.session, readOnly: readOnly)
  }

  /// Renders once (which starts any background evaluation the pane needs), ticks until that
  /// work has shown its result, then renders the screen compared.
  private func screen(_ app: ConsoleApp, width: Int, height: Int) -> [String] {
    app.tick()
    var first = CellBuffer(width: width, height: height)
    app.render(into: &first)
    let deadline = Date().addingTimeInterval(20)
    while app.isBusy && Date() < deadline {
      usleep(10_000)
      // The test clock is fixed, so the shell's own tick would not poll the panes.
      for pane in app.panes { app.apply(pane.tick()) }
    }
    #expect(!app.isBusy, "a pane was still evaluating after 20 s")
    var buffer = CellBuffer(width: width, height: height)
    app.render(into: &buffer)
    return ConsoleFixture.masked(TextBackend.trimmedLines(of: buffer))
  }

  private func press(_ keys: [Key], on app: ConsoleApp) {
    for key in keys { app.handleKey(key) }
  }

  @Test(arguments: sizes)
  func everyPaneMatchesItsScreen(width: Int, height: Int) throws {
    let fixture = try ConsoleFixture()
    let app = try build(fixture).app
    for (index, pane) in app.panes.enumerated() {
      app.handleKey(.character(Character(String(index + 1))))
      let name = "console-\(pane.title.lowercased())-\(width)x\(height)"
      ScreenSnapshot.assertMatches(screen(app, width: width, height: height), named: name)
    }
  }

  /// The pane draws at once while git is consulted in the background, then shows the report.
  @Test func readinessShowsEvaluatingThenReport() throws {
    let fixture = try ConsoleFixture()
    let app = try build(fixture).app
    app.handleKey(.character("5"))
    var buffer = CellBuffer(width: 80, height: 24)
    app.render(into: &buffer)
    let waiting = TextBackend.trimmedLines(of: buffer)
    #expect(waiting.contains { $0.contains("Readiness of HEAD for ci (evaluating)") })
    #expect(app.isBusy)
    let done = screen(app, width: 80, height: 24)
    #expect(done.contains { $0.contains("for ci: NOT READY") })
    #expect(!done.contains { $0.contains("(evaluating)") })
  }

  /// Events another process appends after the chain was verified are checked as they
  /// arrive, and the header's verified head moves with them.
  @Test func verifiedHeadFollowsAppendedEvents() throws {
    let fixture = try ConsoleFixture()
    let context = try build(fixture).context
    context.startVerification()
    let deadline = Date().addingTimeInterval(20)
    while case .running = context.verification, Date() < deadline {
      usleep(10_000)
      _ = context.tick()
    }
    let before = try fixture.session.audit.head()
    #expect(context.shellStatus.audit.text == "ok #\(before.seq) \(before.hash.prefix(8))")

    let other = AuditLog(database: try Database(path: fixture.session.workspace.storePath))
    try other.append(AuditEntry(actor: "user:default/alice", action: "view", subject: "x",
                                decision: .allowed))
    _ = context.tick()

    let after = try other.head()
    #expect(after.seq == before.seq + 1)
    #expect(context.shellStatus.audit.text == "ok #\(after.seq) \(after.hash.prefix(8))")
  }

  @Test(arguments: sizes)
  func runDrillsIntoChecksAndAttempt(width: Int, height: Int) throws {
    let fixture = try ConsoleFixture()
    let app = try build(fixture).app
    // Run 1 is the older one, second in the list.
    press([.character("2"), .character("j"), .enter], on: app)
    ScreenSnapshot.assertMatches(screen(app, width: width, height: height),
                                 named: "console-run-checks-\(width)x\(height)")
    press([.enter], on: app)
    let attempt = screen(app, width: width, height: height)
    ScreenSnapshot.assertMatches(attempt, named: "console-attempt-\(width)x\(height)")
    #expect(!attempt.joined().contains("\u{1b}"), "escape sequences reached the screen")
    press([.escape, .escape], on: app)
    let list = screen(app, width: width, height: height)
    #expect(list.contains { $0.contains("Runs (2)") })
  }

  @Test func impactOverlayColoursAffected() throws {
    let fixture = try ConsoleFixture()
    let app = try build(fixture).app
    app.apply([.runCommand("impact --base HEAD~1")])
    let lines = screen(app, width: 160, height: 50)
    ScreenSnapshot.assertMatches(lines, named: "console-graph-impact-160x50")
    #expect(lines.contains { $0.contains("impact: HEAD~1...HEAD") })
  }

  @Test func approveAsBobSucceeds() throws {
    let fixture = try ConsoleFixture(user: "bob")
    let app = try build(fixture).app
    press([.character("3")], on: app)
    #expect(screen(app, width: 160, height: 50).contains { $0.contains("requester  remediator") })
    press([.character("a"), .character("y")], on: app)
    press(Array("looks right").map { .character($0) } + [.enter], on: app)
    let message = app.message?.text ?? ""
    #expect(message.hasPrefix("approved \(fixture.requestID): request is now approved"))
    let request = try fixture.session.approvals.request(id: fixture.requestID)
    #expect(request?.status == .approved)
    // The queue is empty now, and the detail box no longer shows the decided request.
    let after = screen(app, width: 160, height: 50)
    #expect(after.contains { $0.contains("no pending requests") })
    #expect(!after.contains { $0.contains("requester  remediator") },
            "\(after.joined(separator: "\n"))")
  }

  /// Appends a comment to one of the fixture's catalog files and returns that file's path.
  @discardableResult
  private func editCatalog(_ fixture: ConsoleFixture) throws -> String {
    let file = fixture.workspace.root + "/catalog/org.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try (text + "\n# edited while the console was open\n")
      .write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  /// A catalog edited while the console is open is imported before the next command that
  /// reads the graph, as a `zof` command would.
  @Test func catalogEditImportedBeforeGraphCommand() throws {
    let fixture = try ConsoleFixture()
    let built = try build(fixture)
    let before = built.context.session.snapshot.id
    let file = try editCatalog(fixture)

    built.app.apply([.runCommand("readiness --env staging")])

    #expect(built.context.session.snapshot.id == before + 1)
    let events = try fixture.session.audit.events(AuditQuery(action: "catalog.import")).events
    #expect(events.count == 2)

    // A broken file keeps the snapshot, and the warning is the message left on screen.
    try "kind: [\n".write(toFile: file, atomically: true, encoding: .utf8)
    built.app.apply([.runCommand("impact --base HEAD~1")])
    #expect(built.context.session.snapshot.id == before + 1)
    #expect(built.app.message?.text.hasPrefix("the catalog has errors") == true,
            "\(built.app.message?.text ?? "")")
  }

  /// `r` re-reads the catalog too, not only the pane's rows.
  @Test func refreshKeyImportsACatalogEdit() throws {
    let fixture = try ConsoleFixture()
    let built = try build(fixture)
    let before = built.context.session.snapshot.id
    try editCatalog(fixture)
    built.app.handleKey(.character("5"))
    built.app.handleKey(.character("r"))
    #expect(built.context.session.snapshot.id == before + 1)
    #expect(built.app.message?.text == "graph, policy and data reloaded")
  }

  /// A remediation or bisect started here stops with the console too, so quitting needs a yes.
  @Test func quitPromptsDuringAJob() throws {
    let fixture = try ConsoleFixture()
    let built = try build(fixture)
    #expect(built.app.quitQuestion?() == nil)
    let release = DispatchSemaphore(value: 0)
    #expect(built.context.startJob("remediate") { _ in
      release.wait()
      return "done"
    })
    let question = built.app.quitQuestion?() ?? ""
    #expect(question.hasPrefix("a remediation started here stop"), "\(question)")
    release.signal()
  }

  /// A quoted comment reaches the vote as one piece, quotes removed.
  @Test func rejectCommandTakesAQuotedComment() throws {
    let fixture = try ConsoleFixture(user: "bob")
    let app = try build(fixture).app
    app.apply([.runCommand("reject \(fixture.requestID) \"  \" ''")])
    #expect(app.message?.text.contains(":reject needs a comment") == true)
    app.apply([.runCommand("reject \(fixture.requestID) \"breaks  refunds, see run 2\"")])
    let votes = try fixture.session.approvals.votes(requestID: fixture.requestID)
    #expect(votes.map(\.comment) == ["breaks  refunds, see run 2"])
    #expect(try fixture.session.approvals.request(id: fixture.requestID)?.status == .rejected)
  }

  @Test func approveAsAuthorIsRefused() throws {
    let fixture = try ConsoleFixture(user: "alice")
    let built = try build(fixture)
    let reactions = built.commands.handle("approve \(fixture.requestID) ok")
    built.app.apply(reactions)
    let text = screen(built.app, width: 160, height: 50).joined(separator: "\n")
    #expect(text.contains("approve apr-XXXXXXXX refused"))
    let request = try fixture.session.approvals.request(id: fixture.requestID)
    #expect(request?.status == .pending)
  }

  @Test func readOnlyRefusesApproveKeyAndRun() throws {
    let fixture = try ConsoleFixture()
    let app = try build(fixture, readOnly: true).app
    press([.character("3"), .character("a")], on: app)
    #expect(app.message?.text.contains("read-only mode") == true)
    app.apply([.runCommand("run --base HEAD~1")])
    #expect(app.message?.text == "read-only mode: starting a run is disabled; "
              + "open the console without --readonly")
    #expect(try fixture.session.store.runs.listRuns().count == 2)
  }

  @Test func auditQueryFiltersByAction() throws {
    let fixture = try ConsoleFixture()
    let built = try build(fixture)
    built.app.apply(built.commands.handle("audit --action approval.create"))
    let lines = screen(built.app, width: 160, height: 50)
    #expect(lines.contains { $0.contains("Audit: action approval.create (1 loaded)") })
    press([.enter], on: built.app)
    let detail = screen(built.app, width: 160, height: 50).joined(separator: "\n")
    #expect(detail.contains("\"kind\" : \"remediation\""))
  }

  @Test func identitySwitchShowsImpersonation() throws {
    let fixture = try ConsoleFixture(user: "bob")
    let built = try build(fixture)
    built.app.apply(built.commands.handle("as alice"))
    let header = screen(built.app, width: 160, height: 50)[0]
    #expect(header.contains("alice [impersonated by bob]"))
  }

  @Test func auditPagesLoadByKey() throws {
    let fixture = try ConsoleFixture(populate: false)
    let entries = (0..<450).map { index in
      AuditEntry(actor: "user:default/bob", action: "test.event", subject: "item-\(index)",
                 decision: .recorded)
    }
    try fixture.session.audit.append(contentsOf: entries)
    let built = try build(fixture)
    built.app.handleKey(.character("4"))
    _ = screen(built.app, width: 80, height: 24)
    let pane = try #require(built.app.activePane as? AuditPane)
    #expect(pane.events.count == AuditPane.pageSize)
    for _ in 0..<170 { built.app.handleKey(.character("j")) }
    #expect(pane.events.count == 2 * AuditPane.pageSize)
  }
}
