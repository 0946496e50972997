import Foundation
import ZofCore

/// Runs, newest first, live: Enter drills into a run's checks, then into one attempt with
/// its log in follow mode, its parsed test cases and the repro command. Esc or q backs out
/// one level.
@MainActor
final class RunsPane: Pane, StoreBackedPane {
  /// The depth the user has drilled to.
  enum Level {
    case runs
    case checks(RunChecksView)
    case attempt(RunChecksView, AttemptView)
  }

  let title = "Runs"
  let keyTable = KeyTable("Runs", [
    KeyBinding([.character("[")], "show the previous attempt of the check", "runs.previous"),
    KeyBinding([.character("]")], "show the next attempt of the check", "runs.next"),
    KeyBinding([.character("t")], "move between the log and the test cases",
               "runs.toggle-focus", hint: "tests"),
  ])

  let context: ConsoleContext
  /// The newest runs loaded; older ones are not listed.
  static let listLimit = 500
  private(set) var level = Level.runs
  private var table = TableView(columns: [
    .init("RUN", width: .fixed(5), alignRight: true),
    .init("STATUS", width: .fixed(11)),
    .init("PROGRESS", width: .flexible(minimum: 12)),
    .init("DONE", width: .fixed(7), alignRight: true),
    .init("FAIL", width: .fixed(4), alignRight: true),
    .init("FLAKY", width: .fixed(5), alignRight: true),
    .init("TIME", width: .fixed(7), alignRight: true),
    .init("TRIGGER", width: .flexible(minimum: 12)),
  ])
  private(set) var runs: [RunOverview] = []
  private var shown: [RunOverview] = []
  private var filter = ""
  var loadedGeneration = -1
  private var problem: String?
  let clock: () -> Date

  init(context: ConsoleContext, clock: @escaping () -> Date = Date.init) {
    self.context = context
    self.clock = clock
  }

  // MARK: - Pane

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    switch level {
    case .runs:
      let active = context.activeRuns.isEmpty ? "" : ", \(context.activeRuns.count) started here"
      buffer.box(region, title: "Runs (\(shown.count)\(active))")
      table.draw(into: &buffer, region: region.inset(by: 1))
    case .checks(var view):
      view.draw(into: &buffer, region: region)
      level = .checks(view)
    case .attempt(let checks, var view):
      view.draw(into: &buffer, region: region)
      level = .attempt(checks, view)
    }
    if let problem {
      buffer.text(problem, x: region.x + 2, y: region.maxY - 1, maxWidth: region.width - 4,
                  role: .error)
    }
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    switch level {
    case .runs: return handleList(action)
    case .checks(var view): return handleChecks(action, view: &view)
    case .attempt(let checks, var view):
      if action == .back {
        level = .checks(checks)
        return [.redraw]
      }
      let reactions = view.handle(action, store: context.store)
      level = .attempt(checks, view)
      return reactions
    }
  }

  private func handleList(_ action: ActionID) -> [Reaction]? {
    guard action == .open else { return table.handle(action) ? [.redraw] : nil }
    guard let run = selectedRun else { return [.message(.warning, "no run selected")] }
    return load { level = .checks(try RunChecksView(run: run.run, store: context.store,
                                                    clock: clock)) }
  }

  private func handleChecks(_ action: ActionID, view: inout RunChecksView) -> [Reaction]? {
    switch action {
    case .back:
      level = .runs
      return [.redraw]
    case .open:
      guard let check = view.selectedCheck else {
        return [.message(.warning, "no check selected")]
      }
      let checks = view
      return load {
        let attempt = try AttemptView(run: checks.run, check: check.checkRef,
                                      store: context.store)
        level = .attempt(checks, attempt)
      }
    default:
      let handled = view.handle(action)
      level = .checks(view)
      return handled ? [.redraw] : nil
    }
  }

  private func load(_ body: () throws -> Void) -> [Reaction] {
    do {
      try body()
      return [.redraw]
    } catch {
      return [.message(.error, ConsoleErrorText.describe(error))]
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    filter = text
    rebuildRows()
    return [.redraw]
  }

  /// Reloads the level on screen; a log in follow mode reads only the new chunks.
  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    do {
      runs = try context.store.runs.runOverviews(limit: Self.listLimit)
      rebuildRows()
      switch level {
      case .runs: break
      case .checks(var view):
        try view.reload(store: context.store)
        level = .checks(view)
      case .attempt(var checks, var view):
        try checks.reload(store: context.store)
        try view.reload(store: context.store)
        level = .attempt(checks, view)
      }
      problem = nil
    } catch {
      problem = ConsoleErrorText.describe(error)
    }
    return [.redraw]
  }

  // MARK: - Rows

  /// Shows the run list with `id` selected, such as a run just started from `:run`.
  func showRun(_ id: Int64) {
    level = .runs
    _ = reload()
    if let index = shown.firstIndex(where: { $0.run.id == id }) { table.select(index) }
  }

  var selectedRun: RunOverview? {
    table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0] : nil }
  }

  private func rebuildRows() {
    let previous = selectedRun?.run.id
    shown = runs.filter { overview in
      FilterMatch.matches(filter, String(overview.run.id), overview.run.status.rawValue,
                          overview.run.trigger, overview.run.actor)
    }
    table.emptyText = filter.isEmpty
      ? "no runs yet; start one with :run --base HEAD~1" : "no run matches \"\(filter)\""
    let now = clock()
    table.setRows(shown.map { row(for: $0, now: now) })
    if let previous, let index = shown.firstIndex(where: { $0.run.id == previous }) {
      table.select(index)
    }
  }

  private func row(for overview: RunOverview, now: Date) -> TableView.Row {
    let run = overview.run
    let fraction = overview.total == 0 ? 1 : Double(overview.done) / Double(overview.total)
    let time = RunStatusStyle.duration(from: run.createdAt, to: run.finishedAt, now: now)
    return TableView.Row([
      .text(String(run.id)),
      .text(run.status.rawValue, role: RunStatusStyle.role(run.status.rawValue)),
      .progress(fraction),
      .text("\(overview.done)/\(overview.total)"),
      .text(String(overview.failed), role: overview.failed > 0 ? .failed : .muted),
      .text(String(overview.flaky), role: overview.flaky > 0 ? .flaky : .muted),
      .text(time, role: .muted),
      .text(TerminalText.sanitize(run.trigger)),
    ])
  }
}
