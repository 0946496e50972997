import Foundation

/// Runs a `command` remediator in a proposal's worktree, the way checks run: its own
/// process group, a clean environment, a timeout with SIGTERM then SIGKILL.
///
/// The program reads the failure from files under `.zof-evidence/` in the worktree, whose
/// paths are in its environment, and edits the worktree. `HOME` and `TMPDIR` point into a
/// scratch folder that is removed afterwards. The user's working tree is compared before
/// and after, and any difference fails the proposal.
struct CommandRemediation {
  var spec: RemediatorSpec
  var worktree: ProposalWorktree
  var evidence: FailureEvidence
  var proposalID: Int64
  var scratch: String
  /// The workspace's store folder, relative to the repository, left out of the comparison.
  var excludedPaths: [String]
  var allowedEnvironment: [String]
  var redactor: Redactor
  var killGrace: Double = 2

  /// The program's exit, its output and the edits it made outside its worktree.
  struct Outcome {
    var result: ProcessResult
    /// The end of standard output and standard error, redacted.
    var output: String
    /// Paths of the user's working tree that changed while the program ran.
    var outsideChanges: [String]
  }

  /// The maximum output kept, in bytes, counted from the end.
  static let maxOutputBytes = 32_768

  func run() throws -> Outcome {
    let evidenceFolder = (worktree.path as NSString)
      .appendingPathComponent(ProposalWorktree.evidenceFolder)
    let files = try evidence.write(to: evidenceFolder)
    let home = (scratch as NSString).appendingPathComponent("home")
    let temporary = (scratch as NSString).appendingPathComponent("tmp")
    for folder in [home, temporary] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let environment = makeEnvironment(files: files, evidenceFolder: evidenceFolder,
                                      home: home, temporary: temporary)
    let command = processCommand(environment: environment)
    let before = try TreeSnapshot.take(worktree.repository, excluding: excludedPaths)
    var output = TailBytes(limit: Self.maxOutputBytes)
    let runner = ProcessRunner(command: command, timeout: spec.timeout, killGrace: killGrace)
    let result = try runner.run { _, bytes in output.append(bytes) }
    let after = try TreeSnapshot.take(worktree.repository, excluding: excludedPaths)
    return Outcome(result: result, output: redactor.redact(output.text),
                   outsideChanges: before.changes(to: after))
  }

  private func processCommand(environment: [String: String]) -> ProcessCommand {
    switch spec.invocation ?? .argv(["true"]) {
    case .shell(let script):
      return .shell(script, workingDirectory: worktree.path, environment: environment)
    case .argv(let argv):
      return ProcessCommand(executable: argv[0], arguments: Array(argv.dropFirst()),
                            workingDirectory: worktree.path, environment: environment)
    }
  }

  /// Builds the environment as for checks: a clean base, then caller variables the policy
  /// allows, then `spec.env`, then Zof's own variables, each layer overriding the one before.
  private func makeEnvironment(files: [String: String], evidenceFolder: String, home: String,
                               temporary: String) -> [String: String] {
    var environment = [
      "PATH": CheckEnvironment.basePath, "HOME": home, "TMPDIR": temporary,
      "LANG": "C.UTF-8", "TERM": "dumb",
    ]
    let options = ExecutionOptions(repositoryRoot: worktree.path,
                                   allowedEnvironment: allowedEnvironment)
    for (name, value) in options.callerEnvironment
    where CheckEnvironment.isAllowed(name, options) {
      environment[name] = value
    }
    environment.merge(spec.env) { _, new in new }
    environment.merge(files) { _, new in new }
    environment["ZOF_EVIDENCE_DIR"] = evidenceFolder
    environment["ZOF_FAILED_CHECK"] = evidence.checkRef
    environment["ZOF_FAILED_RUN"] = String(evidence.runID)
    environment["ZOF_FAILED_COMMIT"] = evidence.commit ?? ""
    environment["ZOF_PROPOSAL_ID"] = String(proposalID)
    environment["ZOF_BRANCH"] = worktree.branch
    environment["ZOF_WORKTREE"] = worktree.path
    environment["ZOF_REMEDIATOR"] = spec.actor.id
    return environment
  }
}

/// The last `limit` bytes written to it.
struct TailBytes {
  let limit: Int
  private(set) var bytes: [UInt8] = []
  private(set) var dropped = 0

  init(limit: Int) {
    self.limit = limit
  }

  mutating func append(_ buffer: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: buffer)
    if bytes.count > limit {
      let extra = bytes.count - limit
      bytes.removeFirst(extra)
      dropped += extra
    }
  }

  var text: String {
    let body = String(decoding: bytes, as: UTF8.self)
    return dropped > 0 ? "[\(dropped) earlier bytes not kept]\n" + body : body
  }
}
