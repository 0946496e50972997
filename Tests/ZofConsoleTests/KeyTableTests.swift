import Testing

@testable import ZofConsole

struct KeyTableTests {
  static let table = KeyTable("Approvals", [
    KeyBinding([.character("a")], "approve", "approvals.approve", flags: .changesState,
               hint: "approve"),
    KeyBinding([.character("d"), .enter], "show the diff", "approvals.diff", hint: "diff"),
    KeyBinding([.control("r")], "refresh the queue", "approvals.refresh"),
  ])

  @Test func lookupFindsAction() {
    #expect(Self.table.lookup(.enter, readOnly: false) == .action("approvals.diff"))
    #expect(Self.table.lookup(.character("a"), readOnly: false) == .action("approvals.approve"))
    #expect(Self.table.lookup(.character("z"), readOnly: false) == .unbound)
  }

  @Test func readOnlyRejectsStateChanges() {
    #expect(Self.table.lookup(.character("a"), readOnly: true)
      == .rejected(description: "approve", key: .character("a")))
    #expect(Self.table.lookup(.character("d"), readOnly: true) == .action("approvals.diff"))
  }

  @Test func hintsDropStateChangesInReadOnly() {
    #expect(Self.table.hints(readOnly: false) == ["a approve", "d diff"])
    #expect(Self.table.hints(readOnly: true) == ["d diff"])
  }

  @Test func helpScreenListsEveryBinding() {
    let lines = HelpScreen.lines(for: [Self.table], readOnly: false)
    #expect(lines == [
      "Approvals",
      "  a        approve *",
      "  d/Enter  show the diff",
      "  Ctrl-R   refresh the queue",
      "",
      "* changes state; not available in read-only mode",
    ])
  }

  @Test func readOnlyHelpDropsStateChanges() {
    let lines = HelpScreen.lines(for: [Self.table], readOnly: true)
    #expect(lines == [
      "Read-only mode: actions that change state are hidden.",
      "",
      "Approvals",
      "  d/Enter  show the diff",
      "  Ctrl-R   refresh the queue",
    ])
  }

  @Test func globalTableSwitchesPanes() {
    let global = KeyTable.global(paneTitles: ["Graph", "Runs", "Approvals"])
    #expect(global.lookup(.character("3"), readOnly: false) == .action(.showPane(3)))
    #expect(global.lookup(.character("4"), readOnly: false) == .unbound)
    #expect(ActionID.showPane(3).paneNumber == 3)
  }

  @Test func keyNames() {
    let names = [Key.character("j"), .character(" "), .control("l"), .pageDown, .backTab,
                 .function(1)].map(\.description)
    #expect(names == ["j", "Space", "Ctrl-L", "PgDn", "Shift-Tab", "F1"])
  }
}
