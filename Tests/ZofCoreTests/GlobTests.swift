import Testing
@testable import ZofCore

struct GlobTests {
  @Test(arguments: [
    ("libs/serde/**", "libs/serde/x.swift", true),
    ("libs/serde/**", "libs/serde/a/b/c.swift", true),
    ("libs/serde/**", "libs/serdex/a.swift", false),
    ("libs/*/a.swift", "libs/serde/a.swift", true),
    ("libs/*/a.swift", "libs/serde/x/a.swift", false),
    ("**/*.md", "README.md", true),
    ("**/*.md", "docs/x/y.md", true),
    ("services/pay?/main.go", "services/pay1/main.go", true),
    ("src/[a-c]*.c", "src/beta.c", true),
    ("src/[!a-c]*.c", "src/beta.c", false),
    ("services/", "services/refunds/main.go", true),
    ("/services/refunds", "services/refunds", true),
  ])
  func matching(pattern: String, path: String, expected: Bool) {
    #expect(Glob(pattern).matches(path) == expected)
  }
}
