import Foundation
import Testing
@testable import ZofCore

private let serde = """
  apiVersion: backstage.io/v1alpha1
  kind: Component
  metadata:
    name: serde
  spec:
    type: library
    owner: payments-team
  """

private let team = """
  apiVersion: backstage.io/v1alpha1
  kind: Group
  metadata:
    name: payments-team
  spec:
    type: team
    children: []
  """

struct CatalogLoaderTests {
  @Test func readsMultiDocumentFiles() throws {
    let catalog = try resolveCatalog(["all.yaml": serde + "\n---\n" + team])
    #expect(catalog.entities.map(\.ref.short).sorted() == ["component:serde",
                                                          "group:payments-team"])
    #expect(catalog.relations.count == 1)
    #expect(catalog.relations.first?.type == .ownedBy)
  }

  @Test func readsFileReachedTwiceOnce() throws {
    let location = """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: everything
      spec:
        targets:
          - ./parts/serde.yaml
          - ./parts/team.yaml
      """
    let folder = TemporaryFolder()
    let catalog = try resolveCatalog(
      ["index.yaml": location, "parts/serde.yaml": serde, "parts/team.yaml": team],
      entries: ["index.yaml", "parts"], in: folder)
    #expect(catalog.entities.count == 3)
    #expect(catalog.sources.count == 3)
  }

  @Test func followsLocationsRelativeToTheirFile() throws {
    let location = """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: nested
      spec:
        target: ../shared/team.yaml
      """
    let catalog = try resolveCatalog(
      ["catalogs/index.yaml": location, "shared/team.yaml": team],
      entries: ["catalogs/index.yaml"])
    #expect(catalog.entities.contains { $0.ref.short == "group:payments-team" })
  }

  /// A target that matches nothing is reported at the line that names it.
  @Test func missingTargetReportedAtItsLine() throws {
    let location = """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: all
      spec:
        targets:
          - ./parts/serde.yaml
          - ./parts/teem.yaml
      """
    do {
      _ = try resolveCatalog(["index.yaml": location, "parts/serde.yaml": serde],
                             entries: ["index.yaml"])
      Issue.record("expected an error")
    } catch {
      let text = String(describing: error)
      #expect(text.contains("index.yaml:8:7: Location target `./parts/teem.yaml` matches no file"),
              "\(text)")
    }
  }

  @Test func warnsInsteadOfFetchingURLTargets() throws {
    let location = """
      apiVersion: backstage.io/v1alpha1
      kind: Location
      metadata:
        name: remote
      spec:
        type: url
        target: https://example.com/catalog-info.yaml
      """
    let catalog = try resolveCatalog(["index.yaml": location])
    #expect(catalog.warnings.contains { $0.contains("is a URL") })
  }

  @Test func expandsGlobs() throws {
    let catalog = try resolveCatalog(
      ["services/a/catalog-info.yaml": serde, "services/b/catalog-info.yaml": team,
       "other/ignored.yaml": "not: [valid"],
      entries: ["services/*/catalog-info.yaml"])
    #expect(catalog.entities.count == 2)
  }

  @Test func missingReferenceWarnsUnlessStrict() throws {
    let lenient = try resolveCatalog(["serde.yaml": serde])
    #expect(lenient.warnings.count == 1)
    #expect(lenient.warnings[0].contains("group:default/payments-team"))
    #expect(throws: InputErrors.self) {
      try resolveCatalog(["serde.yaml": serde], strict: true)
    }
  }

  @Test func readsUnmodeledBackstageKindsWithWarning() throws {
    let skill = """
      apiVersion: backstage.io/v1alpha1
      kind: AiResource
      metadata:
        name: design-skill
      spec:
        owner: payments-team
      """
    let catalog = try resolveCatalog(["skill.yaml": skill, "team.yaml": team])
    #expect(catalog.warnings.contains { $0.contains("AiResource") })
    #expect(catalog.relations.count == 1)
  }
}

/// Bad input is rejected whole, with the file, line and column of each problem.
struct CatalogErrorTests {
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let yaml: String
    let message: String
    let line: Int
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(name: "YAML syntax", yaml: "apiVersion: backstage.io/v1alpha1\nkind: [Component\n",
         message: "YAML syntax error", line: 3),
    Case(name: "unknown kind", yaml: """
      apiVersion: zof.dev/v1alpha1
      kind: Pipeline
      metadata:
        name: x
      """, message: "unknown kind `Pipeline`", line: 2),
    Case(name: "unknown apiVersion", yaml: """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: x
      """, message: "unknown kind `Deployment`", line: 2),
    Case(name: "missing name", yaml: """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        title: No name
      """, message: "missing `metadata.name`", line: 4),
    Case(name: "malformed duration", yaml: """
      apiVersion: zof.dev/v1alpha1
      kind: Check
      metadata:
        name: slow
      spec:
        run: ./test.sh
        timeout: 5 minutes
      """, message: "malformed duration `5 minutes`", line: 7),
    Case(name: "invalid criticality", yaml: """
      apiVersion: zof.dev/v1alpha1
      kind: Workflow
      metadata:
        name: checkout
      spec:
        criticality: urgent
        steps: []
      """, message: "invalid spec.criticality `urgent`", line: 6),
    Case(name: "check without command", yaml: """
      apiVersion: zof.dev/v1alpha1
      kind: Check
      metadata:
        name: empty
      spec:
        domain: unit
      """, message: "needs `spec.run`", line: 6),
  ]

  @Test(arguments: cases)
  func rejects(_ item: Case) throws {
    let folder = TemporaryFolder()
    let path = folder.write("bad.yaml", item.yaml)
    do {
      _ = try resolveCatalog([:], in: folder)
      Issue.record("expected an error for \(item.name)")
    } catch let errors as InputErrors {
      let error = try #require(errors.errors.first)
      #expect(error.message.contains(item.message))
      #expect(error.location?.file == path)
      #expect(error.location?.line == item.line)
    }
  }

  @Test func duplicateNamesBothPlaces() throws {
    let component = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: Serde
      """
    let folder = TemporaryFolder()
    do {
      _ = try resolveCatalog(["a.yaml": component, "b.yaml": component.replacingOccurrences(of: "Serde", with: "serde")],
                             in: folder)
      Issue.record("expected a duplicate error")
    } catch let errors as InputErrors {
      let error = try #require(errors.errors.first)
      #expect(error.message == "duplicate entity component:default/serde")
      #expect(error.hint?.contains(folder.file("a.yaml")) == true)
    }
  }

  @Test func reportsEveryBadFile() throws {
    let folder = TemporaryFolder()
    folder.write("one.yaml", "kind: Component\n")
    folder.write("two.yaml", "apiVersion: x/v1\nkind: [\n")
    do {
      _ = try resolveCatalog([:], in: folder)
      Issue.record("expected errors")
    } catch let errors as InputErrors {
      #expect(errors.errors.count == 2)
    }
  }
}
