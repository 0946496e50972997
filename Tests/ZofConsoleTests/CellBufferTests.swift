import Testing

@testable import ZofConsole

struct CellBufferTests {
  private func lines(_ buffer: CellBuffer) -> [String] { TextBackend.lines(of: buffer) }

  @Test func textClipsAtRightEdge() {
    var buffer = CellBuffer(width: 6, height: 1)
    buffer.text("abcdefgh", x: 2, y: 0)
    #expect(lines(buffer) == ["  abc…"])
  }

  @Test func textWithMaxWidthEndsInEllipsis() {
    var buffer = CellBuffer(width: 10, height: 1)
    let drawn = buffer.text("payments-api", x: 0, y: 0, maxWidth: 5)
    #expect(lines(buffer) == ["paym…     "])
    #expect(drawn == 5)
  }

  @Test func wideCharactersTakeTwoColumns() {
    var buffer = CellBuffer(width: 8, height: 1)
    buffer.text("日本語", x: 1, y: 0)
    #expect(buffer[1, 0].text == "日")
    #expect(buffer[1, 0].width == 2)
    #expect(buffer[2, 0].isContinuation)
    #expect(buffer[3, 0].text == "本")
    #expect(lines(buffer) == [" 日本語 "])
  }

  @Test func wideCharacterNeverSplitAtRightEdge() {
    var buffer = CellBuffer(width: 5, height: 1)
    let columns = buffer.withClip(buffer.bounds) { clipped in
      clipped.put("日", x: 4, y: 0)
    }
    #expect(columns == 0)
    #expect(buffer[4, 0] == .blank)
    buffer.text("ab日本", x: 0, y: 0)
    #expect(lines(buffer) == ["ab日…"])
  }

  @Test func truncationDropsStraddlingWideCharacter() {
    #expect(CellBuffer.truncate("日本語", toWidth: 4) == "日…")
    #expect(CellBuffer.truncate("日本語", toWidth: 6) == "日本語")
    #expect(CellBuffer.truncate("abc", toWidth: 1) == "…")
    #expect(CellBuffer.truncate("abc", toWidth: 0) == "")
  }

  @Test func emojiIsWide() {
    #expect(CharacterWidth.of("✅" as Character) == 2)
    #expect(CharacterWidth.of("🚀" as Character) == 2)
    #expect(CharacterWidth.of("❤️" as Character) == 2)
    #expect(CharacterWidth.of("✔" as Character) == 1)
    #expect(CharacterWidth.of("é") == 1)
  }

  /// ASCII and box drawing take a shortcut, which must agree with the per-scalar rules.
  @Test func shortcutWidthsAgreeWithScalarWidths() {
    let scalars = (0x00...0x7F).map { $0 } + (0x2500...0x259F).map { $0 }
    for value in scalars {
      let scalar = Unicode.Scalar(UInt32(value))!
      #expect(CharacterWidth.of(Character(scalar)) == CharacterWidth.of(scalar),
              "U+\(String(value, radix: 16))")
    }
    #expect(CharacterWidth.of("plain text") == 10)
    #expect(CharacterWidth.of("a\u{7}b") == 2)
    #expect(CharacterWidth.of("┌─ 日本 ─┐") == 10)
    #expect(CharacterWidth.of("e\u{301}") == 1)
  }

  @Test func combiningMarkStaysInItsCell() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.text("e\u{301}x", x: 0, y: 0)
    #expect(buffer[0, 0].text == "e\u{301}")
    #expect(buffer[1, 0].text == "x")
  }

  @Test func lonelyCombiningMarkAttachesToPreviousCell() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.text("a", x: 0, y: 0)
    buffer.text("\u{308}", x: 1, y: 0)
    #expect(buffer[0, 0].text == "a\u{308}")
    #expect(buffer[1, 0] == .blank)
  }

  @Test func combiningMarkAfterWideCharacterAttachesToIt() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.text("日", x: 0, y: 0)
    buffer.text("\u{3099}", x: 2, y: 0)
    #expect(buffer[0, 0].text == "日\u{3099}")
  }

  @Test func overwritingHalfOfWideCharacterBlanksIt() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.text("日", x: 0, y: 0)
    buffer.put("x", x: 1, y: 0)
    #expect(buffer[0, 0].text == " ")
    #expect(buffer[1, 0].text == "x")
    buffer.text("本", x: 2, y: 0)
    buffer.put("y", x: 2, y: 0)
    #expect(buffer[3, 0].text == " ")
  }

  @Test func controlCharactersAreDropped() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer.text("a\u{1B}b", x: 0, y: 0)
    #expect(lines(buffer) == ["ab  "])
  }

  @Test func clipLimitsDrawing() {
    var buffer = CellBuffer(width: 6, height: 3)
    buffer.withClip(Rect(x: 1, y: 1, width: 3, height: 1)) { clipped in
      clipped.fill(clipped.bounds, with: "#")
      clipped.text("hello", x: 0, y: 1)
      clipped.text("hello", x: 0, y: 2)
    }
    // Text ends in an ellipsis at the clip's right edge and loses its start on the left.
    #expect(lines(buffer) == ["      ", " el…  ", "      "])
  }

  @Test func boxAndRule() {
    var buffer = CellBuffer(width: 10, height: 4)
    buffer.box(Rect(x: 0, y: 0, width: 10, height: 3), title: "Runs")
    buffer.horizontalRule(x: 0, y: 3, width: 10)
    #expect(lines(buffer) == [
      "┌ Runs ──┐",
      "│        │",
      "└────────┘",
      "──────────",
    ])
  }

  @Test(arguments: [(0, 0), (0, 5), (5, 0), (1, 1), (2, 1)])
  func tinyBuffersDoNotCrash(width: Int, height: Int) {
    var buffer = CellBuffer(width: width, height: height)
    buffer.text("日本語 text", x: -3, y: 0)
    buffer.text("x", x: 100, y: 100)
    buffer.put("\u{301}", x: 0, y: 0)
    buffer.fill(Rect(x: -2, y: -2, width: 10, height: 10), with: "日")
    buffer.box(Rect(x: 0, y: 0, width: width, height: height), title: "t")
    buffer.horizontalRule(x: 0, y: 0, width: width + 5)
    #expect(TextBackend.lines(of: buffer).count == height)
  }

  @Test func negativeSizeBecomesEmpty() {
    let buffer = CellBuffer(width: -4, height: -1)
    #expect(buffer.width == 0)
    #expect(buffer.height == 0)
    #expect(buffer[0, 0] == .blank)
  }
}
