import Foundation
import ZofCore

/// The seam between the Readiness pane and whatever evaluates readiness. The console uses
/// `ReadinessEvaluator`; tests and other front ends may plug in their own.
protocol ReadinessProvider: Sendable {
  /// Evaluates on a background thread, with a session of its own.
  func readiness(ref: String, environment: String, session: WorkspaceSession) throws
    -> ReadinessReport
}

/// Readiness through the core's `ReadinessEvaluator`.
struct EvaluatorReadinessProvider: ReadinessProvider {
  func readiness(ref: String, environment: String, session: WorkspaceSession) throws
    -> ReadinessReport
  {
    try ReadinessEvaluator(session: session).evaluate(ref: ref, environment: environment)
  }
}

/// Readiness of a ref for an environment (HEAD and the workspace's environment until
/// `:readiness` picks others): each criterion met or not, with the evidence behind it, and
/// `s` to sign off through the policy.
///
/// Evaluating runs git (to resolve the ref and list the commits since the last ready one),
/// which can take a large part of a second, so it happens on a background thread. The pane
/// keeps showing the previous report, marked as being evaluated, until the new one arrives.
@MainActor
final class ReadinessPane: Pane, StoreBackedPane {
  let title = "Readiness"
  let keyTable = KeyTable("Readiness", [
    KeyBinding([.character("s")], "sign off this ref for this environment (asks to confirm)",
               "readiness.signoff", flags: .changesState, hint: "sign off"),
  ])
  let context: ConsoleContext
  var provider: (any ReadinessProvider)?
  private var panel = TextPanel()
  var loadedGeneration = -1
  /// The evaluation in progress, and whether the store changed again since it started.
  private var evaluation: ReadinessEvaluation?
  private var evaluateAgain = false

  init(context: ConsoleContext, provider: (any ReadinessProvider)? = nil) {
    self.context = context
    self.provider = provider
  }

  /// The ref and environment shown; `:readiness --ref REF --env ENV` changes them.
  var ref = "HEAD"
  lazy var environment: String = context.workspace.config.environment

  var isBusy: Bool { evaluation != nil }

  /// Shows `ref` for `environment` from now on.
  func show(ref: String, environment: String) -> [Reaction] {
    self.ref = ref
    self.environment = environment
    panel = TextPanel()
    return reload()
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    let title = "Readiness of \(ref) for \(environment)"
    buffer.box(region, title: isBusy ? title + " (evaluating)" : title)
    if panel.lines.isEmpty {
      var waiting = TextPanel([TextPanel.Line("evaluating the criteria...", .muted)])
      waiting.draw(into: &buffer, region: region.inset(by: 1))
    } else {
      panel.draw(into: &buffer, region: region.inset(by: 1))
    }
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    if action == "readiness.signoff" { return signoffPrompt() }
    return panel.handle(action) ? [.redraw] : nil
  }

  private func signoffPrompt() -> [Reaction] {
    let who = context.session.identity.effective.id
    let confirm = PromptLine(question: "Sign off \(ref) for \(environment) as \(who)?",
                             kind: .confirm)
    return [.prompt(confirm) { [weak self] _ in self?.signoff() ?? [] }]
  }

  /// Signs the release request through the core, which decides and audits.
  private func signoff() -> [Reaction] {
    let session = context.session
    do {
      let request = try ReleaseRequests(session: session).request(ref: ref,
                                                                   environment: environment)
      let outcome = try session.approvals.approve(requestID: request.id, by: session.identity,
                                                  comment: nil)
      context.invalidate()
      guard outcome.decision.allowed else {
        return [.message(.error, "sign-off refused: "
                           + outcome.decision.reasons.joined(separator: "; "))]
      }
      return reload() + [.message(.info, "signed off \(ref) for \(environment); request "
                                    + "\(request.id) is \(outcome.request.status.rawValue)")]
    } catch {
      return [.message(.error, ConsoleErrorText.describe(error))]
    }
  }

  /// Starts evaluating the shown ref, or notes that it must be evaluated again once the
  /// evaluation in progress ends, so at most one runs at a time.
  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    guard let provider else {
      panel = TextPanel([TextPanel.Line("readiness is not available in this console", .muted)])
      return [.redraw]
    }
    if evaluation != nil {
      evaluateAgain = true
      return [.redraw]
    }
    do {
      evaluation = ReadinessEvaluation(ref: ref, environment: environment)
      evaluation?.start(provider, session: try context.session.detached())
    } catch {
      evaluation = nil
      panel = TextPanel([TextPanel.Line(ConsoleErrorText.describe(error), .error)])
    }
    return [.redraw]
  }

  /// Shows a finished evaluation when it is for the ref and environment still shown.
  func tick() -> [Reaction] {
    guard let evaluation, let outcome = evaluation.outcome else { return [] }
    self.evaluation = nil
    if evaluation.ref == ref && evaluation.environment == environment {
      switch outcome {
      case .success(let report): panel = TextPanel(Self.lines(report))
      case .failure(let failure): panel = TextPanel([TextPanel.Line(failure.text, .error)])
      }
    } else {
      evaluateAgain = true
    }
    if evaluateAgain {
      evaluateAgain = false
      return reload()
    }
    return [.redraw]
  }

  static func lines(_ report: ReadinessReport) -> [TextPanel.Line] {
    let verdict = report.ready ? "READY" : "NOT READY"
    var lines = [TextPanel.Line("\(report.ref) (\(report.commit.prefix(12))) for "
                                  + "\(report.environment): \(verdict)",
                                report.ready ? .ok : .failed)]
    if report.defaults {
      lines.append(TextPanel.Line("the policy lists no readiness criteria for "
                                    + "\(report.environment); these are Zof's defaults", .muted))
    }
    if let last = report.lastReady {
      lines.append(TextPanel.Line("changes counted since \(last.prefix(12))", .muted))
    }
    lines.append(TextPanel.Line(""))
    for item in report.items {
      lines.append(TextPanel.Line("[\(item.met ? "x" : " ")] \(item.criterion): \(item.detail)",
                                  item.met ? .ok : .failed))
      for evidence in item.evidence {
        lines.append(TextPanel.Line("      \(evidence)", .muted))
      }
    }
    lines.append(TextPanel.Line(""))
    lines.append(TextPanel.Line("s signs off \(report.ref) for \(report.environment) "
                                  + "(zof signoff --ref \(report.ref) --env "
                                  + "\(report.environment)); :readiness --ref REF --env ENV "
                                  + "shows another", .accent))
    return lines
  }
}

/// One readiness evaluation on its own thread, whose outcome the pane collects on a tick.
final class ReadinessEvaluation: @unchecked Sendable {
  /// A failure, worded for the footer while still on the background thread.
  struct Failure: Error {
    let text: String
  }

  let ref: String
  let environment: String
  private let lock = NSLock()
  private var finished: Result<ReadinessReport, Failure>?

  init(ref: String, environment: String) {
    self.ref = ref
    self.environment = environment
  }

  /// The report or the failure, once the thread has ended.
  var outcome: Result<ReadinessReport, Failure>? {
    lock.withLock { finished }
  }

  func start(_ provider: any ReadinessProvider, session: WorkspaceSession) {
    let thread = Thread { [self] in
      let result: Result<ReadinessReport, Failure>
      do {
        result = .success(try provider.readiness(ref: ref, environment: environment,
                                                 session: session))
      } catch {
        result = .failure(Failure(text: ConsoleErrorText.describe(error)))
      }
      lock.withLock { finished = result }
    }
    thread.name = "zof-readiness"
    thread.start()
  }
}
