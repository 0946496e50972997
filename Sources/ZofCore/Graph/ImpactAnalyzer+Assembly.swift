import Foundation

extension ImpactAnalyzer {
  /// Builds the report from the walk: scores, chains, selected checks and gaps.
  func assemble(changed: [ImpactReport.ChangedPath], unmapped: [ImpactReport.ChangedPath],
                distance: [Int32: Int], origin: [Int32: Origin]) -> ImpactReport {
    let context = ScoringContext(analyzer: self, distance: distance)
    var affected: [ImpactReport.Affected] = []
    var workflows: [ImpactReport.Affected] = []
    var checks: [ImpactReport.SelectedCheck] = []
    for (id, hops) in distance {
      let entity = graph[id]
      let because = chain(to: id, origin: origin)
      switch entity.ref.kind {
      case "check":
        let risk = context.checkRisk(id)
        checks.append(ImpactReport.SelectedCheck(
          ref: entity.ref.short, risk: Self.round(risk.score), level: risk.level,
          because: because))
      default:
        let risk = context.risk(of: id, distance: hops)
        let item = ImpactReport.Affected(
          ref: entity.ref.short, kind: entity.ref.kind, distance: hops,
          risk: Self.round(risk.score), level: risk.level, riskParts: risk, because: because)
        if entity.ref.kind == "workflow" { workflows.append(item) } else { affected.append(item) }
      }
    }
    affected.sort(by: Self.byRisk)
    workflows.sort(by: Self.byRisk)
    checks.sort { ($0.risk, $1.ref) > ($1.risk, $0.ref) }
    let covered = coveredWorkflows(selected: checks)
    let uncovered = workflows.map(\.ref).filter { !covered.contains($0) }
    return ImpactReport(changed: changed, affected: affected, workflows: workflows,
                        checks: checks, uncovered: uncovered, unmapped: unmapped)
  }

  static func byRisk(_ a: ImpactReport.Affected, _ b: ImpactReport.Affected) -> Bool {
    if a.risk != b.risk { return a.risk > b.risk }
    if a.distance != b.distance { return a.distance < b.distance }
    return a.ref < b.ref
  }

  static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

  /// Workflows that at least one selected check covers directly.
  private func coveredWorkflows(selected: [ImpactReport.SelectedCheck]) -> Set<String> {
    var covered: Set<String> = []
    for check in selected {
      guard let id = graph.find(check.ref) else { continue }
      for (type, target) in graph.relations(from: id) where type == .covers {
        if graph[target].ref.kind == "workflow" { covered.insert(graph[target].ref.short) }
      }
    }
    return covered
  }
}

/// Graph-wide facts the risk parts need, computed once per report.
struct ScoringContext {
  let analyzer: ImpactAnalyzer
  let distance: [Int32: Int]
  let maxFanIn: Int

  init(analyzer: ImpactAnalyzer, distance: [Int32: Int]) {
    self.analyzer = analyzer
    self.distance = distance
    self.maxFanIn = analyzer.graph.maxDependents
  }

  var graph: SystemGraph { analyzer.graph }

  /// A workflow is as close to the change as its nearest affected step and carries the
  /// worst open incident among its affected steps, since it breaks when a step breaks.
  func risk(of id: Int32, distance hops: Int) -> RiskScore {
    guard graph[id].ref.kind == "workflow" else {
      return RiskScore(criticality: criticality(of: id), proximity: 1 / Double(1 + hops),
                       incidents: incidents(on: id), fanIn: fanIn(of: id),
                       history: history(of: id))
    }
    var worstIncident = 0.0
    for (type, step) in graph.relations(from: id) where type == .hasStep {
      if distance[step] != nil { worstIncident = max(worstIncident, incidents(on: step)) }
    }
    return RiskScore(criticality: criticality(of: id), proximity: 1 / Double(max(1, hops)),
                     incidents: max(worstIncident, incidents(on: id)), fanIn: 0,
                     history: history(of: id))
  }

  /// A check's risk is the highest risk among the reached entities it covers, with its own
  /// history in place of theirs.
  func checkRisk(_ id: Int32) -> RiskScore {
    var best = RiskScore()
    for (type, target) in graph.relations(from: id) where type == .covers {
      guard let hops = distance[target] else { continue }
      let candidate = risk(of: target, distance: hops)
      if candidate.score > best.score { best = candidate }
    }
    best.history = ownHistory(of: id)
    return best
  }

  private func criticality(of id: Int32) -> Double {
    let entity = graph[id]
    if entity.ref.kind == "workflow" {
      return RiskScore.criticalityWeight(entity.spec?["criticality"]?.string)
    }
    var best = 0.0
    for (type, source) in graph.relations(to: id) where type == .hasStep {
      guard distance[source] != nil else { continue }
      best = max(best, RiskScore.criticalityWeight(graph[source].spec?["criticality"]?.string))
    }
    return best
  }

  private func incidents(on id: Int32) -> Double {
    var worst = 0.0
    for (type, source) in graph.relations(to: id) where type == .affects {
      let spec = graph[source].spec
      let status = spec?["status"]?.string?.lowercased() ?? "open"
      guard status == "open" else { continue }
      worst = max(worst, RiskScore.severityWeight(spec?["severity"]?.string))
    }
    return worst
  }

  private func fanIn(of id: Int32) -> Double {
    guard maxFanIn > 0 else { return 0 }
    let degree = Double(graph.dependents.degree(of: id))
    return log2(1 + degree) / log2(1 + Double(maxFanIn))
  }

  private func history(of id: Int32) -> Double {
    var worst = 0.0
    for (type, source) in graph.relations(to: id) where type == .covers {
      worst = max(worst, ownHistory(of: source))
    }
    return worst
  }

  private func ownHistory(of id: Int32) -> Double {
    guard let record = analyzer.history[graph[id].ref.description] else { return 0 }
    return max(record.failureRate, record.flakeRate)
  }
}
