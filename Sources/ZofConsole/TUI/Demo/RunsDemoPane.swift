import Foundation

/// Demo Runs pane: a run table with progress bars over the log of the selected run.
///
/// With `live` set, `tick` advances the running run and appends log lines, so follow
/// mode can be watched; tests use fixed data.
@MainActor
final class RunsDemoPane: Pane {
  let title = "Runs"
  let keyTable = KeyTable("Runs", [
    KeyBinding([.character("L")], "focus the log / the run list", "runs.toggle-log",
               hint: "log"),
    KeyBinding([.character("x")], "rerun the selected run", "runs.rerun",
               flags: .changesState, hint: "rerun"),
  ])

  private var runs = DemoData.runs
  private var table = TableView(columns: [
    .init("RUN", width: .fixed(7)),
    .init("WORKFLOW", width: .flexible(minimum: 14)),
    .init("STATUS", width: .fixed(8)),
    .init("PROGRESS", width: .fixed(16)),
    .init("TIME", width: .fixed(7), alignRight: true),
  ])
  private var log = LogView()
  private var logRunID: String?
  private var filter = ""
  private var logFocused = false
  private let live: Bool
  private var ticks = 0

  init(live: Bool) {
    self.live = live
    refreshRows()
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    let (top, bottom) = region.splitTop(max(6, region.height / 2))
    buffer.box(top, title: "Runs")
    table.draw(into: &buffer, region: top.inset(by: 1), focused: !logFocused)
    syncLog()
    buffer.box(bottom, title: "Log \(logRunID ?? "")")
    log.draw(into: &buffer, region: bottom.inset(by: 1))
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    switch action {
    case "runs.toggle-log", .open:
      logFocused.toggle()
      return [.redraw]
    case .back where logFocused:
      logFocused = false
      return [.redraw]
    case "runs.rerun":
      return rerunPrompt()
    default:
      let handled = logFocused ? log.handle(action) : table.handle(action)
      return handled ? [.redraw] : nil
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    filter = text
    refreshRows()
    return [.redraw]
  }

  func tick() -> [Reaction] {
    guard live else { return [] }
    ticks += 1
    guard ticks % 10 == 0, let index = runs.firstIndex(where: { $0.status == "running" }) else {
      return []
    }
    runs[index].progress = min(1, runs[index].progress + 0.01)
    let line = "step output \(ticks / 10) at \(Int(runs[index].progress * 100))%"
    runs[index].log.append(line)
    if logRunID == runs[index].id { log.append(line) }
    refreshRows()
    return [.redraw]
  }

  private var shownRuns: [DemoData.Run] {
    runs.filter { FilterMatch.matches(filter, $0.id, $0.workflow, $0.status) }
  }

  private func refreshRows() {
    table.emptyText = "no run matches \"\(filter)\""
    table.setRows(shownRuns.map { run in
      TableView.Row([
        .text(run.id), .text(run.workflow),
        .text(run.status, role: DemoData.statusRole(run.status)),
        .progress(run.progress), .text(run.duration, role: .muted),
      ])
    })
  }

  private func syncLog() {
    let shown = shownRuns
    let run = table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0] : nil }
    guard run?.id != logRunID else { return }
    logRunID = run?.id
    log = LogView()
    for line in run?.log ?? [] {
      log.append(line, role: line.hasPrefix("✘") ? .failed : .text)
    }
  }

  private func rerunPrompt() -> [Reaction] {
    guard let index = table.selectedIndex, shownRuns.indices.contains(index) else {
      return [.message(.warning, "no run selected")]
    }
    let id = shownRuns[index].id
    let prompt = PromptLine(question: "Rerun \(id)?", kind: .confirm)
    return [.prompt(prompt) { _ in [.message(.info, "demo: \(id) would be queued again")] }]
  }
}
