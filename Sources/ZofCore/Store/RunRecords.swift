/// The state of a run as a whole.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
  case queued, running, passed, failed, interrupted, errored
}

/// The state of one planned check within a run.
public enum RunCheckStatus: String, Sendable, Codable, CaseIterable {
  case queued, running, passed, failed, flaky, errored, interrupted, skipped
  case timedOut = "timed-out"
}

/// The outcome of one attempt of a check, or `running` while it runs.
public enum AttemptStatus: String, Sendable, Codable, CaseIterable {
  case running, passed, failed, errored, interrupted
  case timedOut = "timed-out"
}

/// The trigger, actor, refs and plan of a run about to be created.
public struct NewRun: Sendable {
  public var trigger: String
  public var actor: String
  public var base: String?
  public var head: String?
  public var snapshotID: Int64?
  public var environment: String?
  /// The plan as JSON.
  public var plan: String
  public var proposalID: Int64?

  public init(trigger: String, actor: String, base: String? = nil, head: String? = nil,
              snapshotID: Int64? = nil, environment: String? = nil, plan: String = "{}",
              proposalID: Int64? = nil) {
    self.trigger = trigger
    self.actor = actor
    self.base = base
    self.head = head
    self.snapshotID = snapshotID
    self.environment = environment
    self.plan = plan
    self.proposalID = proposalID
  }
}

/// One run as stored.
public struct RunRecord: Sendable, Equatable {
  public var id: Int64
  public var createdAt: String
  public var finishedAt: String?
  public var status: RunStatus
  public var trigger: String
  public var base: String?
  public var head: String?
  public var snapshotID: Int64?
  public var environment: String?
  public var actor: String
  public var plan: String
  public var runnerPID: Int32?
  public var runnerHost: String?
  public var heartbeatAt: String?
  public var proposalID: Int64?
  public var bisectResult: String?
}

/// A check placed in a run's plan.
public struct RunCheckRecord: Sendable, Equatable {
  public var checkRef: String
  public var fleet: String
  public var status: RunCheckStatus
  public var risk: Double
  /// The explanation of why the plan selected the check.
  public var because: String
  public var ordinal: Int

  public init(checkRef: String, fleet: String, status: RunCheckStatus = .queued,
              risk: Double = 0, because: String = "", ordinal: Int) {
    self.checkRef = checkRef
    self.fleet = fleet
    self.status = status
    self.risk = risk
    self.because = because
    self.ordinal = ordinal
  }
}

/// The facts recorded when an attempt starts.
public struct AttemptStart: Sendable {
  public var runID: Int64
  public var checkRef: String
  public var number: Int
  /// The agent identity running it, such as `fleet:api/worker-2`.
  public var worker: String
  /// The argv as a JSON array.
  public var command: String
  public var workdir: String
  /// The environment as a JSON object, with secret values already replaced.
  public var environment: String
  public var commit: String?

  public init(runID: Int64, checkRef: String, number: Int, worker: String, command: String,
              workdir: String, environment: String, commit: String? = nil) {
    self.runID = runID
    self.checkRef = checkRef
    self.number = number
    self.worker = worker
    self.command = command
    self.workdir = workdir
    self.environment = environment
    self.commit = commit
  }
}

/// The facts recorded when an attempt ends.
public struct AttemptFinish: Sendable {
  public var status: AttemptStatus
  public var exitCode: Int32?
  public var signal: Int32?
  public var duration: Double
  public var stdoutBytes: Int
  public var stderrBytes: Int
  public var stdoutSHA256: String?
  public var stderrSHA256: String?
  /// Replacements per redaction rule, as a JSON object.
  public var redactions: String
  /// The reason the attempt errored, such as a report that could not be parsed.
  public var error: String?

  public init(status: AttemptStatus, exitCode: Int32? = nil, signal: Int32? = nil,
              duration: Double = 0, stdoutBytes: Int = 0, stderrBytes: Int = 0,
              stdoutSHA256: String? = nil, stderrSHA256: String? = nil,
              redactions: String = "{}", error: String? = nil) {
    self.status = status
    self.exitCode = exitCode
    self.signal = signal
    self.duration = duration
    self.stdoutBytes = stdoutBytes
    self.stderrBytes = stderrBytes
    self.stdoutSHA256 = stdoutSHA256
    self.stderrSHA256 = stderrSHA256
    self.redactions = redactions
    self.error = error
  }
}

/// One attempt as stored.
public struct AttemptRecord: Sendable, Equatable {
  public var id: Int64
  public var runID: Int64
  public var checkRef: String
  public var number: Int
  public var worker: String
  public var startedAt: String
  public var finishedAt: String?
  public var status: AttemptStatus
  public var exitCode: Int32?
  public var signal: Int32?
  public var duration: Double?
  public var stdoutBytes: Int
  public var stderrBytes: Int
  public var stdoutSHA256: String?
  public var stderrSHA256: String?
  public var redactions: String
  public var command: String
  public var workdir: String
  public var environment: String
  public var commit: String?
  public var error: String?
}

/// The part of a stream's kept evidence that a chunk belongs to.
public enum ChunkKind: String, Sendable, Codable {
  /// The first bytes of the stream, kept whole.
  case head
  /// The marker line standing for bytes that were not kept.
  case elision
  /// Recent bytes, of which only the last ones are kept when the attempt ends.
  case tail
}

/// A piece of redacted output, numbered per attempt in the order it was produced.
public struct EvidenceChunk: Sendable, Equatable {
  public var attemptID: Int64
  public var seq: Int
  public var stream: OutputStream
  public var kind: ChunkKind
  public var bytes: [UInt8]
  public var createdAt: String

  public init(attemptID: Int64, seq: Int, stream: OutputStream, kind: ChunkKind,
              bytes: [UInt8], createdAt: String = Timestamp.now()) {
    self.attemptID = attemptID
    self.seq = seq
    self.stream = stream
    self.kind = kind
    self.bytes = bytes
    self.createdAt = createdAt
  }
}

/// A file kept from an attempt, such as a report.
public struct ArtifactRecord: Sendable, Equatable {
  public var id: Int64
  public var attemptID: Int64
  public var name: String
  public var path: String
  public var sha256: String
  public var size: Int
  public var content: [UInt8]?
}

/// How often a check failed and flaked over its most recent finished attempts.
public struct CheckHealth: Sendable, Equatable {
  public var checkRef: String
  public var attempts: Int
  public var failedAttempts: Int
  /// Failed attempts whose check passed on a later attempt of the same run.
  public var flakyAttempts: Int

  public var failureRate: Double { attempts == 0 ? 0 : Double(failedAttempts) / Double(attempts) }
  public var flakeRate: Double { attempts == 0 ? 0 : Double(flakyAttempts) / Double(attempts) }
}
