import Foundation
import Testing
@testable import ZofCore

/// Every Backstage file in the shared corpus imports as it is, with the counts and
/// relations its files declare.
@Suite(.enabled(if: Corpus.available, "the shared corpus is absent; set ZOF_CORPUS"))
struct CorpusCatalogTests {
  func load(_ source: String) throws -> ResolvedCatalog {
    let folder = Corpus.file("backstage/\(source)")
    let contents = try CatalogLoader(baseFolder: folder).load(["."])
    return try CatalogResolver(repositoryPath: folder).resolve(contents)
  }

  func kinds(_ catalog: ResolvedCatalog) -> [String: Int] {
    GraphStats(graph: SystemGraph(catalog)).kinds
  }

  func has(_ graph: SystemGraph, _ source: String, _ type: RelationType, _ target: String)
    -> Bool
  {
    guard let from = graph.find(source), let to = graph.find(target) else { return false }
    return graph.relations(from: from).contains { $0.0 == type && $0.1 == to }
  }

  @Test func backstageExamples() throws {
    let catalog = try load("backstage_backstage")
    #expect(kinds(catalog) == ["api": 7, "component": 13, "domain": 2, "group": 8,
                               "location": 8, "resource": 1, "system": 3, "user": 16])
    #expect(catalog.relations.count == 70)
    #expect(catalog.warnings.isEmpty)
    let graph = SystemGraph(catalog)
    #expect(has(graph, "component:artist-lookup", .dependsOn, "resource:artists-db"))
    #expect(has(graph, "component:www-artist", .consumesApi, "component:artist-lookup"))
    #expect(has(graph, "component:wayback-archive-storage", .subcomponentOf,
                "component:wayback-archive"))
    #expect(has(graph, "component:petstore", .providesApi, "api:streetlights"))
    #expect(has(graph, "component:playback-order", .ownedBy, "user:guest"))
    #expect(has(graph, "system:audio-playback", .partOf, "domain:playback"))
  }

  @Test func newerKindsImportWithWarnings() throws {
    let catalog = try load("backstage_backstage_recent")
    #expect(kinds(catalog) == ["airesource": 2, "api": 1, "location": 1])
    #expect(catalog.warnings.filter { $0.contains("not modeled") }.count == 2)
  }

  @Test(arguments: [
    ("backstage_demo", ["api": 1, "component": 1], 1),
    ("elastic_ecs", ["component": 1, "resource": 1], 0),
    ("redhat-developer_rhdh", ["api": 2, "component": 6, "group": 2, "location": 6,
                               "resource": 5, "system": 2], 25),
  ])
  func otherCatalogs(source: String, expected: [String: Int], relations: Int) throws {
    let catalog = try load(source)
    #expect(kinds(catalog) == expected)
    #expect(catalog.relations.count == relations)
  }

  @Test func impactFollowsDeclaredDependents() throws {
    let folder = Corpus.file("backstage/backstage_backstage")
    let graph = SystemGraph(try load("backstage_backstage"))
    let analyzer = ImpactAnalyzer(graph: graph, repositoryPath: folder)
    let storage = analyzer.analyze(paths: ["components/wayback-archive-storage-component.yaml"])
    #expect(Set(storage.affected.map(\.ref)) == [
      "component:wayback-archive-storage", "component:wayback-archive", "api:wayback-archive",
      "component:wayback-search", "api:wayback-search",
    ])
    let database = analyzer.analyze(paths: ["resources/artists-db-resource.yaml"])
    #expect(Set(database.affected.map(\.ref)) == [
      "resource:artists-db", "component:artist-lookup", "component:www-artist",
    ])
  }
}
