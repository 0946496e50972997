import Foundation
import Testing
@testable import ZofCore

/// Reading Remediator entities.
struct RemediatorSpecTests {
  func spec(_ body: String) throws -> RemediatorSpec {
    let catalog = try resolveCatalog(["r.yaml": """
      apiVersion: zof.dev/v1alpha1
      kind: Remediator
      metadata: {name: fixer}
      spec:
      \(body)
      """])
    let entity = try #require(catalog.entities.first { $0.kind.lowercased() == "remediator" })
    return try RemediatorSpec(entity: entity)
  }

  @Test func commandWithTimeoutAndEnv() throws {
    let fixer = try spec("""
        type: command
        command: [agent, --fix]
        timeout: 2m
        env: {MODE: careful}
        auto: true
      """)
    #expect(fixer.kind == .command)
    #expect(fixer.invocation == .argv(["agent", "--fix"]))
    #expect(fixer.timeout == 120)
    #expect(fixer.env == ["MODE": "careful"])
    #expect(fixer.auto)
    #expect(fixer.actor.id == "remediator:fixer")
  }

  @Test func quarantineExpiresDefault() throws {
    #expect(try spec("  type: quarantine").expires == 14 * 86400)
    #expect(try spec("  type: quarantine\n  expires: 3d").expires == 3 * 86400)
  }

  @Test func invalidSpecsAreRejected() {
    let bodies = ["  type: teleport", "  type: command", "  type: command\n  run: x\n  command: [y]",
                  "  type: revert\n  auto: maybe"]
    for body in bodies {
      #expect(throws: InputError.self) { try spec(body) }
    }
  }
}
