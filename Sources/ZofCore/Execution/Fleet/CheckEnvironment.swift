import Foundation

/// Builds the environment a check runs with, and its redacted form for the store.
public enum CheckEnvironment {
  static let basePath = "/usr/local/bin:/usr/bin:/bin"

  /// A clean base, then allowed caller variables, then `spec.env`, then Zof's own variables,
  /// each layer overriding the one before.
  public static func make(spec: CheckSpec, runID: Int64, attempt: Int,
                   options: ExecutionOptions) -> [String: String] {
    var environment = [
      "PATH": basePath, "HOME": options.home, "LANG": "C.UTF-8", "TERM": "dumb",
    ]
    for (name, value) in options.callerEnvironment where isAllowed(name, options) {
      environment[name] = value
    }
    environment.merge(spec.env) { _, new in new }
    environment["ZOF_RUN_ID"] = String(runID)
    environment["ZOF_CHECK"] = spec.ref.description
    environment["ZOF_ATTEMPT"] = String(attempt)
    return environment
  }

  static func isAllowed(_ name: String, _ options: ExecutionOptions) -> Bool {
    options.allowedEnvironment.contains { pattern in
      pattern.hasSuffix("*") ? name.hasPrefix(pattern.dropLast()) : name == pattern
    }
  }

  /// Names whose values are replaced whole, whatever they contain.
  static let secretNameParts = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL",
                                "AUTH", "COOKIE", "SESSION"]

  /// The environment as a JSON object with secret values replaced by `[REDACTED]`.
  static func redactedJSON(_ environment: [String: String], redactor: Redactor) -> String {
    var redacted: [String: String] = [:]
    for (name, value) in environment {
      let upper = name.uppercased()
      let secret = secretNameParts.contains { upper.contains($0) }
      redacted[name] = secret ? "[REDACTED]" : redactor.redact(value)
    }
    return json(redacted)
  }

  static func json(_ value: Any) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: value,
                                                 options: [.sortedKeys, .withoutEscapingSlashes])
    else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }
}
