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

/// Readiness of HEAD for the workspace's environment: each criterion met or not, with the
/// evidence behind it (runs, incidents, proposals, quarantines, sign-offs).
@MainActor
final class ReadinessPane: Pane {
  let title = "Readiness"
  let keyTable = KeyTable("Readiness", [])
  let context: ConsoleContext
  var provider: (any ReadinessProvider)?
  private var panel = TextPanel()
  private var loadedGeneration = -1

  init(context: ConsoleContext, provider: (any ReadinessProvider)? = nil) {
    self.context = context
    self.provider = provider
  }

  var environment: String { context.workspace.config.environment }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    buffer.box(region, title: "Readiness of HEAD for \(environment)")
    panel.draw(into: &buffer, region: region.inset(by: 1))
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    return panel.handle(action) ? [.redraw] : nil
  }

  /// Reloads when the store changed since the last load, so keys act on current rows.
  private func reloadIfStale() {
    if loadedGeneration != context.generation { _ = reload() }
  }

  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    guard let provider else {
      panel = TextPanel([TextPanel.Line("readiness is not available in this console", .muted)])
      return [.redraw]
    }
    do {
      let report = try provider.readiness(ref: "HEAD", environment: environment)
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
    lines.append(TextPanel.Line("sign off with: zof signoff --ref \(report.ref) "
                                  + "--env \(report.environment)", .accent))
    return lines
  }
}
