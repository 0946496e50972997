import Foundation
import ZofCore

/// Pending approval requests; for the selected one its people, the evidence (with a diff
/// preview when it carries one) and the separation-of-duties checklist for the current
/// identity. `a` approves and `x` rejects; the core decides and audits, and the pane shows
/// the outcome or the reasons for a refusal.
@MainActor
final class ApprovalsPane: Pane, StoreBackedPane {
  let title = "Approvals"
  let keyTable = KeyTable("Approvals", [
    KeyBinding([.character("a")], "approve the selected request (asks to confirm)",
               "approvals.approve", flags: .changesState, hint: "approve"),
    KeyBinding([.character("x")], "reject the selected request (comment required)",
               "approvals.reject", flags: .changesState, hint: "reject"),
    KeyBinding([.character("e")], "scroll the evidence instead of the list",
               "approvals.toggle-focus", hint: "evidence"),
  ])

  let context: ConsoleContext
  private var table = TableView(columns: [
    .init("ID", width: .fixed(12)),
    .init("KIND", width: .fixed(11)),
    .init("SUBJECT", width: .flexible(minimum: 12)),
    .init("ENV", width: .fixed(8)),
  ])
  private(set) var requests: [ApprovalRequest] = []
  private var shown: [ApprovalRequest] = []
  private var detail = TextPanel()
  private var detailID: String?
  /// False after a reload, so the detail is rebuilt even when no request is selected.
  private var detailCurrent = false
  private var detailFocused = false
  private var filter = ""
  var loadedGeneration = -1
  private var problem: String?

  init(context: ConsoleContext) {
    self.context = context
  }

  // MARK: - Pane

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    let (left, right) = region.splitLeft(max(40, region.width * 2 / 5))
    buffer.box(left, title: "Pending approvals (\(shown.count))")
    table.draw(into: &buffer, region: left.inset(by: 1), focused: !detailFocused)
    if !detailCurrent || selected?.id != detailID { rebuildDetail() }
    buffer.box(right, title: selected.map { "Request \($0.id)" } ?? "Request")
    detail.draw(into: &buffer, region: right.inset(by: 1))
    if let problem {
      buffer.text(problem, x: region.x + 2, y: region.maxY - 1, maxWidth: region.width - 4,
                  role: .error)
    }
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    switch action {
    case "approvals.approve":
      guard let id = selected?.id else { return [.message(.warning, "no request selected")] }
      return approvePrompt(id)
    case "approvals.reject":
      guard let id = selected?.id else { return [.message(.warning, "no request selected")] }
      return rejectPrompt(id)
    case "approvals.toggle-focus":
      detailFocused.toggle()
      return [.redraw]
    case .back where detailFocused:
      detailFocused = false
      return [.redraw]
    case .open:
      detailFocused = true
      return [.redraw]
    default:
      let handled = detailFocused ? detail.handle(action) : table.handle(action)
      return handled ? [.redraw] : nil
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    filter = text
    rebuildRows()
    return [.redraw]
  }

  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    do {
      requests = try context.session.approvals.requests(status: .pending)
      problem = nil
    } catch {
      problem = ConsoleErrorText.describe(error)
    }
    rebuildRows()
    detailCurrent = false
    return [.redraw]
  }

  // MARK: - Voting

  private func approvePrompt(_ id: String) -> [Reaction] {
    let confirm = PromptLine(question: "Approve \(id) as \(context.session.identity.effective.id)?",
                             kind: .confirm)
    return [.prompt(confirm) { [weak self] _ in
      let comment = PromptLine(question: "Comment for \(id) (optional, Enter to skip)",
                               kind: .comment(required: false))
      return [.prompt(comment) { text in
        self?.vote(.approve, id, comment: text.isEmpty ? nil : text) ?? []
      }]
    }]
  }

  private func rejectPrompt(_ id: String) -> [Reaction] {
    let prompt = PromptLine(question: "Reason for rejecting \(id)",
                            kind: .comment(required: true))
    return [.prompt(prompt) { [weak self] text in self?.vote(.reject, id, comment: text) ?? [] }]
  }

  /// Casts a vote through the core and words the outcome for the footer.
  func vote(_ choice: ApprovalVote.Choice, _ id: String, comment: String?) -> [Reaction] {
    guard !context.readOnly else {
      return [.message(.warning, "read-only mode: approving and rejecting are disabled")]
    }
    let session = context.session
    do {
      let outcome = choice == .approve
        ? try session.approvals.approve(requestID: id, by: session.identity, comment: comment)
        : try session.approvals.reject(requestID: id, by: session.identity, comment: comment)
      let followUp = try ApprovalHooks.afterDecision(outcome, session: session)
      context.invalidate()
      let seq = outcome.decision.auditSeq.map { " (audit event \($0))" } ?? ""
      guard outcome.decision.allowed else {
        return [.message(.error, "\(choice.rawValue) \(id) refused: "
                           + outcome.decision.reasons.joined(separator: "; ") + seq)]
      }
      return [.message(.info, "\(choice == .approve ? "approved" : "rejected") \(id): "
                         + "request is now \(outcome.request.status.rawValue)\(seq)"
                         + followUp.map { "; \($0)" }.joined())]
    } catch {
      return [.message(.error, ConsoleErrorText.describe(error))]
    }
  }

  // MARK: - Rows and detail

  var selected: ApprovalRequest? {
    table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0] : nil }
  }

  private func rebuildRows() {
    let previous = selected?.id
    shown = requests.filter {
      FilterMatch.matches(filter, $0.id, $0.kind.rawValue, $0.subject, $0.requester,
                          $0.proposer)
    }
    table.emptyText = filter.isEmpty ? "no pending requests" : "no request matches \"\(filter)\""
    table.setRows(shown.map { request in
      TableView.Row([
        .text(request.id), .text(request.kind.rawValue, role: .muted),
        .text(TerminalText.sanitize(request.subject)),
        .text(request.environment ?? "-", role: .muted),
      ])
    })
    if let previous, let index = shown.firstIndex(where: { $0.id == previous }) {
      table.select(index)
    }
  }

  private func rebuildDetail() {
    detailID = selected?.id
    detailCurrent = true
    guard let request = selected else {
      detail = TextPanel()
      detail.emptyText = "select a request to see its evidence and checklist"
      return
    }
    let checklist = Result {
      try context.session.approvals.checklist(requestID: request.id,
                                              for: context.session.identity)
    }
    detail = TextPanel(ApprovalDetail.lines(for: request, checklist: checklist,
                                            identity: context.session.identity))
  }
}
