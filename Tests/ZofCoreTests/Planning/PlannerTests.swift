import Testing
@testable import ZofCore

private let catalog = """
  apiVersion: zof.dev/v1alpha1
  kind: Fleet
  metadata:
    name: api-fleet
  spec:
    domains: [api]
    concurrency: 2
    environments: [ci]
  ---
  apiVersion: zof.dev/v1alpha1
  kind: Fleet
  metadata:
    name: any-domain
  spec:
    concurrency: 1
    environments: [staging]
  ---
  apiVersion: zof.dev/v1alpha1
  kind: Check
  metadata:
    name: contract
  spec:
    domain: api
    run: "true"
  ---
  apiVersion: zof.dev/v1alpha1
  kind: Check
  metadata:
    name: screenshots
  spec:
    domain: ui
    run: "true"
  ---
  apiVersion: zof.dev/v1alpha1
  kind: Check
  metadata:
    name: smoke
  spec:
    domain: api
    environment: staging
    run: "true"
  """

struct PlannerTests {
  let planner: Planner

  init() throws {
    planner = Planner(graph: SystemGraph(try resolveCatalog(["catalog.yaml": catalog])))
  }

  func candidate(_ ref: String, _ risk: Double) -> Planner.Candidate {
    Planner.Candidate(ref: ref, risk: risk, level: "low", because: [ref])
  }

  @Test func assignsFleetsByDomainAndEnvironment() throws {
    let plan = try planner.plan([candidate("check:contract", 0.2),
                                 candidate("check:screenshots", 0.9),
                                 candidate("check:smoke", 0.5)],
                                environment: "ci", budget: nil, selection: "test")
    #expect(plan.selected.map(\.ref) == ["check:contract"])
    #expect(plan.selected.first?.fleet == "api-fleet")
    #expect(plan.unassigned.map(\.ref) == ["check:screenshots"])
    #expect(plan.unassigned.first?.reason == "fleets serving `ui` (any-domain) may not run in ci")
    #expect(plan.skipped.map(\.ref) == ["check:smoke"])
  }

  @Test func keepsRiskiestWithinBudget() throws {
    let plan = try planner.plan([candidate("check:contract", 0.2),
                                 candidate("check:screenshots", 0.9),
                                 candidate("check:smoke", 0.5)],
                                environment: "staging", budget: 1, selection: "test")
    #expect(plan.selected.map(\.ref) == ["check:screenshots"])
    #expect(plan.deferred.map(\.ref) == ["check:smoke", "check:contract"])
    #expect(plan.deferred.last?.fleet == "any-domain")
    #expect(plan.unassigned.isEmpty)
    #expect(plan.deferred.first?.reason?.contains("over the budget of 1") == true)
  }

  @Test func namedChecksSuggestCloseNames() throws {
    #expect(try planner.namedCandidates(["contract"], history: [:]).map(\.ref)
              == ["check:contract"])
    do {
      _ = try planner.namedCandidates(["contrct"], history: [:])
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.hint == "did you mean check:contract?")
    }
  }

  @Test func withoutFleetsEverythingIsUnassigned() throws {
    let bare = Planner(graph: SystemGraph(try resolveCatalog([
      "c.yaml": "apiVersion: zof.dev/v1alpha1\nkind: Check\nmetadata:\n  name: x\n"
        + "spec:\n  run: \"true\"\n",
    ])))
    let plan = try bare.plan([candidate("check:x", 0.1)], environment: "ci", budget: nil,
                             selection: "test")
    #expect(plan.unassigned.first?.reason == "the catalog defines no Fleet")
  }
}
