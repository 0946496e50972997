import Foundation
@testable import ZofCore

/// The demo payments workspace in a temporary folder, whose last commit breaks partial
/// refunds, with sessions for the demo's people and runs started through `RunLauncher`.
final class RemediationFixture {
  let folder = TemporaryFolder("remed")
  let commits: [String]
  var root: String { folder.path }

  /// Extra catalog entities written before the first session opens, such as test
  /// remediators and checks.
  init(extraCatalog: String? = nil) throws {
    let sampleData = (Corpus.packageRoot as NSString).appendingPathComponent("sample-data")
    commits = try DemoBuilder(sampleData: sampleData).build(into: folder.path)
    if let extraCatalog { folder.write("catalog/tests.yaml", extraCatalog) }
  }

  /// The `zof` executable beside the test bundle, which bisect runs once per commit.
  static let executable: String = {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      products.appendingPathComponent("zof").path,
      products.deletingLastPathComponent().appendingPathComponent("zof").path,
      Corpus.packageRoot + "/.build/debug/zof",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
      ?? candidates.last!
  }()

  /// A session acting as `login` (the demo policy allows `--as`).
  func session(as login: String) throws -> WorkspaceSession {
    try WorkspaceSession(workspace: try Workspace.load(root: root), actingAs: login,
                         realActor: .user("tester"))
  }

  /// Runs the named checks in the repository's working tree and returns the run id.
  @discardableResult
  func run(_ checks: [String], session: WorkspaceSession, now: Date = Date()) throws -> Int64 {
    let planner = Planner(graph: try session.graph)
    let plan = try planner.plan(try planner.namedCandidates(checks, history: [:]),
                                environment: "ci", budget: nil, selection: "checks")
    var launcher = RunLauncher(workspace: session.workspace, store: session.store,
                               graph: try session.graph)
    launcher.clock = { now }
    let request = RunLauncher.Request(plan: plan, trigger: "test", actor: "user:default/tester")
    let id = try launcher.record(request)
    _ = try launcher.execute(id, request)
    return id
  }

  func service(_ session: WorkspaceSession, now: Date = Date()) -> ProposalService {
    ProposalService(session: session, executable: Self.executable, clock: { now })
  }

  /// Audit events about `subject`, oldest first.
  func events(_ session: WorkspaceSession, subject: String) throws -> [AuditEvent] {
    try session.audit.events(AuditQuery(subject: subject, limit: 1000)).events.reversed()
  }

  func git(_ arguments: [String]) throws -> String {
    try Git(repositoryPath: root).run(arguments)
  }
}
