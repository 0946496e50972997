import ZofCore

/// An impact report laid over the graph: affected entities by ref, and the chain that
/// explains each one.
struct GraphImpactOverlay: Sendable {
  /// The change as given, such as `HEAD~1...HEAD` or `paths`.
  var title: String
  var report: ImpactReport
  /// Affected entities and workflows by full ref (`kind:namespace/name`); the report
  /// writes refs in their short form.
  var affected: [String: ImpactReport.Affected]

  init(title: String, report: ImpactReport, graph: SystemGraph) {
    self.title = title
    self.report = report
    var byRef: [String: ImpactReport.Affected] = [:]
    for item in report.affected + report.workflows {
      let full = graph.find(item.ref).map { graph[$0].ref.description } ?? item.ref
      byRef[full] = item
    }
    affected = byRef
  }

  /// Lines explaining why `ref` is affected: its risk, the parts of the score and the
  /// chain from the changed path.
  func explanation(for ref: EntityRef) -> [TextPanel.Line] {
    guard let item = affected[ref.description] else {
      return [TextPanel.Line("not affected by \(title)", .muted)]
    }
    let role = Self.role(forLevel: item.level)
    var lines = [
      TextPanel.Line("risk \(NumberText.fixed(item.risk, digits: 3)) \(item.level), "
                       + "distance \(item.distance)", role),
      TextPanel.Line(item.riskParts.partsText, .muted),
    ]
    for (index, step) in item.because.enumerated() {
      lines.append(TextPanel.Line((index == 0 ? "  " : "  → ") + step))
    }
    let checks = report.checks.filter { $0.because.contains(ref.short) }.map(\.ref)
    if !checks.isEmpty {
      lines.append(TextPanel.Line("checks: " + checks.joined(separator: ", "), .accent))
    }
    return lines
  }

  static func role(forLevel level: String) -> ThemeRole {
    switch level {
    case "critical": .riskCritical
    case "high": .riskHigh
    case "medium": .riskMedium
    default: .riskLow
    }
  }
}
