import Foundation
import ZofCore

/// `zof readiness` and `zof signoff`.
enum ReadinessCommand {
  static let spec = CommandSpec(
    name: "readiness", summary: "say whether a ref is ready for an environment, and why",
    usage: "--ref REF --env ENV [--json]",
    discussion: "Evaluates the policy's spec.readiness criteria for ENV (or Zof's defaults, "
      + "which it names) with the evidence behind each: run ids, incidents, proposals, "
      + "quarantines, who signed off. Exit status 0 ready, 1 not ready.",
    options: [
      .value("--ref", "REF", "the git revision to release", default: "HEAD"),
      .value("--env", "ENV", "the environment to release to",
             default: "`environment` in zof.yaml"),
      .flag("--json", "print the report as JSON"),
    ]
  ) { invocation in
    let session = try invocation.session()
    let ref = invocation.arguments.value("--ref") ?? "HEAD"
    let environment = invocation.arguments.value("--env") ?? session.workspace.config.environment
    let evaluator = ReadinessEvaluator(session: session)
    let report = try evaluator.evaluate(ref: ref, environment: environment)
    try evaluator.recordReady(report)
    if invocation.json {
      try Console.json(encodable: report)
    } else {
      print(report)
    }
    return report.ready ? ExitStatus.success : ExitStatus.gateFailed
  }

  static func print(_ report: ReadinessReport) {
    Console.out("\(report.ref) (\(report.commit.prefix(12))) for \(report.environment): "
                  + (report.ready ? "READY" : "NOT READY"))
    if report.defaults {
      Console.out("(the policy lists no readiness criteria for \(report.environment); "
                    + "these are Zof's defaults)")
    }
    if let last = report.lastReady { Console.out("changes counted since \(last.prefix(12))") }
    for item in report.items {
      Console.out("  [\(item.met ? "x" : " ")] \(item.criterion): \(item.detail)")
      for evidence in item.evidence { Console.out("        \(evidence)") }
    }
  }

  static let signoffSpec = CommandSpec(
    name: "signoff", summary: "sign off a ref for an environment, if the policy allows you",
    usage: "--ref REF --env ENV [--comment TEXT] [--json]",
    discussion: "Signs the release request for the ref's commit and environment, creating it "
      + "on first use. It goes through the policy's release.signoff rule like any approval: "
      + "the authors of the commits since the last ready ref may not sign off.",
    options: [
      .value("--ref", "REF", "the git revision to release", default: "HEAD"),
      .value("--env", "ENV", "the environment to release to",
             default: "`environment` in zof.yaml"),
      .value("--comment", "TEXT", "a note kept with the sign-off"),
      .flag("--json", "print the outcome as JSON"),
    ]
  ) { invocation in
    let session = try invocation.session()
    let ref = invocation.arguments.value("--ref") ?? "HEAD"
    let environment = invocation.arguments.value("--env") ?? session.workspace.config.environment
    let request = try ReleaseRequests(session: session).request(ref: ref,
                                                                 environment: environment)
    let outcome = try session.approvals.approve(requestID: request.id, by: session.identity,
                                                comment: invocation.arguments.value("--comment"))
    if invocation.json {
      var row = ApprovalsCommand.requestJSON(outcome.request)
      row["allowed"] = outcome.decision.allowed
      row["reasons"] = outcome.decision.reasons
      try Console.json(row)
      return outcome.decision.allowed ? ExitStatus.success : ExitStatus.gateFailed
    }
    guard outcome.decision.allowed else {
      Console.error("zof: refused: sign-off of \(ref) for \(environment) as \(session.identity)")
      for reason in outcome.decision.reasons { Console.error("  - \(reason)") }
      return ExitStatus.gateFailed
    }
    Console.out("signed off \(ref) for \(environment) as \(session.identity); request "
                  + "\(request.id) is \(outcome.request.status.rawValue)")
    return ExitStatus.success
  }
}
