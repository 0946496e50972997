import Foundation
import ZofCore

/// `zof impact`: what a change can break, with the chain that explains each item.
enum ImpactCommand {
  static let spec = CommandSpec(
    name: "impact", summary: "show what a change can break and which checks cover it",
    usage: "(--base REF [--head REF] | --paths PATH...) [--json] [--explain]",
    discussion: "Changed paths map to the components whose zof.dev/paths annotation "
      + "matches them (a changed catalog file maps to the entities it defines). Everything "
      + "that depends on those, the workflows they take part in and the checks covering "
      + "them are listed with the shortest chain from the change.",
    options: ChangeArguments.options + [
      .flag("--json", "print the report as JSON"),
      .flag("--explain", "print how the risk score is computed"),
    ]
  ) { invocation in
    if invocation.arguments.flag("--explain") && invocation.arguments.list("--paths").isEmpty
      && invocation.arguments.value("--base") == nil
    {
      Console.out(RiskScore.explanation)
      return ExitStatus.success
    }
    let change = try ChangeArguments.read(invocation, command: "impact")
    let loaded = try invocation.graph()
    let analyzer = ImpactAnalyzer(graph: loaded.graph,
                                  repositoryPath: try invocation.workspace().repositoryPath,
                                  history: try HistorySource.rates(invocation,
                                                                   graph: loaded.graph))
    let report = analyzer.analyze(paths: change.paths)
    invocation.logger().info("impact", [
      ("snapshot", loaded.snapshot.id), ("paths", change.paths.count),
      ("affected", report.affected.count), ("checks", report.checks.count),
    ])
    if invocation.json {
      try Console.json(encodable: report)
      return ExitStatus.success
    }
    ImpactPrinter.print(report, change: change, snapshot: loaded.snapshot.id)
    if invocation.arguments.flag("--explain") {
      Console.out("")
      Console.out(RiskScore.explanation)
    }
    return ExitStatus.success
  }
}

/// The human-readable impact report.
enum ImpactPrinter {
  static func print(_ report: ImpactReport, change: ChangeArguments, snapshot: Int64) {
    Console.out("Impact of \(change.paths.count) changed path(s) (\(change.description), "
                  + "graph snapshot \(snapshot))")
    Console.out("")
    Console.out("Changed")
    if report.changed.isEmpty { Console.out("  (no changed path maps to an entity)") }
    for item in report.changed {
      Console.out("  \(item.path) -> \(item.components.joined(separator: ", "))")
    }
    if !report.unmapped.isEmpty {
      Console.out("")
      Console.out("Unmapped: no entity owns these paths")
      for item in report.unmapped {
        let names = item.owners.joined(separator: " ")
        let owners = item.owners.isEmpty ? "" : "  (CODEOWNERS: \(names))"
        Console.out("  \(item.path)\(owners)")
      }
    }
    section("Affected entities", report.affected)
    section("Affected workflows", report.workflows)
    Console.out("")
    Console.out("Checks to run (\(report.checks.count))")
    if report.checks.isEmpty { Console.out("  (none)") }
    for check in report.checks {
      Console.out("  \(NumberText.fixed(check.risk, digits: 3))  \(pad(check.level, 9))"
                    + "\(check.ref)")
      Console.out("         because \(check.because.joined(separator: " -> "))")
    }
    if !report.uncovered.isEmpty {
      Console.out("")
      Console.out("Uncovered: affected workflows that no selected check covers")
      for ref in report.uncovered { Console.out("  \(ref)") }
    }
  }

  private static func section(_ title: String, _ items: [ImpactReport.Affected]) {
    Console.out("")
    Console.out("\(title) (\(items.count))")
    if items.isEmpty {
      Console.out("  (none)")
      return
    }
    Console.out("  RISK   LEVEL    DIST  ENTITY")
    for item in items {
      Console.out("  \(NumberText.fixed(item.risk, digits: 3))  \(pad(item.level, 9))"
                    + "\(pad(String(item.distance), 6))\(item.ref)")
      Console.out("         \(item.riskParts.partsText)")
      Console.out("         because \(item.because.joined(separator: " -> "))")
    }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
  }
}
