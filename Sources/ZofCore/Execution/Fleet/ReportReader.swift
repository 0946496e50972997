import Foundation

/// Reads an attempt's report, records its test cases and keeps report files as artifacts.
struct ReportReader {
  let store: RunStore
  let options: ExecutionOptions
  let attemptID: Int64
  let checkRef: String

  typealias Outcome = (status: AttemptStatus, error: String?)

  func readTAP(_ stdout: [UInt8], exitStatus: AttemptStatus) -> Outcome {
    do {
      let report = try TAPParser.parse(String(decoding: stdout, as: UTF8.self),
                                       file: "\(checkRef) stdout", suite: checkRef)
      try store.recordTestCases(attempt: attemptID, report.cases)
      return (combine(exitStatus, report.cases), report.bailOut.map { "bailed out: \($0)" })
    } catch {
      return (.errored, String(describing: error))
    }
  }

  /// Reads every JUnit file under `workdir` matching `pattern` written since `since`; older
  /// files are left from earlier runs and ignored.
  func readJUnit(pattern: String, workdir: String, since: Date,
                 exitStatus: AttemptStatus) -> Outcome {
    let files = ReportFiles.matching(pattern, in: workdir, modifiedSince: since)
    guard !files.isEmpty else {
      let message = "no report file matches \(pattern) in \(workdir)"
      return (exitStatus == .passed ? .errored : .failed, message)
    }
    var cases: [TestCaseResult] = []
    var errors: [String] = []
    for file in files {
      let data = FileManager.default.contents(atPath: file) ?? Data()
      do {
        try keepArtifact(file, data: data, workdir: workdir)
        cases += try JUnitReportParser.parse(data, file: file)
      } catch {
        errors.append(String(describing: error))
      }
    }
    do {
      try store.recordTestCases(attempt: attemptID, cases.map(redacted))
    } catch {
      errors.append(String(describing: error))
    }
    if !errors.isEmpty { return (.errored, errors.joined(separator: "\n")) }
    return (combine(exitStatus, cases), nil)
  }

  private func combine(_ exitStatus: AttemptStatus, _ cases: [TestCaseResult]) -> AttemptStatus {
    let failed = cases.contains { $0.status == .failed || $0.status == .error }
    return exitStatus == .passed && !failed ? .passed : .failed
  }

  private func redacted(_ test: TestCaseResult) -> TestCaseResult {
    var copy = test
    copy.message = test.message.map { options.redactor.redact($0) }
    copy.output = test.output.map { options.redactor.redact($0) }
    return copy
  }

  /// Stores a report file, redacted, with the digest of its raw bytes.
  private func keepArtifact(_ path: String, data: Data, workdir: String) throws {
    let bytes = [UInt8](data)
    let relative = path.hasPrefix(workdir + "/") ? String(path.dropFirst(workdir.count + 1)) : path
    var counts: [String: Int] = [:]
    let content = bytes.count <= options.maxArtifactBytes
      ? options.redactor.redact(bytes: bytes[...], counts: &counts) : nil
    try store.addArtifact(attempt: attemptID, name: "report", path: relative,
                          sha256: SHA256.hex(bytes), size: bytes.count, content: content)
  }
}

/// Finds report files by glob.
enum ReportFiles {
  /// Returns files under `folder` whose relative path matches `pattern`, sorted, that were
  /// modified at or after `since` (less one second, for file systems with coarse times).
  static func matching(_ pattern: String, in folder: String,
                       modifiedSince since: Date) -> [String] {
    let glob = Glob(pattern)
    let manager = FileManager.default
    let cutoff = since.addingTimeInterval(-1)
    var found: [String] = []
    guard let walker = manager.enumerator(atPath: folder) else { return [] }
    while let relative = walker.nextObject() as? String {
      guard glob.matches(relative) else { continue }
      let path = "\(folder)/\(relative)"
      let attributes = try? manager.attributesOfItem(atPath: path)
      guard attributes?[.type] as? FileAttributeType == .typeRegular,
            let modified = attributes?[.modificationDate] as? Date, modified >= cutoff
      else { continue }
      found.append(path)
    }
    return found.sorted()
  }
}
