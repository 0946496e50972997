import Testing
@testable import ZofCore

struct EntityRefTests {
  @Test(arguments: [
    ("component:default/serde", nil, "default", "component:default/serde"),
    ("serde", "component", "default", "component:default/serde"),
    ("team-a", "group", "default", "group:default/team-a"),
    ("user:guest", "group", "default", "user:default/guest"),
    ("backstage/maintainers", "group", "default", "group:backstage/maintainers"),
    ("Component:Payments/Refunds", nil, "default", "component:payments/refunds"),
    ("refunds", "component", "billing", "component:billing/refunds"),
  ] as [(String, String?, String, String)])
  func parsing(text: String, defaultKind: String?, namespace: String, expected: String) {
    let ref = EntityRef(parsing: text, defaultKind: defaultKind, defaultNamespace: namespace)
    #expect(ref?.description == expected)
  }

  @Test(arguments: ["", "serde", "component:", "component:a/b/c", ":x"])
  func rejectsIncomplete(text: String) {
    #expect(EntityRef(parsing: text) == nil)
  }

  @Test func comparesCaseInsensitively() {
    #expect(EntityRef(kind: "Component", name: "Serde") == EntityRef(kind: "component",
                                                                     name: "serde"))
  }
}
