import Foundation
import ZofCore

/// One run's planned checks: status, the fleet worker of the last attempt, how many
/// attempts ran and how long they took, with the selected check's plan reason below.
struct RunChecksView {
  /// A planned check with what its attempts add.
  struct Row: Sendable {
    var checkRef: String
    var status: String
    var worker: String
    var attempts: Int
    var seconds: Double
    var because: String
  }

  private(set) var run: RunRecord
  private(set) var rows: [Row] = []
  private var table = TableView(columns: [
    .init("CHECK", width: .flexible(minimum: 16)),
    .init("STATUS", width: .fixed(10)),
    .init("WORKER", width: .flexible(minimum: 10)),
    .init("TRIES", width: .fixed(5), alignRight: true),
    .init("TIME", width: .fixed(7), alignRight: true),
  ])
  let clock: () -> Date

  init(run: RunRecord, store: Store, clock: @escaping () -> Date) throws {
    self.run = run
    self.clock = clock
    try reload(store: store)
  }

  var selectedCheck: Row? {
    table.selectedIndex.flatMap { rows.indices.contains($0) ? rows[$0] : nil }
  }

  mutating func reload(store: Store) throws {
    run = try store.runs.run(run.id) ?? run
    let attempts = try store.runs.attempts(run: run.id)
    let byCheck = Dictionary(grouping: attempts, by: \.checkRef)
    rows = try store.runs.runChecks(run.id).map { check in
      let tries = byCheck[check.checkRef] ?? []
      return Row(checkRef: check.checkRef, status: check.status.rawValue,
                 worker: tries.last?.worker ?? "", attempts: tries.count,
                 seconds: tries.compactMap(\.duration).reduce(0, +), because: check.because)
    }
    table.emptyText = "the run planned no checks"
    table.setRows(rows.map { row in
      TableView.Row([
        .text(EntityRef(parsing: row.checkRef)?.short ?? row.checkRef),
        .text(row.status, role: RunStatusStyle.role(row.status)),
        .text(row.worker, role: .muted),
        .text(String(row.attempts)),
        .text(row.attempts == 0 ? "" : DurationText.format(row.seconds), role: .muted),
      ])
    })
  }

  mutating func handle(_ action: ActionID) -> Bool { table.handle(action) }

  mutating func draw(into buffer: inout CellBuffer, region: Rect) {
    let (top, bottom) = region.splitBottom(min(6, max(3, region.height / 4)))
    let time = RunStatusStyle.duration(from: run.createdAt, to: run.finishedAt, now: clock())
    let title = "Run \(run.id) \(run.status.rawValue) \(time) · \(run.trigger) · "
      + "by \(run.actor)"
    buffer.box(top, title: TerminalText.sanitize(title))
    table.draw(into: &buffer, region: top.inset(by: 1))
    buffer.box(bottom, title: "Why planned")
    var panel = TextPanel()
    if let check = selectedCheck {
      panel.append(check.because.isEmpty ? "named on the command line" : check.because)
      panel.append("Enter opens the last attempt's log", role: .muted)
    }
    panel.draw(into: &buffer, region: bottom.inset(by: 1))
  }
}
