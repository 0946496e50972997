import Foundation

/// The Markdown evidence summary written beside an approved fix's patch, suitable as a
/// pull request body.
struct ProposalSummary {
  var proposal: Proposal
  var request: ApprovalRequest

  var markdown: String {
    let evidence = (try? JSONSerialization.jsonObject(with: Data(proposal.evidence.utf8)))
      as? [String: Any] ?? [:]
    let failure = evidence["failure"] as? [String: Any] ?? [:]
    let tests = failure["failingTests"] as? [[String: Any]] ?? []
    var lines = [
      "# Fix \(proposal.checkRef)", "",
      "Proposed by `\(proposal.actor.id)` for `\(proposal.startedBy)`, approved in request "
        + "`\(request.id)`.", "",
      "## Failure", "",
      "- run \(proposal.runID): `\(proposal.checkRef)` \(failure["status"] as? String ?? "")",
      "- commit: `\(proposal.baseCommit ?? "")`",
    ]
    for test in tests {
      lines.append("- failing test `\(test["name"] as? String ?? "")`: "
                     + "\(test["message"] as? String ?? "")")
    }
    if let bisect = evidence["bisect"] as? [String: Any] {
      lines += ["", "## Bisect", "",
                "First bad commit `\(bisect["firstBad"] as? String ?? "")` by "
                  + "\(bisect["author"] as? String ?? "") "
                  + "<\(bisect["authorEmail"] as? String ?? "")>: "
                  + "\(bisect["subject"] as? String ?? "")"]
    }
    lines += ["", "## Validation", "",
              "Run \(proposal.validationRunID.map(String.init) ?? "none") "
                + "\(proposal.validationStatus ?? "")."]
    if let validation = evidence["validation"] as? [String: Any],
       let checks = validation["checks"] as? [String: String]
    {
      lines.append("")
      for (check, status) in checks.sorted(by: { $0.key < $1.key }) {
        lines.append("- `\(check)`: \(status)")
      }
    }
    lines += ["", "## Change", "", "Branch `\(proposal.branch ?? "")`.", "", "```",
              proposal.diffStat.trimmingCharacters(in: .newlines), "```", ""]
    return lines.joined(separator: "\n")
  }
}
