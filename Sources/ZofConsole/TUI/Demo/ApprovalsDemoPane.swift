/// Demo Approvals pane: a queue with approve and reject, both flagged as state-changing.
@MainActor
final class ApprovalsDemoPane: Pane {
  let title = "Approvals"
  let keyTable = KeyTable("Approvals", [
    KeyBinding([.character("a")], "approve the selected proposal", "approvals.approve",
               flags: .changesState, hint: "approve"),
    KeyBinding([.character("x")], "reject with a comment", "approvals.reject",
               flags: .changesState, hint: "reject"),
  ])

  private var table = TableView(columns: [
    .init("ID", width: .fixed(5)),
    .init("PROPOSAL", width: .flexible(minimum: 20)),
    .init("REQUESTER", width: .fixed(18)),
    .init("NEEDS", width: .fixed(11)),
    .init("STATE", width: .fixed(8)),
  ])
  private var shown = DemoData.approvals

  init() {
    applyFilter("")
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    buffer.box(region, title: "Approval queue")
    table.draw(into: &buffer, region: region.inset(by: 1))
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    switch action {
    case "approvals.approve":
      guard let id = selectedID else { return [.message(.warning, "no proposal selected")] }
      let prompt = PromptLine(question: "Approve \(id)?", kind: .confirm)
      return [.prompt(prompt) { _ in [.message(.info, "demo: \(id) would be approved")] }]
    case "approvals.reject":
      guard let id = selectedID else { return [.message(.warning, "no proposal selected")] }
      let prompt = PromptLine(question: "Reason for rejecting \(id)",
                              kind: .comment(required: true))
      return [.prompt(prompt) { reason in
        [.message(.info, "demo: \(id) would be rejected: \(reason)")]
      }]
    default:
      return table.handle(action) ? [.redraw] : nil
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    applyFilter(text)
    return [.redraw]
  }

  private var selectedID: String? {
    table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0].id : nil }
  }

  private func applyFilter(_ text: String) {
    shown = DemoData.approvals.filter {
      FilterMatch.matches(text, $0.id, $0.proposal, $0.requester, $0.state)
    }
    table.emptyText = "no proposal matches \"\(text)\""
    table.setRows(shown.map { approval in
      TableView.Row([
        .text(approval.id), .text(approval.proposal), .text(approval.requester, role: .muted),
        .text(approval.needed), .text(approval.state, role: DemoData.statusRole(approval.state)),
      ])
    })
  }
}
