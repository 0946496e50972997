import Testing

@testable import ZofConsole

struct CommandWordsTests {
  @Test(arguments: [
    ("run --check a", ["run", "--check", "a"]),
    ("  run   --check\ta  ", ["run", "--check", "a"]),
    ("reject apr-1 \"wrong fix, see run 4\"", ["reject", "apr-1", "wrong fix, see run 4"]),
    ("reject apr-1 'it''s'", ["reject", "apr-1", "its"]),
    ("audit --subject 'proposal:1 x'", ["audit", "--subject", "proposal:1 x"]),
    (#"say "a \"b\" \c""#, ["say", #"a "b" \c"#]),
    (#"say a\ b"#, ["say", "a b"]),
    ("say '' x", ["say", "", "x"]),
    ("say '$HOME' \"$HOME\"", ["say", "$HOME", "$HOME"]),
    ("", []),
  ])
  func splitsLikeAShell(line: String, words: [String]) throws {
    #expect(try CommandWords.split(line) == words)
  }

  @Test(arguments: ["reject apr-1 'open", "reject apr-1 \"open", "say \"a\\"])
  func unclosedQuoteIsAUsageError(line: String) {
    #expect(throws: UsageError.self) { try CommandWords.split(line) }
  }
}
