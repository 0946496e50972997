import Foundation
import ZofCore

/// `zof plan`: the checks a run would start, riskiest first, with fleets and budget.
enum PlanCommand {
  static let spec = CommandSpec(
    name: "plan", summary: "order the checks a change needs by risk and assign fleets",
    usage: "(--base REF [--head REF] | --paths PATH... | --check REF... | --all) "
      + "[--budget N] [--env ENV] [--json]",
    discussion: "Each check goes to the first fleet, by name, that serves its domain and may "
      + "run in the environment. Checks no fleet may run are listed as unassigned with the "
      + "reason; checks past the budget are listed as deferred.",
    options: PlanArguments.options + [.flag("--json", "print the plan as JSON")]
  ) { invocation in
    let result = try PlanArguments.plan(invocation, command: "plan")
    if invocation.json {
      try Console.json(encodable: result.plan)
      return ExitStatus.success
    }
    PlanPrinter.print(result.plan, change: result.change)
    return ExitStatus.success
  }
}

/// The human-readable plan.
enum PlanPrinter {
  static func print(_ plan: Plan, change: ChangeArguments?) {
    let source = change.map { "for \($0.description)" } ?? "(\(plan.selection))"
    Console.out("Plan \(source) in \(plan.environment): \(plan.selected.count) to run, "
                  + "\(plan.deferred.count) deferred, \(plan.unassigned.count) unassigned")
    Console.out("")
    if plan.selected.isEmpty { Console.out("  (no check to run)") }
    for (offset, item) in plan.selected.enumerated() {
      Console.out("  \(offset + 1). \(NumberText.fixed(item.risk, digits: 3))  "
                    + "\(item.ref)  -> fleet \(item.fleet ?? "?")")
      Console.out("     because \(item.because.joined(separator: " -> "))")
    }
    section("Deferred", plan.deferred)
    section("Unassigned (no fleet may run these)", plan.unassigned)
    section("Skipped (not for this environment)", plan.skipped)
    if !plan.uncovered.isEmpty {
      Console.out("")
      Console.out("Uncovered workflows: \(plan.uncovered.joined(separator: ", "))")
    }
  }

  private static func section(_ title: String, _ items: [Plan.Item]) {
    guard !items.isEmpty else { return }
    Console.out("")
    Console.out("\(title):")
    for item in items {
      Console.out("  \(item.ref): \(item.reason ?? "")")
    }
  }
}
