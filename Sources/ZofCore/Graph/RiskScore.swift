/// A risk score in [0, 1] with the parts it was computed from.
///
/// score = 0.35 × criticality + 0.25 × proximity + 0.15 × incidents + 0.10 × fan-in
///       + 0.15 × history
///
/// - criticality: the highest criticality among the affected workflows the entity is a step
///   of (critical 1, high 0.75, medium 0.5, low 0.25, none 0); a workflow uses its own.
/// - proximity: 1 / (1 + distance), where distance counts relations from the change; a
///   workflow uses the distance of its nearest affected step.
/// - incidents: the most severe open incident on the entity, or for a workflow on any of its
///   affected steps (sev1 1, sev2 0.7, sev3 0.4, sev4 0.2, none 0).
/// - fan-in: log2(1 + direct dependents) / log2(1 + the largest count in the graph).
/// - history: the higher of the failure rate and the flake rate of the checks covering the
///   entity over their recent attempts (0 until runs exist).
///
/// The weights sum to 1 and every part lies in [0, 1], so the score does too.
public struct RiskScore: Sendable, Equatable, Codable {
  public var criticality: Double
  public var proximity: Double
  public var incidents: Double
  public var fanIn: Double
  public var history: Double

  public static let weights = (criticality: 0.35, proximity: 0.25, incidents: 0.15,
                               fanIn: 0.10, history: 0.15)

  public init(criticality: Double = 0, proximity: Double = 0, incidents: Double = 0,
              fanIn: Double = 0, history: Double = 0) {
    self.criticality = criticality
    self.proximity = proximity
    self.incidents = incidents
    self.fanIn = fanIn
    self.history = history
  }

  public var score: Double {
    let w = Self.weights
    let total = w.criticality * criticality + w.proximity * proximity + w.incidents * incidents
      + w.fanIn * fanIn + w.history * history
    return min(1, max(0, total))
  }

  /// The level used for colours and labels.
  public var level: String {
    switch score {
    case 0.75...: "critical"
    case 0.5..<0.75: "high"
    case 0.25..<0.5: "medium"
    default: "low"
    }
  }

  /// The parts as people read them: `crit 1.00 prox 0.50 inc 0.00 fan 0.63 hist 0.00`.
  public var partsText: String {
    [("crit", criticality), ("prox", proximity), ("inc", incidents), ("fan", fanIn),
     ("hist", history)]
      .map { "\($0.0) \(NumberText.fixed($0.1, digits: 2))" }
      .joined(separator: " ")
  }

  public static func criticalityWeight(_ text: String?) -> Double {
    switch text?.lowercased() {
    case "critical": 1
    case "high": 0.75
    case "medium": 0.5
    case "low": 0.25
    default: 0
    }
  }

  public static func severityWeight(_ text: String?) -> Double {
    switch text?.lowercased() {
    case "sev1": 1
    case "sev2": 0.7
    case "sev3": 0.4
    case "sev4": 0.2
    default: 0
    }
  }

  /// The text `zof impact --explain` prints.
  public static let explanation = """
    risk = 0.35 x criticality + 0.25 x proximity + 0.15 x incidents + 0.10 x fan-in
         + 0.15 x history, each part in [0, 1]:
      criticality  highest criticality of affected workflows the entity is a step of
                   (critical 1, high 0.75, medium 0.5, low 0.25, none 0)
      proximity    1 / (1 + distance from the change, in relations); a workflow
                   counts from its nearest affected step
      incidents    most severe open incident on it, or on an affected step of a workflow
                   (sev1 1, sev2 0.7, sev3 0.4, sev4 0.2)
      fan-in       log2(1 + direct dependents) / log2(1 + largest count in the graph)
      history      higher of failure rate and flake rate of its checks' recent attempts
    levels: critical >= 0.75, high >= 0.5, medium >= 0.25, low below
    """
}

import Foundation
