import Foundation
import Testing
@testable import ZofCore

private let component = """
  apiVersion: backstage.io/v1alpha1
  kind: Component
  metadata:
    name: serde
    annotations:
      zof.dev/paths: libs/serde/**
  spec:
    type: library
    dependsOn: [resource:db]
  ---
  apiVersion: backstage.io/v1alpha1
  kind: Resource
  metadata:
    name: db
  spec:
    type: database
  """

struct GraphServiceTests {
  let folder = TemporaryFolder("workspace")

  func service() throws -> GraphService {
    folder.write("zof.yaml", "catalog:\n  - catalog\n")
    let workspace = try Workspace.load(root: folder.path)
    return GraphService(workspace: workspace, store: try Store(path: workspace.storePath))
  }

  @Test func importsOnceUntilAFileChanges() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    let first = try graphs.current()
    let second = try graphs.current()
    #expect(first.imported)
    #expect(!second.imported)
    #expect(second.snapshot.id == first.snapshot.id)
    #expect(second.graph.count == 2)
    #expect(second.graph.pathRules.map(\.pattern) == ["libs/serde/**"])
    folder.write("catalog/serde.yaml", component.replacingOccurrences(of: "database", with: "queue"))
    let third = try graphs.current()
    #expect(third.imported)
    #expect(third.snapshot.id == first.snapshot.id + 1)
  }

  @Test func newFileTriggersImport() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    _ = try graphs.current()
    folder.write("catalog/team.yaml", """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team
      spec:
        type: team
        children: []
      """)
    let loaded = try graphs.current()
    #expect(loaded.imported)
    #expect(loaded.graph.count == 3)
  }

  @Test func storedGraphMatchesImportedGraph() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    let imported = try graphs.current()
    let stored = try graphs.store.snapshots.loadGraph(id: imported.snapshot.id)
    #expect(stored.entities.map(\.ref) == imported.graph.entities.map(\.ref))
    #expect(stored.relations == imported.graph.relations)
    #expect(stored[0].spec?["type"]?.string == "library")
    #expect(stored[0].annotations["zof.dev/paths"] == "libs/serde/**")
    #expect(stored[0].location.line == 1)
  }

  @Test func badFileLeavesStoreUnchanged() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    let first = try graphs.current()
    folder.write("catalog/broken.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\n")
    #expect(throws: InputErrors.self) { try graphs.current() }
    let count = try graphs.store.database.scalar("SELECT count(*) FROM snapshots")
    #expect(count == 1)
    #expect(try graphs.store.snapshots.latest()?.id == first.snapshot.id)
  }

  @Test func storeUsesWALAndMigrations() throws {
    let graphs = try service()
    #expect(try graphs.store.database.journalMode() == "wal")
    #expect(try graphs.store.database.userVersion() == Schema.migrations.map(\.version).max())
  }
}
