import Foundation

/// One kind of secret: a pattern and the label shown in its place, `[REDACTED:label]`.
///
/// When the pattern has a first capture group, that group (a key such as `password=`) is
/// kept and only the rest of the match is replaced.
public struct RedactionRule: Sendable {
  public let label: String
  public let pattern: String
  /// Lowercase ASCII strings, one of which a line must contain (ignoring case) before the
  /// pattern is tried on it. When empty, the pattern is tried on every line.
  public let triggers: [String]
  let keepsPrefix: Bool
  let expression: NSRegularExpression

  /// Compiles `pattern`; throws `InputError` naming the rule when it is invalid.
  public init(label: String, pattern: String, triggers: [String] = [],
              caseInsensitive: Bool = false) throws {
    var options: NSRegularExpression.Options = []
    if caseInsensitive { options.insert(.caseInsensitive) }
    do {
      expression = try NSRegularExpression(pattern: pattern, options: options)
    } catch {
      throw InputError("invalid redaction pattern for \(label): \(pattern)",
                       hint: "write an ICU regular expression")
    }
    self.label = label
    self.pattern = pattern
    self.triggers = triggers.map { $0.lowercased() }
    self.keepsPrefix = expression.numberOfCaptureGroups >= 1
  }

  /// The text that replaces a match.
  public var replacement: String { "[REDACTED:\(label)]" }
}

extension RedactionRule {
  /// The built-in rules, in the order they are applied.
  ///
  /// Specific formats come before the generic `key=value` rule, so a value is labelled by
  /// what it is. Later rules skip a value that is already replaced.
  public static let builtIn: [RedactionRule] = [
    rule("private-key",
         #"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----"#,
         ["-----begin"]),
    rule("aws-secret",
         #"(aws_secret_access_key["']?\s*[=:]\s*["']?)(?!\[REDACTED)[A-Za-z0-9/+=]{16,}"#,
         ["aws_secret_access_key"], caseInsensitive: true),
    rule("aws-key", #"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"#, ["akia", "asia"]),
    rule("github-token",
         #"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b"#,
         ["ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_"]),
    rule("slack-token", #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#, ["xox"]),
    rule("jwt", #"\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}"#, ["eyj"]),
    rule("bearer", #"(\bBearer\s+)(?!\[REDACTED)[A-Za-z0-9._~+/-]+=*"#, ["bearer"],
         caseInsensitive: true),
    rule("authorization",
         #"(\bAuthorization\s*:\s*(?:Basic|Token|Digest)\s+)(?!\[REDACTED)\S+"#,
         ["authorization"], caseInsensitive: true),
    rule("assignment", assignmentPattern, assignmentKeys, caseInsensitive: true),
  ]

  static let assignmentKeys = [
    "password", "passwd", "secret", "token", "api_key", "api-key", "apikey",
  ]

  /// `key=value`, `key: value` and `"key": "value"` with a secret-looking key; the key and
  /// any quotes are kept.
  static let assignmentPattern =
    #"((?:password|passwd|secret|token|api[_-]?key)["']?\s*[=:]\s*["']?)"#
    + #"(?!\[REDACTED)[^\s"'&,;]+"#

  private static func rule(_ label: String, _ pattern: String, _ triggers: [String],
                           caseInsensitive: Bool = false) -> RedactionRule {
    // The built-in patterns are constants covered by tests, so a failure is a bug.
    try! RedactionRule(label: label, pattern: pattern, triggers: triggers,
                       caseInsensitive: caseInsensitive)
  }
}
