import Foundation

/// Everything a front end needs to act in a workspace: the store, the current graph, the
/// policy in force, the acting identity, and the audited authorization call.
///
/// Opening a session recovers runs whose process died, and imports the catalog when its
/// files changed. That import is itself an action (`catalog.import`) decided by the policy
/// of the previous snapshot, so editing the policy file cannot grant the editor the right
/// to import it; the very first import is decided by the policy it brings.
public final class WorkspaceSession: @unchecked Sendable {
  public let workspace: Workspace
  public let store: Store
  public let logger: Logger
  public let audit: AuditLog
  /// The snapshot in force, and whether opening this session imported it.
  public private(set) var snapshot: SnapshotInfo
  public private(set) var imported: Bool
  /// The whole graph, once `graph` has loaded it.
  private var loadedGraph: SystemGraph?
  private let graphLock = NSLock()
  public private(set) var policy: Policy
  public private(set) var authorizer: Authorizer
  public private(set) var identity: Identity
  /// Problems met while opening that did not stop it, such as a denied import.
  public private(set) var notices: [String] = []

  /// Seconds without a heartbeat before a run whose process is gone counts as interrupted.
  /// The process check decides on this host; the delay only covers a run still starting.
  public static let staleAfter: Double = 2

  /// Opens a session on `workspace`. With `importingChanges` false, the session keeps the
  /// latest snapshot and leaves a changed catalog to the caller, as `zof graph import` needs.
  /// It still imports when no snapshot exists yet.
  public init(workspace: Workspace, actingAs login: String? = nil, logger: Logger = .disabled,
              realActor: Actor? = nil, importingChanges: Bool = true) throws {
    self.workspace = workspace
    self.logger = logger
    let store = try Store(path: workspace.storePath)
    self.store = store
    audit = AuditLog(database: store.database)
    // A run's status changes here without anyone acting, so Zof records it as its own, in
    // the same transaction.
    let audit = self.audit
    let interrupted = try store.database.transaction {
      let ids = try store.runs.markStaleRunsInterrupted(staleAfter: Self.staleAfter)
      for id in ids {
        try audit.append(AuditEntry(
          actor: "zof", action: "run.interrupt", subject: "run:\(id)", decision: .recorded,
          details: ["reason": .string("the process running it is gone")]))
      }
      return ids
    }
    for id in interrupted {
      logger.warning("run.interrupted", [("run", id), ("reason", "runner process is gone")])
    }
    let real = try realActor ?? Actor.currentUser()
    let graphs = GraphService(workspace: workspace, store: store, logger: logger)
    let pending: ResolvedCatalog?
    let latest: SnapshotInfo?
    do {
      if !importingChanges, let last = try store.snapshots.latest() {
        (pending, latest) = (nil, last)
      } else {
        (pending, latest) = try graphs.pendingImport()
      }
    } catch where error is InputError || error is InputErrors {
      // A broken catalog file must not lock people out of runs, evidence and approvals
      // during an incident: the last snapshot stays in force, and the problem is reported.
      guard let last = try store.snapshots.latest() else { throw error }
      let first = String(describing: error).split(separator: "\n").first.map(String.init)
      notices.append("the catalog has errors, so snapshot \(last.id) stays in force until "
        + "they are fixed (`zof graph import` lists them): \(first ?? "")")
      logger.warning("catalog.invalid", [("snapshot", last.id),
                                         ("error", String(describing: error))])
      (pending, latest) = (nil, last)
    }
    // Deciding who may do what needs only the policy, users and groups, so the whole graph
    // of a large catalog is loaded only when a command reads it.
    let governingEntities = try latest.map {
      try store.snapshots.loadEntities(id: $0.id, kinds: Self.governanceKinds)
    } ?? pending!.entities
    // The policy in force decides the identity and the import.
    let governing = try Self.policy(governingEntities, workspace,
                                    checkingPatterns: latest == nil)
    let governingAuthorizer = Authorizer(policy: governing,
                                         directory: Directory(entities: governingEntities))
    identity = try governingAuthorizer.identity(real: real, actingAs: login, audit: audit)
    if let pending {
      let decision = try governingAuthorizer.decideAndRecord(
        identity, .catalogImport, context: AuthorizationContext(subject: "catalog"),
        audit: audit, details: ["files": .integer(Int64(pending.sources.count))])
      if decision.allowed {
        let saved = try graphs.save(pending, reusingAnyAfter: latest?.id ?? 0)
        snapshot = saved.snapshot
        imported = true
        loadedGraph = saved.graph
      } else if let latest {
        notices.append("the catalog changed but importing it was denied: "
          + decision.reasons.joined(separator: "; ") + "; using snapshot \(latest.id)")
        snapshot = latest
        imported = false
      } else {
        throw AuthorizationDenied(decision: decision, subject: "catalog")
      }
    } else {
      snapshot = latest!
      imported = false
    }
    // Unless a new snapshot replaced the previous one, the governing policy is in force.
    if imported, latest != nil, let entities = loadedGraph?.entities {
      policy = try Self.policy(entities, workspace, checkingPatterns: true)
      authorizer = Authorizer(policy: policy, directory: Directory(entities: entities))
    } else {
      policy = governing
      authorizer = governingAuthorizer
    }
  }

  /// The kinds a session reads to decide who may do what.
  static let governanceKinds = ["policy", "user", "group"]

  private init(copying session: WorkspaceSession, store: Store) {
    workspace = session.workspace
    logger = session.logger
    self.store = store
    audit = AuditLog(database: store.database)
    snapshot = session.snapshot
    imported = session.imported
    loadedGraph = session.graphLock.withLock { session.loadedGraph }
    policy = session.policy
    authorizer = session.authorizer
    identity = session.identity
  }

  /// Returns a session for another thread: its own connection to the store, with this
  /// session's snapshot, policy and identity. Opening it imports nothing and records
  /// nothing, so a console can evaluate in the background without touching the trail.
  public func detached() throws -> WorkspaceSession {
    WorkspaceSession(copying: self, store: try Store(path: workspace.storePath))
  }

  static func policy(_ entities: [Entity], _ workspace: Workspace, checkingPatterns: Bool)
    throws -> Policy
  {
    let name = workspace.config.policy.map { text in
      EntityRef(parsing: text, defaultKind: "policy")?.name ?? text
    }
    return try Policy.select(from: entities, named: name, checkingPatterns: checkingPatterns)
  }

  /// The whole graph of the snapshot in force, read from the store on first use.
  public var graph: SystemGraph {
    get throws {
      try graphLock.withLock {
        if let loadedGraph { return loadedGraph }
        let graph = try store.snapshots.loadGraph(id: snapshot.id)
        loadedGraph = graph
        return graph
      }
    }
  }

  /// Whether `graph` has been read. A session that only decides and records never reads it.
  var isGraphLoaded: Bool { graphLock.withLock { loadedGraph != nil } }

  /// The graph with its snapshot, and whether opening the session imported it.
  public var loaded: GraphService.Loaded {
    get throws { GraphService.Loaded(graph: try graph, snapshot: snapshot, imported: imported) }
  }

  public var approvals: ApprovalQueue {
    ApprovalQueue(audit: audit, authorizer: authorizer)
  }

  /// Decides `action` for the acting identity and records the decision; throws
  /// `AuthorizationDenied` when it is denied.
  @discardableResult
  public func authorize(_ action: Action, subject: String, environment: String? = nil,
                        details: JSONValue = [:]) throws -> Decision {
    let decision = try authorizer.decideAndRecord(
      identity, action, context: AuthorizationContext(subject: subject, environment: environment),
      audit: audit, details: details)
    logger.info("authorize", [("action", action.rawValue), ("subject", subject),
                              ("allowed", decision.allowed), ("audit_seq", decision.auditSeq ?? 0)])
    guard decision.allowed else { throw AuthorizationDenied(decision: decision, subject: subject) }
    return decision
  }

  /// Records an event that needs no decision, such as a finished run.
  @discardableResult
  public func record(_ action: String, subject: String, details: JSONValue = [:]) throws
    -> AuditEvent
  {
    try audit.append(AuditEntry(identity: identity, action: action, subject: subject,
                                decision: .recorded, details: details))
  }

  /// Returns whether a catalog file changed, appeared or disappeared since the snapshot in
  /// force was taken. `refresh` imports such a change.
  public func catalogChanged() throws -> Bool {
    try GraphService(workspace: workspace, store: store, logger: logger)
      .sourcesChanged(since: snapshot)
  }

  /// Re-reads the graph and policy after the catalog changed, deciding the import again.
  public func refresh() throws {
    let fresh = try WorkspaceSession(workspace: workspace, actingAs: identity.assumed?.id,
                                     logger: logger, realActor: identity.real)
    snapshot = fresh.snapshot
    imported = fresh.imported
    graphLock.withLock { loadedGraph = fresh.graphLock.withLock { fresh.loadedGraph } }
    policy = fresh.policy
    authorizer = fresh.authorizer
    notices = fresh.notices
  }

  /// The names of the roles the acting identity has under the policy.
  public var roles: [String] {
    authorizer.roles(of: identity.effective).keys.sorted()
  }
}

/// An action the policy denied; the decision carries every reason.
public struct AuthorizationDenied: Error, CustomStringConvertible {
  public let decision: Decision
  public let subject: String

  public init(decision: Decision, subject: String) {
    self.decision = decision
    self.subject = subject
  }

  public var description: String {
    "\(decision.action.rawValue) on \(subject) denied: "
      + decision.reasons.joined(separator: "; ")
  }
}
