import Testing
@testable import ZofCore

struct CheckSpecTests {
  /// Builds an entity from a YAML `spec` body, indented under `spec:` in a file `checks.yaml`.
  static func entity(kind: String = "Check", spec: String) throws -> Entity {
    let node = try YAMLParser.parseDocuments(spec, file: "checks.yaml").first
    return Entity(apiVersion: EntityKinds.zofAPIVersion, kind: kind, name: "refund-tests",
                  spec: node, location: SourceLocation(file: "checks.yaml", line: 1, column: 1))
  }

  @Test func fullSpec() throws {
    let spec = try CheckSpec(entity: Self.entity(spec: """
      domain: payments
      covers: [component:refunds, api:refunds-api]
      run: make test
      workdir: services/refunds
      environment: staging
      timeout: 5m
      retries: 2
      report:
        format: junit
        path: build/test-results/*.xml
      env:
        LOG_LEVEL: debug
      """))
    #expect(spec.ref.description == "check:default/refund-tests")
    #expect(spec.domain == "payments")
    #expect(spec.covers == ["component:refunds", "api:refunds-api"])
    #expect(spec.invocation == .shell("make test"))
    #expect(spec.argv == ["/bin/sh", "-c", "make test"])
    #expect(spec.workdir == "services/refunds")
    #expect(spec.environments == ["staging"])
    #expect(spec.timeout == 300)
    #expect(spec.retries == 2)
    #expect(spec.report == .junit(path: "build/test-results/*.xml"))
    #expect(spec.env == ["LOG_LEVEL": "debug"])
  }

  @Test func defaults() throws {
    let spec = try CheckSpec(entity: Self.entity(spec: "command: [go, test, ./...]"))
    #expect(spec.invocation == .argv(["go", "test", "./..."]))
    #expect(spec.workdir == ".")
    #expect(spec.timeout == CheckSpec.defaultTimeout)
    #expect(spec.retries == 0)
    #expect(spec.report == .exitCode)
  }

  @Test(arguments: [
    ("bare seconds", "run: x\ntimeout: 90", CheckSpec.Report.exitCode, 90.0),
    ("tap report", "run: x\nreport: {format: tap}", .tap, CheckSpec.defaultTimeout),
  ])
  func variants(name: String, yaml: String, report: CheckSpec.Report, timeout: Double) throws {
    let spec = try CheckSpec(entity: Self.entity(spec: yaml))
    #expect(spec.report == report)
    #expect(spec.timeout == timeout)
  }

  struct Invalid: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var fragment: String
    var testDescription: String { name }
  }

  static let invalid: [Invalid] = [
    Invalid(name: "duration with words", yaml: "run: x\ntimeout: 5 minutes", line: 2,
            column: 10, fragment: "'5 minutes' is not a valid duration"),
    Invalid(name: "negative retries", yaml: "run: x\nretries: -1", line: 2, column: 10,
            fragment: "spec.retries must be a whole number"),
    Invalid(name: "no command", yaml: "domain: payments", line: 1, column: 1,
            fragment: "spec.run or spec.command is required"),
    Invalid(name: "both commands", yaml: "run: x\ncommand: [y]", line: 2, column: 10,
            fragment: "both set"),
    Invalid(name: "unknown format", yaml: "run: x\nreport:\n  format: xunit", line: 3,
            column: 11, fragment: "'xunit' is not supported"),
    Invalid(name: "junit without path", yaml: "run: x\nreport:\n  format: junit", line: 3,
            column: 3, fragment: "spec.report.path is required"),
    Invalid(name: "workdir escapes", yaml: "run: x\nworkdir: ../other", line: 2, column: 10,
            fragment: "inside the repository"),
    Invalid(name: "env not a map", yaml: "run: x\nenv: [A]", line: 2, column: 6,
            fragment: "spec.env must map names"),
  ]

  @Test(arguments: invalid)
  func rejects(_ invalid: Invalid) throws {
    let entity = try Self.entity(spec: invalid.yaml)
    #expect {
      _ = try CheckSpec(entity: entity)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location == SourceLocation(file: "checks.yaml", line: invalid.line,
                                              column: invalid.column)
        && error.message.contains(invalid.fragment)
    }
  }

  @Test func wrongKind() throws {
    #expect(throws: InputError.self) {
      _ = try CheckSpec(entity: Self.entity(kind: "Component", spec: "run: x"))
    }
  }

  @Test func fleetSpec() throws {
    let fleet = try FleetSpec(entity: Self.entity(kind: "Fleet", spec: """
      domains: [payments, ledger]
      concurrency: 4
      environments: [staging, production]
      """))
    #expect(fleet.name == "refund-tests")
    #expect(fleet.domains == ["payments", "ledger"])
    #expect(fleet.concurrency == 4)
    #expect(fleet.environments == ["staging", "production"])
  }

  @Test func fleetZeroConcurrency() throws {
    #expect(throws: InputError.self) {
      _ = try FleetSpec(entity: Self.entity(kind: "Fleet", spec: "concurrency: 0"))
    }
  }
}
