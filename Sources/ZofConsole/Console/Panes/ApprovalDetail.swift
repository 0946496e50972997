import Foundation
import ZofCore

/// The text of one approval request: who is involved, the checklist for the current
/// identity, and the evidence JSON pretty-printed, with any diff shown as a diff.
enum ApprovalDetail {
  static func lines(for request: ApprovalRequest, checklist: Result<Decision, Error>,
                    identity: Identity) -> [TextPanel.Line] {
    var lines: [TextPanel.Line] = [
      TextPanel.Line("subject    \(request.subject)"),
      TextPanel.Line("kind       \(request.kind.rawValue)"
                       + (request.environment.map { " in \($0)" } ?? "")),
      TextPanel.Line("requester  \(request.requester)"),
      TextPanel.Line("proposer   \(request.proposer)"),
      TextPanel.Line("authors    " + list(request.changeAuthors)),
      TextPanel.Line("owners     " + list(request.owners)),
      TextPanel.Line("affected   " + list(request.affected)),
      TextPanel.Line("created    \(request.created)  expires \(request.expires)", .muted),
      TextPanel.Line(""),
    ]
    lines += checklistLines(checklist, identity: identity)
    lines.append(TextPanel.Line(""))
    lines += evidenceLines(request.evidence)
    return lines
  }

  private static func list(_ items: [String]) -> String {
    items.isEmpty ? "-" : items.joined(separator: ", ")
  }

  static func checklistLines(_ checklist: Result<Decision, Error>, identity: Identity)
    -> [TextPanel.Line]
  {
    switch checklist {
    case .failure(let error):
      return [TextPanel.Line("checklist unavailable: \(ConsoleErrorText.describe(error))",
                             .error)]
    case .success(let decision):
      let verdict = decision.allowed ? "may approve" : "may NOT approve"
      var lines = [TextPanel.Line("Checklist for \(identity.effective.id): \(verdict)",
                                  decision.allowed ? .ok : .failed)]
      for check in decision.checks {
        lines.append(TextPanel.Line("  [\(check.met ? "x" : " ")] \(check.name): \(check.reason)",
                                    check.met ? .ok : .failed))
      }
      return lines
    }
  }

  /// Formats the evidence pretty-printed, with a `diff` or `diffStat` member shown first
  /// and coloured as a diff.
  static func evidenceLines(_ json: String) -> [TextPanel.Line] {
    var lines = [TextPanel.Line("Evidence", .accent)]
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8),
                                                         options: [.fragmentsAllowed])
    else {
      lines.append(TextPanel.Line(json))
      return lines
    }
    if let members = object as? [String: Any] {
      for key in ["diffStat", "diff"] {
        guard let text = members[key] as? String else { continue }
        lines.append(TextPanel.Line("\(key):", .accent))
        lines += diffLines(text)
      }
    }
    let pretty = (try? JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed]))
      .map { String(decoding: $0, as: UTF8.self) } ?? json
    for line in pretty.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(TextPanel.Line(String(line), .muted))
    }
    return lines
  }

  static func diffLines(_ text: String) -> [TextPanel.Line] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let role: ThemeRole
      if line.hasPrefix("+++") || line.hasPrefix("---") {
        role = .accent
      } else if line.hasPrefix("+") {
        role = .ok
      } else if line.hasPrefix("-") {
        role = .failed
      } else if line.hasPrefix("@@") {
        role = .info
      } else {
        role = .text
      }
      return TextPanel.Line("  " + line, role)
    }
  }
}
