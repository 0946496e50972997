import Foundation
import Testing
import ZofCore

/// A catalog file broken after an import leaves the last snapshot in force for everything
/// but importing, so runs, evidence and approvals stay readable while it is fixed.
struct BrokenCatalogTests {
  let folder = ScratchFolder("zof-broken-catalog")

  @Test func brokenFileKeepsLastSnapshot() throws {
    folder.writeSingleCheckWorkspace(check: "quick", script: "true")
    let first = try BinaryRunner.run(["run", "--check", "quick"], in: folder.path)
    #expect(first.status == 0, "\(first.errors)")

    folder.write("catalog.yaml", "apiVersion: zof.dev/v1alpha1\nkind: Check\nmetadata: [\n")

    let runs = try BinaryRunner.run(["runs"], in: folder.path)
    #expect(runs.status == 0, "\(runs.errors)")
    #expect(runs.output.contains("passed"))
    #expect(runs.errors.contains("warning: the catalog has errors, so snapshot 1 stays in force"))
    #expect(runs.errors.contains("catalog.yaml"))

    let importing = try BinaryRunner.run(["graph", "import"], in: folder.path)
    #expect(importing.status == 2)
    #expect(importing.errors.contains("catalog.yaml:"))
    let snapshots = try BinaryRunner.run(["graph", "stats"], in: folder.path)
    #expect(snapshots.output.contains("snapshot 1"), "\(snapshots.output)")
  }

  /// After an edit, `zof graph import` stores one snapshot, not one when the session opens
  /// and another for the command.
  @Test func editImportStoresOneSnapshot() throws {
    folder.writeSingleCheckWorkspace(check: "quick", script: "true")
    #expect(try BinaryRunner.run(["graph", "import"], in: folder.path).status == 0)
    folder.writeSingleCheckWorkspace(check: "quick", script: "echo edited")

    let second = try BinaryRunner.run(["graph", "import"], in: folder.path)

    #expect(second.status == 0, "\(second.errors)")
    #expect(second.output.hasPrefix("imported snapshot 2:"), "\(second.output)")
    let events = try BinaryRunner.run(["audit", "--action", "catalog.import"], in: folder.path)
    let lines = events.output.split(separator: "\n").filter { $0.contains("catalog.import") }
    #expect(lines.count == 2, "\(events.output)")
  }

  /// A strict import that fails stores nothing, even after an edit, and a strict import
  /// that passes stores one snapshot.
  @Test func failedStrictImportStoresNothing() throws {
    folder.writeSingleCheckWorkspace(check: "quick", script: "true")
    #expect(try BinaryRunner.run(["graph", "import", "--strict"], in: folder.path).status == 0)
    let catalog = try String(contentsOfFile: folder.path + "/catalog.yaml", encoding: .utf8)
    folder.write("catalog.yaml", catalog + """

      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: orphan
      spec:
        type: service
        dependsOn: [component:nowhere]

      """)

    let failed = try BinaryRunner.run(["graph", "import", "--strict"], in: folder.path)

    #expect(failed.status == 2, "\(failed.output)")
    // Read the store directly: any other zof command would import the edit itself, since
    // outside --strict a missing reference is only a warning.
    let database = try Database(path: folder.path + "/.zof/zof.db", readOnly: true)
    #expect(try database.scalar("SELECT count(*) FROM snapshots") == 1)
    #expect(try database.scalar(
      "SELECT count(*) FROM audit_events WHERE action = 'catalog.import'") == 1)
    folder.write("catalog.yaml", catalog)
    let passed = try BinaryRunner.run(["graph", "import", "--strict"], in: folder.path)
    #expect(passed.output.hasPrefix("imported snapshot 2:"), "\(passed.output)")
  }
}
