import Foundation
import Testing

/// The shared corpus of real public files, from `ZOF_CORPUS` or `../shared/corpus` beside
/// the package; nil when absent, so the tests that need it are skipped.
enum SharedCorpus {
  static let path: String? = {
    let configured = ProcessInfo.processInfo.environment["ZOF_CORPUS"]
    let candidate = configured ?? BinaryRunner.packageRoot + "/../shared/corpus"
    let root = URL(fileURLWithPath: BinaryRunner.packageRoot)
    let url = URL(fileURLWithPath: candidate, relativeTo: root)
    return FileManager.default.fileExists(atPath: url.path) ? url.standardized.path : nil
  }()
}

/// `zof` pointed at a workspace whose catalog is Backstage's example catalog, as a team
/// would point it at theirs.
@Suite(.enabled(if: SharedCorpus.path != nil, "the shared corpus is absent; set ZOF_CORPUS"))
struct RealCatalogTests {
  @Test func backstageExampleImportsAndExplainsImpact() throws {
    let examples = SharedCorpus.path! + "/backstage/backstage_backstage"
    let folder = ScratchFolder("zof-real-catalog")
    folder.write("zof.yaml", "repository: \(examples)\ncatalog:\n  - \(examples)/all.yaml\n"
                   + "  - \(examples)/acme\n")
    let imported = try BinaryRunner.run(["graph", "import", "--strict", "--json"],
                                        in: folder.path)
    #expect(imported.status == 0, "\(imported.errors)")
    let snapshot = try JSONSerialization.jsonObject(with: Data(imported.output.utf8))
      as? [String: Any]
    #expect((snapshot?["warnings"] as? [String])?.isEmpty == true)
    #expect(snapshot?["entities"] as? Int == 57)

    let impact = try BinaryRunner.run(
      ["impact", "--paths", "components/wayback-archive-storage-component.yaml", "--json"],
      in: folder.path)
    #expect(impact.status == 0)
    let report = try JSONSerialization.jsonObject(with: Data(impact.output.utf8))
      as? [String: Any]
    let affected = (report?["affected"] as? [[String: Any]])?.compactMap { $0["ref"] as? String }
    #expect(Set(affected ?? []) == [
      "component:wayback-archive-storage", "component:wayback-archive", "api:wayback-archive",
      "component:wayback-search", "api:wayback-search",
    ])
  }
}
