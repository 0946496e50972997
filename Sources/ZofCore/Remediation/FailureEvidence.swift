import Foundation

/// The record of one failing check of a run: what ran, what failed, and why the plan
/// selected it. Remediators receive it as files; approvers see it in the evidence.
public struct FailureEvidence: Sendable {
  public var runID: Int64
  public var checkRef: String
  public var status: RunCheckStatus
  /// The argv of the last attempt, as recorded.
  public var command: [String]
  /// The commit the last attempt ran at.
  public var commit: String?
  public var failingTests: [TestCaseResult]
  /// The end of the last attempt's kept output, standard output then standard error.
  public var logExcerpt: String
  /// The chain that explains why the plan selected the check.
  public var explanation: String
  public var run: RunRecord

  /// The largest log excerpt kept, in bytes.
  public static let maxExcerptBytes = 16_384

  /// Loads the evidence of `checkRef` in run `runID`; throws when the run or the check in
  /// it is not found.
  public static func load(runID: Int64, checkRef: String, runs: RunStore) throws
    -> FailureEvidence
  {
    guard let run = try runs.run(runID) else {
      throw InputError("no run \(runID) in the store", hint: "`zof runs` lists the runs")
    }
    guard let check = try runs.runChecks(runID).first(where: { $0.checkRef == checkRef })
    else {
      throw InputError("run \(runID) has no check \(checkRef)",
                       hint: "`zof runs \(runID)` lists its checks")
    }
    let last = try runs.attempts(run: runID).last { $0.checkRef == checkRef }
    var tests: [TestCaseResult] = []
    var excerpt = ""
    if let last {
      tests = try runs.testCases(attempt: last.id).filter {
        $0.status == .failed || $0.status == .error
      }
      let output = try runs.storedOutput(attempt: last.id, stream: .stdout)
        + runs.storedOutput(attempt: last.id, stream: .stderr)
      excerpt = String(decoding: output.suffix(maxExcerptBytes), as: UTF8.self)
    }
    let argv = last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.command.utf8)) }
    return FailureEvidence(
      runID: runID, checkRef: checkRef, status: check.status,
      command: argv as? [String] ?? [], commit: last?.commit, failingTests: tests,
      logExcerpt: excerpt, explanation: check.because, run: run)
  }

  /// Whether the check failed in a way a fix can address (failed or timed out).
  public var isFailure: Bool { status == .failed || status == .timedOut }

  /// The evidence as JSON, for proposals and approval requests.
  public var json: JSONValue {
    [
      "run": .integer(runID), "check": .string(checkRef), "status": .string(status.rawValue),
      "command": .strings(command), "commit": commit.map { .string($0) } ?? .null,
      "failingTests": .array(failingTests.map { test in
        ["suite": .string(test.suite), "name": .string(test.name),
         "message": test.message.map { .string($0) } ?? .null]
      }),
      "explanation": .string(explanation),
    ]
  }

  /// Writes the evidence files into `folder` and returns their paths by variable name.
  public func write(to folder: String) throws -> [String: String] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let files: [(variable: String, name: String, text: String)] = [
      ("ZOF_EVIDENCE_CHECK", "check.txt", checkRef + "\n"),
      ("ZOF_EVIDENCE_COMMAND", "command.txt", command.joined(separator: " ") + "\n"),
      ("ZOF_EVIDENCE_TESTS", "failing-tests.txt", failingTests.map { test in
        "\(test.suite) \(test.name): \(test.message ?? "")\n"
      }.joined()),
      ("ZOF_EVIDENCE_LOG", "log-excerpt.txt", logExcerpt),
      ("ZOF_EVIDENCE_EXPLANATION", "explanation.txt", explanation + "\n"),
      ("ZOF_EVIDENCE_JSON", "failure.json", CanonicalJSON.encode(json) + "\n"),
    ]
    var paths: [String: String] = [:]
    for file in files {
      let path = (folder as NSString).appendingPathComponent(file.name)
      do {
        try file.text.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        throw OperationError("write \(path)", error.localizedDescription)
      }
      paths[file.variable] = path
    }
    return paths
  }
}
