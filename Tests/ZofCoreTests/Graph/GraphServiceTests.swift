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

  /// Sets the file's modification time `seconds` into the past.
  func age(_ name: String, by seconds: Double) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-seconds)],
      ofItemAtPath: folder.path + "/" + name)
  }

  func recordedStamp(_ graphs: GraphService) throws -> FileStamp? {
    try graphs.store.snapshots.latest()?.sources.first { $0.path.hasSuffix("serde.yaml") }?.stamp
  }

  /// A file written just before the import is not stamped, because a same-size rewrite
  /// inside the clock's granularity could keep its stamp. Such an edit is still noticed.
  @Test func freshFileEditIsNoticed() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    _ = try graphs.current()
    #expect(try recordedStamp(graphs) == nil)
    folder.write("catalog/serde.yaml", component.replacingOccurrences(of: "db", with: "dx"))
    #expect(try graphs.current().imported)
  }

  /// Once a file has settled, the check that finds it unchanged stamps it, and from then on
  /// a matching stamp is trusted without reading the file.
  @Test func settledFileIsStampedAndTrusted() throws {
    folder.write("catalog/serde.yaml", component)
    let graphs = try service()
    let first = try graphs.current()
    try age("catalog/serde.yaml", by: 60)
    #expect(try !graphs.current().imported)
    let stamp = try #require(try recordedStamp(graphs))
    #expect(stamp == FileStamp.of(folder.path + "/catalog/serde.yaml"))

    // The same size and the recorded time: only a stamp check would miss this edit, which
    // shows that the file is not read while its stamp matches.
    folder.write("catalog/serde.yaml", component.replacingOccurrences(of: "db", with: "dx"))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970:
        Double(stamp.modifiedNanoseconds) / 1_000_000_000)],
      ofItemAtPath: folder.path + "/catalog/serde.yaml")
    #expect(FileStamp.of(folder.path + "/catalog/serde.yaml") == stamp)
    #expect(try graphs.current().snapshot.id == first.snapshot.id)

    // Any write moves the time, and the edit is imported.
    folder.write("catalog/serde.yaml", component.replacingOccurrences(of: "db", with: "dy"))
    #expect(try graphs.current().imported)
  }

  @Test func settledFileIsStampedAtImport() throws {
    folder.write("catalog/serde.yaml", component)
    try age("catalog/serde.yaml", by: 60)
    let graphs = try service()
    #expect(try graphs.current().imported)
    #expect(try recordedStamp(graphs) == FileStamp.of(folder.path + "/catalog/serde.yaml"))
  }

  /// An entry removed from zof.yaml changes the catalog although its file is unchanged.
  @Test func removedSettingsEntryTriggersImport() throws {
    folder.write("catalog/serde.yaml", component)
    folder.write("more/team.yaml", """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata:
        name: team
      spec:
        type: team
        children: []
      """)
    folder.write("zof.yaml", "catalog:\n  - catalog\n  - more/team.yaml\n")
    let workspace = try Workspace.load(root: folder.path)
    let graphs = GraphService(workspace: workspace, store: try Store(path: workspace.storePath))
    #expect(try graphs.current().graph.count == 3)

    folder.write("zof.yaml", "catalog:\n  - catalog\n")
    let shrunk = GraphService(workspace: try Workspace.load(root: folder.path),
                              store: graphs.store)
    let loaded = try shrunk.current()
    #expect(loaded.imported)
    #expect(loaded.graph.count == 2)
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
