import Foundation
import Synchronization
import Testing
@testable import ZofCore

struct WorkspaceSessionTests {
  /// Opening a session as someone else is an audited impersonation. A detached copy for a
  /// background thread keeps that identity without recording it again.
  @Test func detachedSessionRecordsNothing() throws {
    let fixture = try RemediationFixture()
    let session = try fixture.session(as: "bob")
    let before = try session.audit.head()

    let detached = try session.detached()

    #expect(try detached.audit.head() == before)
    #expect(detached.identity == session.identity)
    #expect(detached.identity.effective.id == "user:default/bob")
    #expect(detached.snapshot.id == session.snapshot.id)
    #expect(detached.policy.name == session.policy.name)
    #expect(detached.store.database !== session.store.database)
    // The copy writes through its own connection, and the original reads the change.
    try detached.record("test.detached", subject: "workspace")
    #expect(try session.audit.head().seq == before.seq + 1)
  }

  /// Authorization reads only the policy, users and groups, and its decisions match those
  /// made with the full graph. The graph itself loads on first use.
  @Test func graphLoadsOnFirstUse() throws {
    let fixture = try RemediationFixture()
    _ = try fixture.session(as: "bob")
    let session = try fixture.session(as: "bob")
    #expect(!session.imported)
    #expect(!session.isGraphLoaded)
    #expect(session.roles.contains("approver"))
    let graph = try session.graph
    #expect(session.isGraphLoaded)
    #expect(graph.count == (try session.store.snapshots.loadGraph(id: session.snapshot.id)).count)
    let full = Authorizer(policy: session.policy, directory: Directory(entities: graph.entities))
    #expect(full.roles(of: session.identity.effective).keys.sorted() == session.roles)
  }

  /// Commands started together after one catalog edit share one new snapshot.
  @Test func concurrentSessionsImportOnce() throws {
    let fixture = try RemediationFixture()
    let first = try fixture.session(as: "bob")
    let file = fixture.root + "/catalog/org.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try (text + "\n# edited\n").write(toFile: file, atomically: true, encoding: .utf8)

    let failures = Mutex<[String]>([])
    let root = fixture.root
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      do {
        _ = try WorkspaceSession(workspace: try Workspace.load(root: root), actingAs: "bob",
                                 realActor: .user("tester"))
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }

    #expect(failures.withLock { $0 } == [])
    let snapshots = try first.store.database.scalar("SELECT count(*) FROM snapshots")
    #expect(snapshots == 2)
  }
}
