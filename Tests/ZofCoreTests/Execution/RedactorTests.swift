import Testing
@testable import ZofCore

struct RedactorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var input: String
    var expected: String
    var label: String
    var testDescription: String { name }
  }

  static let githubToken = "ghp_" + String(repeating: "a1B2", count: 9)
  static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"

  static let cases: [Case] = [
    Case(name: "aws key id", input: "id AKIAIOSFODNN7EXAMPLE end",
         expected: "id [REDACTED:aws-key] end", label: "aws-key"),
    Case(name: "aws session key id", input: "ASIAIOSFODNN7EXAMPLE",
         expected: "[REDACTED:aws-key]", label: "aws-key"),
    Case(name: "aws secret", input: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY",
         expected: "aws_secret_access_key = [REDACTED:aws-secret]", label: "aws-secret"),
    Case(name: "bearer header", input: "Authorization: Bearer abc.def-ghi",
         expected: "Authorization: Bearer [REDACTED:bearer]", label: "bearer"),
    Case(name: "bare bearer", input: "token is bearer xyz123==",
         expected: "token is bearer [REDACTED:bearer]", label: "bearer"),
    Case(name: "basic header", input: "authorization: Basic dXNlcjpwYXNz",
         expected: "authorization: Basic [REDACTED:authorization]", label: "authorization"),
    Case(name: "password assignment", input: "password=hunter2 next",
         expected: "password=[REDACTED:assignment] next", label: "assignment"),
    Case(name: "quoted json secret", input: #"{"api_key": "k-123"}"#,
         expected: #"{"api_key": "[REDACTED:assignment]"}"#, label: "assignment"),
    Case(name: "uppercase token", input: "GITLAB_TOKEN: glpat-1",
         expected: "GITLAB_TOKEN: [REDACTED:assignment]", label: "assignment"),
    Case(name: "passwd", input: "passwd:root", expected: "passwd:[REDACTED:assignment]",
         label: "assignment"),
    Case(name: "github token", input: "use \(githubToken) now",
         expected: "use [REDACTED:github-token] now", label: "github-token"),
    Case(name: "github pat", input: "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
         expected: "[REDACTED:github-token]", label: "github-token"),
    Case(name: "slack token", input: "xoxb-123456789012-abcdefABCDEF",
         expected: "[REDACTED:slack-token]", label: "slack-token"),
    Case(name: "jwt", input: "got \(jwt)", expected: "got [REDACTED:jwt]", label: "jwt"),
    Case(name: "one-line pem",
         input: "-----BEGIN RSA PRIVATE KEY-----MIIB-----END RSA PRIVATE KEY-----",
         expected: "[REDACTED:private-key]", label: "private-key"),
  ]

  @Test(arguments: cases)
  func builtInRule(_ testCase: Case) {
    var counts: [String: Int] = [:]
    let output = Redactor().redact(testCase.input, counts: &counts)
    #expect(output == testCase.expected)
    #expect(counts[testCase.label] == 1)
  }

  @Test(arguments: ["tokens: 5", "the password field is empty", "no secrets here",
                    "AKIA is a prefix", "bearer"])
  func leavesPlainText(_ text: String) {
    #expect(Redactor().redact(text) == text)
  }

  @Test func policyRule() throws {
    let redactor = try Redactor(policyPatterns: [(label: "ticket", pattern: "TKT-[0-9]{4}")])
    var counts: [String: Int] = [:]
    #expect(redactor.redact("see TKT-1234 and TKT-9999", counts: &counts)
              == "see [REDACTED:ticket] and [REDACTED:ticket]")
    #expect(counts["ticket"] == 2)
  }

  @Test func invalidPolicyRule() {
    #expect(throws: InputError.self) {
      _ = try Redactor(policyPatterns: [(label: "bad", pattern: "([a-z")])
    }
  }

  @Test func invalidUTF8Preserved() {
    var counts: [String: Int] = [:]
    let input: [UInt8] = [0xff, 0xfe] + Array(" password=x \u{1}".utf8) + [0x80]
    let output = Redactor().redact(bytes: input[...], counts: &counts)
    let expected: [UInt8] = [0xff, 0xfe] + Array(" password=[REDACTED:assignment] \u{1}".utf8)
      + [0x80]
    #expect(output == expected)
  }
}

struct StreamingRedactorTests {
  /// Feeds `text` in pieces of `size` bytes and returns everything released.
  static func stream(_ text: String, pieceSize size: Int, holdLimit: Int = 64 * 1024)
    -> (String, [String: Int]) {
    var redactor = StreamingRedactor(redactor: Redactor(), holdLimit: holdLimit)
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var start = 0
    while start < bytes.count {
      let end = min(start + size, bytes.count)
      output += redactor.feed(Array(bytes[start..<end]))
      start = end
    }
    output += redactor.finish()
    return (String(decoding: output, as: UTF8.self), redactor.counts)
  }

  @Test(arguments: [1, 2, 3, 5, 7, 13])
  func secretSplitAcrossChunks(pieceSize: Int) {
    let text = "start\nkey AKIAIOSFODNN7EXAMPLE and password=hunter2\nend"
    let (output, counts) = Self.stream(text, pieceSize: pieceSize)
    #expect(output == "start\nkey [REDACTED:aws-key] and password=[REDACTED:assignment]\nend")
    #expect(counts["aws-key"] == 1)
    #expect(counts["assignment"] == 1)
  }

  static let pem = """
    before
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    QyNTUxOQAAACDxEXAMPLEONLYxEXAMPLEONLYxEXAMPLEONLYxEXAMPLEAAAAJgAAAAA
    -----END OPENSSH PRIVATE KEY-----
    after

    """

  @Test(arguments: [1, 4, 16, 64, 4096])
  func pemBlockAcrossChunks(pieceSize: Int) {
    let (output, counts) = Self.stream(Self.pem, pieceSize: pieceSize)
    #expect(output == "before\n[REDACTED:private-key]\nafter\n")
    #expect(counts["private-key"] == 1)
  }

  @Test func unterminatedPemBounded() {
    let body = String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n", count: 100)
    let text = "-----BEGIN PRIVATE KEY-----\n" + body + "later line\n"
    let (output, counts) = Self.stream(text, pieceSize: 100, holdLimit: 1024)
    #expect(!output.contains("QUJDREVG"))
    #expect(output.hasPrefix("[REDACTED:private-key]\n"))
    #expect(counts["private-key"] == 1)
  }

  @Test func longLineReleased() {
    var redactor = StreamingRedactor(redactor: Redactor(), holdLimit: 16)
    let released = redactor.feed(Array(String(repeating: "x", count: 40).utf8))
    #expect(released.count == 40)
  }

  @Test func partialLineHeld() {
    var redactor = StreamingRedactor(redactor: Redactor())
    #expect(redactor.feed(Array("no newline yet".utf8)).isEmpty)
    #expect(redactor.finish() == Array("no newline yet".utf8))
  }
}
