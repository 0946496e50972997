import Foundation
import ZofCore

/// The seam between the Readiness pane and whatever evaluates readiness. The console uses
/// `ReadinessEvaluator`; tests and other front ends may plug in their own.
@MainActor
protocol ReadinessProvider {
  func readiness(ref: String, environment: String) throws -> ReadinessReport
}

/// Readiness through the core's `ReadinessEvaluator` over the console's current session.
@MainActor
struct EvaluatorReadinessProvider: ReadinessProvider {
  let context: ConsoleContext

  func readiness(ref: String, environment: String) throws -> ReadinessReport {
    try ReadinessEvaluator(session: context.session).evaluate(ref: ref,
                                                             environment: environment)
  }
}

/// Readiness of a ref for an environment (HEAD and the workspace's environment until
/// `:readiness` picks others): each criterion met or not, with the evidence behind it, and
/// `s` to sign off through the policy.
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

  init(context: ConsoleContext, provider: (any ReadinessProvider)? = nil) {
    self.context = context
    self.provider = provider
  }

  /// The ref and environment shown; `:readiness --ref REF --env ENV` changes them.
  var ref = "HEAD"
  lazy var environment: String = context.workspace.config.environment

  /// Shows `ref` for `environment` from now on.
  func show(ref: String, environment: String) -> [Reaction] {
    self.ref = ref
    self.environment = environment
    return reload()
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    buffer.box(region, title: "Readiness of \(ref) for \(environment)")
    panel.draw(into: &buffer, region: region.inset(by: 1))
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

  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    guard let provider else {
      panel = TextPanel([TextPanel.Line("readiness is not available in this console", .muted)])
      return [.redraw]
    }
    do {
      let report = try provider.readiness(ref: ref, environment: environment)
      panel = TextPanel(Self.lines(report))
    } catch {
      panel = TextPanel([TextPanel.Line(ConsoleErrorText.describe(error), .error)])
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
