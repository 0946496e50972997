/// A fleet as the executor uses it: a name and the number of checks it runs at once.
public struct FleetAssignment: Sendable, Hashable {
  public var name: String
  public var concurrency: Int

  public init(name: String, concurrency: Int) {
    self.name = name
    self.concurrency = max(1, concurrency)
  }

  public init(_ spec: FleetSpec) {
    self.init(name: spec.name, concurrency: spec.concurrency)
  }
}

/// One check of a plan, with the fleet that runs it.
public struct PlannedCheck: Sendable {
  public var spec: CheckSpec
  public var fleet: FleetAssignment

  public init(spec: CheckSpec, fleet: FleetAssignment) {
    self.spec = spec
    self.fleet = fleet
  }

  /// The check's reference as stored, `check:namespace/name`.
  public var checkRef: String { spec.ref.description }
}

/// Progress of a run, reported to a front end as it happens.
public enum ExecutionEvent: Sendable, Equatable {
  case attemptStarted(check: String, number: Int, worker: String, attemptID: Int64)
  case attemptFinished(check: String, number: Int, status: AttemptStatus, attemptID: Int64)
  case checkFinished(check: String, status: RunCheckStatus, attempts: Int)
}
