/// The spec of a Check entity: its command, working directory, timeout, retries and report
/// format.
public struct CheckSpec: Sendable, Equatable {
  /// The source of a check's outcome.
  public enum Report: Sendable, Equatable {
    /// The exit status alone decides.
    case exitCode
    /// JUnit XML files matching a glob relative to the working directory.
    case junit(path: String)
    /// TAP written to stdout.
    case tap
  }

  /// The way a check is started.
  public enum Invocation: Sendable, Equatable {
    /// A shell script run with `/bin/sh -c`.
    case shell(String)
    /// An argv, the program first.
    case argv([String])
  }

  public var ref: EntityRef
  public var domain: String?
  /// References to the entities the check covers, as written.
  public var covers: [String]
  public var invocation: Invocation
  /// The working directory, relative to the repository root.
  public var workdir: String
  /// Environments (such as `staging`) the check may run in; empty means any.
  public var environments: [String]
  /// Seconds before the check is stopped.
  public var timeout: Double
  /// Extra attempts after a failure.
  public var retries: Int
  public var report: Report
  /// Variables set for the check, on top of the clean base environment.
  public var env: [String: String]

  public static let defaultTimeout: Double = 600

  public init(ref: EntityRef, domain: String? = nil, covers: [String] = [],
              invocation: Invocation, workdir: String = ".", environments: [String] = [],
              timeout: Double = CheckSpec.defaultTimeout, retries: Int = 0,
              report: Report = .exitCode, env: [String: String] = [:]) {
    self.ref = ref
    self.domain = domain
    self.covers = covers
    self.invocation = invocation
    self.workdir = workdir
    self.environments = environments
    self.timeout = timeout
    self.retries = retries
    self.report = report
    self.env = env
  }

  /// The argv that runs the check.
  public var argv: [String] {
    switch invocation {
    case .shell(let script): ["/bin/sh", "-c", script]
    case .argv(let arguments): arguments
    }
  }
}
