import Foundation
import ZofCore

/// The console's view of the workspace: the session (replaced by `:as`), change detection
/// through `PRAGMA data_version`, the header status and the background jobs.
///
/// Panes keep a reference and compare `generation` with the one they loaded, so data that
/// changed while a pane was hidden reloads when it is drawn next.
@MainActor
final class ConsoleContext {
  private(set) var session: WorkspaceSession
  let readOnly: Bool
  let mailbox = ConsoleMailbox()
  /// Increases whenever the store changed or the identity switched.
  private(set) var generation = 0
  private(set) var verification = AuditVerificationState.idle
  /// Runs this console started that have not finished, by id.
  private(set) var activeRuns: Set<Int64> = []
  /// Background jobs still running, by name.
  private(set) var activeJobs: Set<String> = []
  private var lastDataVersion: Int64?
  /// The generation whose new audit events were last added to the verification.
  private var extendedGeneration = 0
  private var storeText = ShellStatus.Value("unknown", role: .muted)

  /// The session's whole graph, loaded when the console opens and when the session changes.
  private(set) var graph: SystemGraph

  init(session: WorkspaceSession, readOnly: Bool) throws {
    self.session = session
    self.readOnly = readOnly
    graph = try session.graph
    lastDataVersion = try? session.store.database.dataVersion()
    storeText = Self.describeStore(session)
  }

  var workspace: Workspace { session.workspace }
  var store: Store { session.store }

  /// Marks every pane's data as stale.
  func invalidate() {
    generation += 1
    storeText = Self.describeStore(session)
  }

  // MARK: - Identity

  /// Opens a new session acting as `login`, or as the real user when nil. Throws when the
  /// policy does not allow impersonation or the user is unknown; the old session stays.
  func switchIdentity(to login: String?) throws {
    let fresh = try WorkspaceSession(
      workspace: session.workspace, actingAs: login, logger: session.logger,
      realActor: session.identity.real)
    graph = try fresh.graph
    session = fresh
    invalidate()
  }

  /// Re-reads the graph and policy, importing the catalog when it changed.
  func refresh() throws {
    try session.refresh()
    graph = try session.graph
    invalidate()
  }

  /// Imports the catalog when a file changed since the snapshot in force, as `zof` commands
  /// do before reading the graph, and returns the messages for the footer. A read-only
  /// console imports nothing and warns that the graph is out of date.
  func refreshIfCatalogChanged() throws -> [Reaction] {
    guard try session.catalogChanged() else { return [] }
    if readOnly {
      return [.message(.warning, "the catalog changed since snapshot \(session.snapshot.id); "
                         + "this read-only console keeps using it")]
    }
    let before = session.snapshot.id
    try refresh()
    if let notice = session.notices.last { return [.message(.warning, notice)] }
    guard session.snapshot.id != before else { return [] }
    return [.message(.info, "the catalog changed; imported snapshot \(session.snapshot.id)")]
  }

  // MARK: - Ticks

  /// Polls for changes and drains background results; returns the reactions to apply.
  func tick() -> [Reaction] {
    var reactions: [Reaction] = []
    for message in mailbox.drain() {
      reactions += receive(message)
    }
    if let version = try? session.store.database.dataVersion(), version != lastDataVersion {
      lastDataVersion = version
      invalidate()
      reactions.append(.redraw)
    }
    if case .running = verification { reactions.append(.redraw) }
    if generation != extendedGeneration {
      extendedGeneration = generation
      reactions += extendVerification()
    }
    return reactions
  }

  /// The largest number of new events checked on the main thread. Beyond it, the whole
  /// chain is verified again in the background.
  static let appendedEventsCheckedInPlace: Int64 = 5_000

  /// Carries a finished, intact verification over the events appended since, so the
  /// header's verified head keeps up with the chain.
  ///
  /// NOTE: rows checked before are not read again, so an edit to one of them shows only at
  /// the next full verification (`v`, or the next console).
  private func extendVerification() -> [Reaction] {
    guard case .done(let earlier, let seconds) = verification, earlier.isIntact else {
      return []
    }
    let audit = session.audit
    do {
      let head = try audit.head()
      if head.seq - earlier.head.seq > Self.appendedEventsCheckedInPlace {
        startVerification()
        return [.redraw]
      }
      let extended = try audit.verifyAppended(since: earlier)
      guard extended != earlier else { return [] }
      verification = .done(extended, seconds: seconds)
      if let tamper = extended.tamper {
        return [.message(.error, "audit chain BROKEN: \(tamper.description)")]
      }
      return [.redraw]
    } catch {
      verification = .failed(ConsoleErrorText.describe(error))
      return [.redraw]
    }
  }

  private func receive(_ message: ConsoleMailbox.Message) -> [Reaction] {
    // A finished verification changes only the header, so the panes keep their data;
    // every other result changed the store.
    switch message {
    case .auditVerified, .auditVerifyFailed: break
    default: invalidate()
    }
    switch message {
    case .auditVerified(let result, let seconds):
      verification = .done(result, seconds: seconds)
      if let tamper = result.tamper {
        return [.message(.error, "audit chain BROKEN: \(tamper.description)")]
      }
      // Events appended while the chain was being read are checked now.
      return [.redraw] + extendVerification()
    case .auditVerifyFailed(let text):
      verification = .failed(text)
      return [.message(.error, "audit verification failed: \(text)")]
    case .runFinished(let id, let status):
      activeRuns.remove(id)
      let level: MessageLevel = status == .passed ? .info : .warning
      return [.message(level, "run \(id) finished: \(status.rawValue)")]
    case .runFailed(let id, let text):
      activeRuns.remove(id)
      return [.message(.error, "run \(id) stopped: \(text)")]
    case .jobFinished(let name, let text):
      activeJobs.remove(name)
      return [.message(.info, text)]
    case .jobFailed(let name, let text):
      activeJobs.remove(name)
      return [.message(.error, "\(name) failed: \(text)")]
    }
  }

  // MARK: - Background jobs

  /// Verifies the audit chain on a background thread with its own connection, unless a
  /// verification is already running.
  func startVerification() {
    if case .running = verification { return }
    let count = (try? session.audit.head().seq) ?? 0
    verification = .running(started: Date(), events: count)
    AuditVerifyJob(storePath: workspace.storePath, mailbox: mailbox).start()
  }

  /// Starts `work` on a background thread as the current identity; one job per name.
  func startJob(_ name: String, _ work: @escaping @Sendable (WorkspaceSession) throws -> String)
    -> Bool
  {
    guard activeJobs.insert(name).inserted else { return false }
    BackgroundJob(name: name, workspace: workspace, identity: session.identity,
                  logger: session.logger, mailbox: mailbox, work: work).start()
    return true
  }

  /// Executes a recorded run on a background thread with its own connection.
  func startRun(_ id: Int64, request: RunLauncher.Request) {
    activeRuns.insert(id)
    RunJob(runID: id, request: request, workspace: workspace, graph: graph,
           identity: session.identity, logger: session.logger, mailbox: mailbox).start()
  }

  // MARK: - Header

  var shellStatus: ShellStatus {
    let identity = session.identity
    var user = Self.login(identity.effective)
    if identity.assumed != nil {
      user += " [impersonated by \(Self.login(identity.real))]"
    }
    return ShellStatus(
      workspace: (workspace.root as NSString).lastPathComponent, user: user,
      roles: session.roles, store: storeText, audit: verification.headerValue)
  }

  /// `bob` for `user:default/bob`; agents and other namespaces keep their full id.
  static func login(_ actor: Actor) -> String {
    guard let ref = actor.userRef, ref.namespace == "default" else { return actor.id }
    return ref.name
  }

  private static func describeStore(_ session: WorkspaceSession) -> ShellStatus.Value {
    let mode = (try? session.store.database.journalMode())?.uppercased() ?? "?"
    let path = session.workspace.storePath
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let bytes = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    let role: ThemeRole = mode == "WAL" ? .ok : .warning
    return ShellStatus.Value("\(mode) \(ByteText.format(bytes))", role: role)
  }
}

/// Sizes for people: `812B`, `4.2K`, `1.5M`, `2.0G`, in powers of 1024.
enum ByteText {
  static func format(_ bytes: Int64) -> String {
    let units = ["K", "M", "G", "T"]
    guard bytes >= 1024 else { return "\(bytes)B" }
    var value = Double(bytes) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return NumberText.fixed(value, digits: 1) + units[unit]
  }
}
