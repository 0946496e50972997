import ZofCore

/// The readiness of one ref for one environment, as the Readiness pane shows it.
struct ReadinessView: Sendable {
  struct Criterion: Sendable {
    var name: String
    var met: Bool
    var evidence: String
  }

  var ref: String
  var environment: String
  var criteria: [Criterion]
  var signedOffBy: [String]
}

/// The seam for readiness: the console shows whatever a source returns. A source backed
/// by the core's readiness evaluation plugs in here without changing the pane.
@MainActor
protocol ReadinessSource {
  func readiness(ref: String, environment: String) throws -> ReadinessView
}

/// Readiness of a ref for an environment: each criterion met or not with its evidence,
/// and who signed off.
///
/// TODO: wire a `ReadinessSource` over the core's readiness evaluator once it exists;
/// until then the pane explains what it will show.
@MainActor
final class ReadinessPane: Pane {
  let title = "Readiness"
  let keyTable = KeyTable("Readiness", [])
  let context: ConsoleContext
  var source: (any ReadinessSource)?
  private var panel = TextPanel()
  private var loadedGeneration = -1

  init(context: ConsoleContext, source: (any ReadinessSource)? = nil) {
    self.context = context
    self.source = source
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    buffer.box(region, title: "Readiness of HEAD for \(context.workspace.config.environment)")
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
    guard let source else {
      panel = TextPanel(Self.placeholder)
      return [.redraw]
    }
    do {
      let environment = context.workspace.config.environment
      let view = try source.readiness(ref: "HEAD", environment: environment)
      panel = TextPanel(Self.lines(view))
    } catch {
      panel = TextPanel([TextPanel.Line(ConsoleErrorText.describe(error), .error)])
    }
    return [.redraw]
  }

  static let placeholder: [TextPanel.Line] = [
    TextPanel.Line("Readiness is not evaluated by this version of zof yet.", .warning),
    TextPanel.Line(""),
    TextPanel.Line("When it is, this pane shows, for a ref and an environment:"),
    TextPanel.Line("  - each readiness criterion (checks passed, no open incident, approvals"),
    TextPanel.Line("    granted, audit chain intact), met or not"),
    TextPanel.Line("  - the evidence behind each criterion: the run, attempt or audit event"),
    TextPanel.Line("  - who signed off the release, and who still has to"),
  ]

  static func lines(_ view: ReadinessView) -> [TextPanel.Line] {
    let ready = view.criteria.allSatisfy(\.met)
    var lines = [TextPanel.Line("\(view.ref) in \(view.environment): "
                                  + (ready ? "ready" : "not ready"), ready ? .ok : .failed)]
    for criterion in view.criteria {
      lines.append(TextPanel.Line("  [\(criterion.met ? "x" : " ")] \(criterion.name)",
                                  criterion.met ? .ok : .failed))
      lines.append(TextPanel.Line("      \(criterion.evidence)", .muted))
    }
    let signers = view.signedOffBy.isEmpty ? "nobody yet" : view.signedOffBy.joined(separator: ", ")
    lines.append(TextPanel.Line("signed off by: \(signers)"))
    return lines
  }
}
