import Testing

@testable import ZofConsole

/// Widgets drawn into a text buffer and compared with stored screens.
@MainActor
struct WidgetScreenTests {
  nonisolated static let sizes = [(80, 24), (160, 50)]

  private func table() -> TableView {
    var table = TableView(columns: [
      .init("RUN", width: .fixed(7)),
      .init("WORKFLOW", width: .flexible(minimum: 10)),
      .init("STATUS", width: .fixed(8)),
      .init("PROGRESS", width: .fixed(14)),
      .init("TIME", width: .fixed(6), alignRight: true),
    ])
    var rows: [TableView.Row] = []
    for number in 1...40 {
      let workflow = number % 7 == 0 ? "部分返金-refund" : "checkout"
      let status = number % 5 == 0 ? "failed" : "ok"
      let fraction = Double(number % 11) / 10
      let cells: [TableView.Content] = [
        .text("r-\(1000 + number)"), .text(workflow), .text(status), .progress(fraction),
        .text("\(number)s"),
      ]
      rows.append(TableView.Row(cells))
    }
    table.setRows(rows)
    return table
  }

  @Test(arguments: sizes)
  func tableScrolledToSelection(width: Int, height: Int) {
    var view = table()
    for _ in 0..<30 { _ = view.handle(.moveDown) }
    var buffer = CellBuffer(width: width, height: height)
    view.draw(into: &buffer, region: buffer.bounds)
    ScreenSnapshot.assertMatches(buffer, named: "table-\(width)x\(height)")
    #expect(view.selectedIndex == 30)
  }

  @Test func emptyTableShowsEmptyText() {
    var view = TableView(columns: [.init("NAME", width: .flexible(minimum: 4))])
    view.emptyText = "no entity matches \"zzz\""
    var buffer = CellBuffer(width: 30, height: 3)
    view.draw(into: &buffer, region: buffer.bounds)
    #expect(TextBackend.trimmedLines(of: buffer) == [" NAME", " no entity matches \"zzz\"", ""])
  }

  private func tree() -> TreeView {
    TreeView(roots: [
      .init("payments-api", children: [
        .init("serde-core"),
        .init("ledger", children: [.init("serde-core"), .init("postgres-main")]),
        .init("fraud-check", children: [.init("serde-core")]),
      ]),
      .init("refunds", children: [.init("ledger", children: [.init("serde-core")])]),
    ], expandedDepth: 2)
  }

  @Test(arguments: sizes)
  func treeWithGuides(width: Int, height: Int) {
    var view = tree()
    var buffer = CellBuffer(width: width, height: height)
    view.draw(into: &buffer, region: buffer.bounds)
    ScreenSnapshot.assertMatches(buffer, named: "tree-\(width)x\(height)")
  }

  @Test func treeExpandsAndCollapses() {
    var view = tree()
    let initial = view.lines.count
    _ = view.handle(.moveDown)
    _ = view.handle(.moveDown)
    #expect(view.selectedLine?.node.id == "ledger")
    _ = view.handle(.collapse)
    #expect(view.lines.count == initial - 2)
    _ = view.handle(.expand)
    #expect(view.lines.count == initial)
    _ = view.handle(.moveDown)
    _ = view.handle(.collapse)
    #expect(view.selectedLine?.node.id == "ledger")
  }

  private func log(lines count: Int) -> LogView {
    var view = LogView()
    for number in 1...count {
      view.append("line \(number): \u{1B}[32mok\u{1B}[0m\tdone", role: .text)
    }
    return view
  }

  @Test(arguments: sizes)
  func logFollowsTheEnd(width: Int, height: Int) {
    var view = log(lines: 100)
    var buffer = CellBuffer(width: width, height: height)
    view.draw(into: &buffer, region: buffer.bounds)
    ScreenSnapshot.assertMatches(buffer, named: "log-follow-\(width)x\(height)")
  }

  @Test func logScrollUpStopsFollowing() {
    var view = log(lines: 50)
    var buffer = CellBuffer(width: 50, height: 11)
    view.draw(into: &buffer, region: buffer.bounds)
    #expect(view.isFollowing)
    #expect(view.top == 40)
    _ = view.handle(.moveUp)
    view.append("new line")
    view.draw(into: &buffer, region: buffer.bounds)
    #expect(!view.isFollowing)
    #expect(view.top == 39)
    #expect(TextBackend.trimmedLines(of: buffer).last == " lines 40-49 of 51  [paused, G to follow]")
    _ = view.handle(.moveBottom)
    view.append("another line")
    view.draw(into: &buffer, region: buffer.bounds)
    #expect(view.isFollowing)
    #expect(view.top == 42)
  }

  @Test func logDropsOldestBeyondCapacity() {
    var view = LogView(capacity: 3)
    view.append("a\nb\nc\nd")
    #expect(view.lines.map(\.text) == ["b", "c", "d"])
  }

  @Test func progressBarWidths() {
    let cases: [(Double, Int, String)] = [
      (0, 10, "░░░░░   0%"), (0.5, 10, "██░░░  50%"), (1, 10, "█████ 100%"),
      (2, 10, "█████ 100%"), (-1, 10, "░░░░░   0%"), (.nan, 10, "░░░░░   0%"),
      (0.42, 4, "42%"), (0.42, 0, ""),
    ]
    for (fraction, width, expected) in cases {
      var buffer = CellBuffer(width: 10, height: 1)
      ProgressBar(fraction: fraction).draw(into: &buffer, x: 0, y: 0, width: width)
      #expect(TextBackend.trimmedLines(of: buffer) == [expected], "fraction \(fraction)")
    }
  }

  @Test func confirmPromptAcceptsYes() {
    var prompt = PromptLine(question: "Approve p-17?", kind: .confirm)
    #expect(prompt.handle(.character("z")) == .editing)
    var buffer = CellBuffer(width: 60, height: 1)
    prompt.draw(into: &buffer, x: 0, y: 0, width: 60)
    #expect(TextBackend.trimmedLines(of: buffer) == [
      "Approve p-17? [y/n] press y to confirm or n to cancel",
    ])
    #expect(prompt.handle(.character("y")) == .submitted("yes"))
  }

  @Test func commentPromptRequiresText() {
    var prompt = PromptLine(question: "Reason", kind: .comment(required: true))
    #expect(prompt.handle(.enter) == .editing)
    #expect(prompt.problem == "a comment is required")
    for character in "flaky test" { _ = prompt.handle(.character(character)) }
    var buffer = CellBuffer(width: 40, height: 1)
    prompt.draw(into: &buffer, x: 0, y: 0, width: 40)
    #expect(TextBackend.trimmedLines(of: buffer) == ["Reason: flaky test"])
    #expect(buffer[18, 0].attributes == .reverse)
    #expect(prompt.handle(.enter) == .submitted("flaky test"))
    #expect(prompt.handle(.escape) == .cancelled)
  }

  @Test func widgetsSurviveTinyRegions() {
    for (width, height) in [(0, 0), (1, 1), (3, 2), (1, 40)] {
      var buffer = CellBuffer(width: width, height: height)
      var tableView = table()
      tableView.draw(into: &buffer, region: buffer.bounds)
      var treeView = tree()
      treeView.draw(into: &buffer, region: buffer.bounds)
      var logView = log(lines: 3)
      logView.draw(into: &buffer, region: buffer.bounds)
      ProgressBar(fraction: 0.5).draw(into: &buffer, x: 0, y: 0, width: width)
      LineEditor(text: "abc").draw(into: &buffer, x: 0, y: 0, width: width, prompt: ":")
      #expect(TextBackend.lines(of: buffer).count == height)
    }
  }
}
