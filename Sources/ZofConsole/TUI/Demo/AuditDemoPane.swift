/// Demo Audit pane: audit events in a log view, filtered line by line.
@MainActor
final class AuditDemoPane: Pane {
  let title = "Audit"
  let keyTable = KeyTable("Audit", [])
  private var log = LogView()

  init() {
    applyFilter("")
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    buffer.box(region, title: "Audit chain: verified through #1205")
    log.draw(into: &buffer, region: region.inset(by: 1))
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    log.handle(action) ? [.redraw] : nil
  }

  func setFilter(_ text: String) -> [Reaction] {
    applyFilter(text)
    return [.redraw]
  }

  private func applyFilter(_ text: String) {
    log.removeAll()
    for event in DemoData.auditEvents where FilterMatch.matches(text, event) {
      log.append(event)
    }
  }
}
