import Foundation
import Testing
import ZofCore

struct ShellTextTests {
  @Test(arguments: [
    ("apr-1a2b", "apr-1a2b"),
    ("user:default/bob", "user:default/bob"),
    ("revert validated in staging", "'revert validated in staging'"),
    ("it's", "'it'\\''s'"),
    ("", "''"),
    ("$HOME", "'$HOME'"),
    ("żółw", "'żółw'"),
  ])
  func wordQuotesOnlyWhenNeeded(text: String, expected: String) {
    #expect(ShellText.word(text) == expected)
  }

  /// What `word` and `quote` write, a real shell reads back as the same single word.
  @Test func shellReadsTheWordsBack() throws {
    let words = ["plain", "two words", "it's", "", "$HOME `x` \\ \"q\"", "tab\there"]
    let script = "printf '%s\\n' " + words.map(ShellText.word).joined(separator: " ")
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", script]
    let output = Pipe()
    shell.standardOutput = output
    try shell.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n",
                                                            omittingEmptySubsequences: false)
    #expect(Array(lines.dropLast()).map(String.init) == words)
  }
}
