import Testing

@testable import ZofConsole

struct LineEditorTests {
  private func type(_ text: String, into editor: inout LineEditor) {
    for character in text { editor.handle(.character(character)) }
  }

  @Test func editsAtCursor() {
    var editor = LineEditor()
    type("thme", into: &editor)
    editor.handle(.left)
    editor.handle(.left)
    type("e", into: &editor)
    #expect(editor.text == "theme")
    editor.handle(.end)
    editor.handle(.backspace)
    #expect(editor.text == "them")
    editor.handle(.home)
    editor.handle(.delete)
    #expect(editor.text == "hem")
  }

  @Test func historyBrowsesAndRestoresDraft() {
    var editor = LineEditor(history: ["theme light", "rerun r-1"])
    type("dra", into: &editor)
    editor.handle(.up)
    #expect(editor.text == "rerun r-1")
    editor.handle(.up)
    #expect(editor.text == "theme light")
    editor.handle(.up)
    #expect(editor.text == "theme light")
    editor.handle(.down)
    editor.handle(.down)
    #expect(editor.text == "dra")
  }

  @Test func submitRecordsHistoryWithoutRepeats() {
    var editor = LineEditor()
    type("quit", into: &editor)
    #expect(editor.submit() == "quit")
    type("quit", into: &editor)
    _ = editor.submit()
    _ = editor.submit()
    #expect(editor.history == ["quit"])
    #expect(editor.text == "")
  }

  @Test func completionOfCommandNames() {
    let names = ["theme", "help", "approve", "approvals", "quit"]
    var unique = LineEditor(text: "th")
    #expect(unique.completeFirstWord(from: names) == ["theme"])
    #expect(unique.text == "theme ")
    var shared = LineEditor(text: "a")
    #expect(shared.completeFirstWord(from: names) == ["approvals", "approve"])
    #expect(shared.text == "approv")
    var none = LineEditor(text: "zz")
    #expect(none.completeFirstWord(from: names).isEmpty)
    #expect(none.text == "zz")
  }

  @Test func drawScrollsToKeepCursorVisible() {
    let editor = LineEditor(text: "abcdefghijklmnop")
    var buffer = CellBuffer(width: 8, height: 1)
    editor.draw(into: &buffer, x: 0, y: 0, width: 8, prompt: ":")
    // Six characters fit beside the prompt; the last cell is the cursor after the text.
    #expect(TextBackend.lines(of: buffer) == [":klmnop "])
    #expect(buffer[7, 0].attributes == .reverse)
  }
}
