/// Builds the environment a check runs with, and its redacted form for the store.
public enum CheckEnvironment {
  static let basePath = "/usr/local/bin:/usr/bin:/bin"

  /// Builds the environment from a clean base, then allowed caller variables, then
  /// `spec.env`, then Zof's own variables, each layer overriding the one before.
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

  /// Returns the environment as a JSON object with secret values replaced by `[REDACTED]`.
  static func redactedJSON(_ environment: [String: String], redactor: Redactor) -> String {
    var redacted: [String: String] = [:]
    for (name, value) in environment {
      redacted[name] = hasSecretName(name) ? "[REDACTED]" : redactor.redact(value)
    }
    return JSONText.object(redacted)
  }

  /// Returns whether `name`, ignoring case, contains one of `secretNameParts`.
  static func hasSecretName(_ name: String) -> Bool {
    let upper = Array(name.uppercased().utf8)
    return secretNameParts.contains { part in
      let needle = Array(part.utf8)
      guard upper.count >= needle.count else { return false }
      return (0...(upper.count - needle.count)).contains { start in
        upper[start..<(start + needle.count)].elementsEqual(needle)
      }
    }
  }
}
