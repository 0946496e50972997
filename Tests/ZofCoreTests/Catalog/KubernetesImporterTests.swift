import Foundation
import Testing
@testable import ZofCore

struct KubernetesImporterTests {
  func dependencies(_ contents: CatalogContents) throws -> Set<String> {
    let catalog = try CatalogResolver().resolve(contents)
    let graph = SystemGraph(catalog)
    var edges: Set<String> = []
    for relation in catalog.relations where relation.type == .dependsOn {
      edges.insert("\(graph[relation.source].name)->\(graph[relation.target].name)")
    }
    return edges
  }

  @Test func readsOwnFixture() throws {
    let contents = try KubernetesImporter(baseFolder: Corpus.fixtures)
      .load(["kubernetes/shop.yaml"])
    #expect(Set(contents.entities.map(\.name)) == ["web", "api", "db", "external-payments"])
    #expect(try dependencies(contents) == ["web->api", "api->db"])
    #expect(contents.warnings.count == 1)
    #expect(contents.warnings.first?.contains("CACHE_ADDR names host `memcache`") == true)
  }

  @Test(arguments: [
    ("redis-cart:6379", "redis-cart"),
    ("http://frontend:80", "frontend"),
    ("https://user@api.shop.svc.cluster.local/v1", "api"),
    ("grpc-svc.payments:50051", "grpc-svc"),
  ])
  func findsHosts(value: String, host: String) {
    #expect(KubernetesImporter.host(in: value)?.name == host)
  }

  @Test(arguments: ["debug", "5050", "true", "/var/run/x", "1.5"])
  func ignoresOrdinaryValues(value: String) {
    #expect(KubernetesImporter.host(in: value) == nil)
  }

  @Test(.enabled(if: Corpus.available, "the shared corpus is absent; set ZOF_CORPUS"))
  func microservicesDemo() throws {
    let contents = try KubernetesImporter(baseFolder: Corpus.file("microservices"))
      .load(["kubernetes-manifests"])
    #expect(contents.entities.count == 12)
    let edges = try dependencies(contents)
    let frontend = ["productcatalogservice", "currencyservice", "cartservice",
                    "recommendationservice", "shippingservice", "checkoutservice", "adservice"]
    let checkout = ["productcatalogservice", "shippingservice", "paymentservice",
                    "emailservice", "currencyservice", "cartservice"]
    let expected = Set(frontend.map { "frontend->\($0)" } + checkout.map { "checkoutservice->\($0)" }
      + ["cartservice->redis-cart", "loadgenerator->frontend",
         "recommendationservice->productcatalogservice"])
    #expect(edges == expected)
    #expect(contents.warnings.contains { $0.contains("shoppingassistantservice") })
  }

  @Test func catalogDefinitionGainsManifestDependencies() throws {
    var catalog = CatalogContents()
    catalog.entities = [Entity(apiVersion: "backstage.io/v1alpha1", kind: "Component",
                               name: "web", spec: .mapping([], mark: .init(line: 1, column: 1)))]
    let manifests = try KubernetesImporter(baseFolder: Corpus.fixtures)
      .load(["kubernetes/shop.yaml"])
    catalog.merge(manifests)
    #expect(catalog.entities.filter { $0.name == "web" }.count == 1)
    #expect(catalog.entities[0].spec?["dependsOn"]?.strings == ["component:default/api"])
  }

  @Test func recordsSourceInWorkspaceFile() throws {
    let folder = TemporaryFolder("k8s")
    let file = folder.write("zof.yaml", "# settings\ncatalog:\n  - a.yaml\n")
    try WorkspaceConfig.addKubernetesSource("deploy", file: file)
    try WorkspaceConfig.addKubernetesSource("more", file: file)
    try WorkspaceConfig.addKubernetesSource("deploy", file: file)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let config = try WorkspaceConfig.parse(text, file: file)
    #expect(config.kubernetes == ["deploy", "more"])
    #expect(text.hasPrefix("# settings\n"))
  }
}
