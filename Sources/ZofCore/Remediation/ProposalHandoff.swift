import Foundation

/// The hand-off of an approved fix: the patch, an evidence summary, and either the
/// workspace's pull request command or the commands a person runs. Zof itself never pushes
/// or merges. A configured command is the user's own and may push.
struct ProposalHandoff {
  var workspace: Workspace
  var proposal: Proposal
  var request: ApprovalRequest
  var policy: Policy

  /// Seconds the pull request command may run.
  static let commandTimeout: Double = 300

  /// The folder `<store folder>/proposals/ID`.
  var folder: String {
    (workspace.storeFolder as NSString).appendingPathComponent("proposals/\(proposal.id)")
  }

  /// Writes `fix.patch` (`git format-patch` of the branch's commits) and `summary.md`.
  func writeFiles() throws -> (patch: String, summary: String) {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let git = Git(repositoryPath: workspace.repositoryPath)
    let base = proposal.baseCommit ?? "HEAD"
    let head = proposal.headCommit ?? proposal.branch ?? "HEAD"
    let patch = try git.run(["format-patch", "--stdout", "\(base)..\(head)"])
    let patchPath = (folder as NSString).appendingPathComponent("fix.patch")
    let summaryPath = (folder as NSString).appendingPathComponent("summary.md")
    do {
      try patch.write(toFile: patchPath, atomically: true, encoding: .utf8)
      try ProposalSummary(proposal: proposal, request: request).markdown
        .write(toFile: summaryPath, atomically: true, encoding: .utf8)
    } catch {
      throw OperationError("write \(folder)", error.localizedDescription)
    }
    return (patchPath, summaryPath)
  }

  /// Runs `pullRequest.command` when zof.yaml sets one, else returns the commands a person
  /// would run. The result is stored on the proposal as JSON.
  func handOff(_ files: (patch: String, summary: String)) throws -> JSONValue {
    let branch = proposal.branch ?? ""
    guard let script = workspace.config.pullRequestCommand else {
      let title = "Fix \(proposal.checkRef) (proposal \(proposal.id))"
      return [
        "mode": "manual",
        "commands": .strings([
          "git push origin \(branch)",
          "gh pr create --head \(ShellText.quote(branch)) --title \(ShellText.quote(title)) "
            + "--body-file \(ShellText.quote(files.summary))",
        ]),
      ]
    }
    let environment = commandEnvironment(files)
    let runner = ProcessRunner(
      command: .shell(script, workingDirectory: workspace.repositoryPath,
                      environment: environment),
      timeout: Self.commandTimeout)
    var output = TailBytes(limit: CommandRemediation.maxOutputBytes)
    let result = try runner.run { _, bytes in output.append(bytes) }

    let redactor = try Redactor(policyPatterns: policy.redact.map { ("policy", $0) })
    return [
      "mode": "command", "command": .string(script),
      "exitCode": result.exitCode.map { .integer(Int64($0)) } ?? .null,
      "timedOut": .bool(result.timedOut), "output": .string(redactor.redact(output.text)),
    ]
  }

  /// Builds the command's environment: a clean base, the caller variables the policy lets
  /// checks inherit, and the branch, patch and summary paths.
  private func commandEnvironment(_ files: (patch: String, summary: String)) -> [String: String] {
    var environment = [
      "PATH": CheckEnvironment.basePath, "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
      "TERM": "dumb",
    ]
    let options = ExecutionOptions(repositoryRoot: workspace.repositoryPath,
                                   allowedEnvironment: policy.inheritedEnvironment)
    for (name, value) in options.callerEnvironment
    where CheckEnvironment.isAllowed(name, options) {
      environment[name] = value
    }
    environment["ZOF_BRANCH"] = proposal.branch ?? ""
    environment["ZOF_PATCH"] = files.patch
    environment["ZOF_SUMMARY"] = files.summary
    environment["ZOF_PROPOSAL_ID"] = String(proposal.id)
    return environment
  }
}
