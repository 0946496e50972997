import Foundation
import Testing
@testable import ZofCore

struct WorkspaceSessionTests {
  /// Opening a session as someone else is an audited impersonation; a detached copy for a
  /// background thread keeps that identity without recording it again.
  @Test func detachedSessionSharesStateAndRecordsNothing() throws {
    let fixture = try RemediationFixture()
    let session = try fixture.session(as: "bob")
    let before = try session.audit.head()

    let detached = try session.detached()

    #expect(try detached.audit.head() == before)
    #expect(detached.identity == session.identity)
    #expect(detached.identity.effective.id == "user:default/bob")
    #expect(detached.loaded.snapshot.id == session.loaded.snapshot.id)
    #expect(detached.policy.name == session.policy.name)
    #expect(detached.store.database !== session.store.database)
    // The copy writes through its own connection, and the original sees the change.
    try detached.record("test.detached", subject: "workspace")
    #expect(try session.audit.head().seq == before.seq + 1)
  }
}
