import Foundation

/// Runs one attempt of a check: spawns it, stores its evidence, reads its report and records
/// the outcome.
struct AttemptRunner {
  let store: RunStore
  let options: ExecutionOptions
  let runID: Int64
  let check: PlannedCheck
  let number: Int
  let worker: String
  let logger: Logger

  /// Runs the attempt; `register` receives the process runner so it can be cancelled.
  func run(register: (ProcessRunner?) -> Void,
           events: @Sendable (ExecutionEvent) -> Void) throws -> AttemptStatus {
    let spec = check.spec
    let environment = CheckEnvironment.make(spec: spec, runID: runID, attempt: number,
                                            options: options)
    let workdir = spec.workdir == "."
      ? options.repositoryRoot : "\(options.repositoryRoot)/\(spec.workdir)"
    let redactedArgv = spec.argv.map { options.redactor.redact($0) }
    let attemptID = try store.startAttempt(AttemptStart(
      runID: runID, checkRef: check.checkRef, number: number, worker: worker,
      command: JSONText.array(redactedArgv), workdir: spec.workdir,
      environment: CheckEnvironment.redactedJSON(environment, redactor: options.redactor),
      commit: options.commit))
    events(.attemptStarted(check: check.checkRef, number: number, worker: worker,
                           attemptID: attemptID))
    logger.info("attempt.start", [("run", runID), ("attempt", attemptID),
                                  ("check", check.checkRef), ("worker", worker)])
    let argv = spec.argv
    // An empty argv fails to spawn with ENOENT, which marks the attempt errored.
    let command = ProcessCommand(executable: argv.first ?? "", arguments: Array(argv.dropFirst()),
                                 workingDirectory: workdir, environment: environment)
    let runner = ProcessRunner(command: command, timeout: spec.timeout,
                               killGrace: options.killGrace)
    let finish = execute(runner, attemptID: attemptID, workdir: workdir, register: register)
    try store.finishAttempt(attemptID, finish)
    logger.info("attempt.finish", [("run", runID), ("attempt", attemptID),
                                   ("status", finish.status.rawValue)])
    if let error = finish.error {
      logger.warning("attempt.error", [("attempt", attemptID), ("error", error)])
    }
    events(.attemptFinished(check: check.checkRef, number: number, status: finish.status,
                            attemptID: attemptID))
    return finish.status
  }

  private func execute(_ runner: ProcessRunner, attemptID: Int64, workdir: String,
                       register: (ProcessRunner?) -> Void) -> AttemptFinish {
    let writer = EvidenceWriter(store: store, attemptID: attemptID, options: options,
                                keepStdout: check.spec.report == .tap)
    let started = Date()
    register(runner)
    defer { register(nil) }
    var failure: (any Error)?
    let result: ProcessResult?
    do {
      let flush = {
        do {
          try writer.flushIfDue()
        } catch {
          failure = failure ?? error
        }
      }
      let record = { (group: Int32) in
        do {
          try self.store.setProcessGroup(attempt: attemptID, group)
        } catch {
          failure = failure ?? error
        }
      }
      result = try runner.run(started: record, tick: flush) { stream, bytes in
        do {
          try writer.receive(stream, bytes)
        } catch {
          failure = failure ?? error
        }
      }
    } catch {
      result = nil
      failure = error
    }
    var finish = AttemptFinish(status: .errored)
    do {
      let captured = try writer.finish()
      finish.stdoutBytes = captured.stdout.rawBytes
      finish.stderrBytes = captured.stderr.rawBytes
      finish.stdoutSHA256 = captured.stdout.sha256
      finish.stderrSHA256 = captured.stderr.sha256
      finish.redactions = JSONText.object(captured.redactions)
    } catch {
      failure = failure ?? error
    }
    guard let result, failure == nil else {
      finish.error = "\(failure.map { String(describing: $0) } ?? "unknown failure")"
      finish.duration = Date().timeIntervalSince(started)
      return finish
    }
    finish.exitCode = result.exitCode
    finish.signal = result.signal
    finish.duration = result.duration
    let outcome = judge(result, attemptID: attemptID, writer: writer, workdir: workdir,
                        started: started)
    finish.status = outcome.status
    finish.error = outcome.error
    return finish
  }

  /// Decides the attempt's status from the process result and the check's report.
  private func judge(_ result: ProcessResult, attemptID: Int64, writer: EvidenceWriter,
                     workdir: String, started: Date) -> (status: AttemptStatus, error: String?) {
    if result.cancelled { return (.interrupted, "cancelled") }
    if result.timedOut {
      return (.timedOut, "timed out after \(DurationText.format(check.spec.timeout))")
    }
    let exitStatus: AttemptStatus = result.exitCode == 0 ? .passed : .failed
    let reader = ReportReader(store: store, options: options, attemptID: attemptID,
                              checkRef: check.checkRef)
    switch check.spec.report {
    case .exitCode:
      return (exitStatus, nil)
    case .tap:
      if writer.fullStdoutOverflowed {
        return (.errored, "stdout exceeds \(options.maxTAPBytes) bytes, too large to read as TAP")
      }
      return reader.readTAP(writer.fullStdout ?? [], exitStatus: exitStatus)
    case .junit(let pattern):
      return reader.readJUnit(pattern: pattern, workdir: workdir, since: started,
                              exitStatus: exitStatus)
    }
  }
}
