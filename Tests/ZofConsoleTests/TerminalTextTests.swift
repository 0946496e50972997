import Testing
import ZofCore

struct TerminalTextTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var input: [UInt8]
    var stripped: String
    var escaped: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "CSI colour", input: Array("\u{1B}[31mred\u{1B}[0m".utf8), stripped: "red",
         escaped: "\\x1b[31mred\\x1b[0m"),
    Case(name: "cursor movement", input: Array("a\u{1B}[2J\u{1B}[10;5Hb".utf8), stripped: "ab",
         escaped: "a\\x1b[2J\\x1b[10;5Hb"),
    Case(name: "private CSI mode", input: Array("\u{1B}[?1049hx".utf8), stripped: "x",
         escaped: "\\x1b[?1049hx"),
    Case(name: "OSC 8 hyperlink",
         input: Array("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\".utf8),
         stripped: "click",
         escaped: "\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\"),
    Case(name: "OSC 52 clipboard", input: Array("\u{1B}]52;c;cm0gLXJm\u{07}ok".utf8),
         stripped: "ok", escaped: "\\x1b]52;c;cm0gLXJm\\x07ok"),
    Case(name: "OSC title unterminated", input: Array("\u{1B}]0;title".utf8), stripped: "",
         escaped: "\\x1b]0;title"),
    Case(name: "DCS string", input: Array("\u{1B}Pq#0;2\u{1B}\\after".utf8), stripped: "after",
         escaped: "\\x1bPq#0;2\\x1b\\after"),
    Case(name: "bare ESC at end", input: Array("end\u{1B}".utf8), stripped: "end",
         escaped: "end\\x1b"),
    Case(name: "charset designation", input: Array("\u{1B}(Bplain".utf8), stripped: "plain",
         escaped: "\\x1b(Bplain"),
    Case(name: "C1 CSI scalar", input: Array("\u{9B}31mred".utf8), stripped: "red",
         escaped: "\\u{009b}31mred"),
    Case(name: "raw C1 byte is invalid UTF-8", input: [0x9B, 0x41], stripped: "\u{FFFD}A",
         escaped: "\u{FFFD}A"),
    Case(name: "NUL", input: [0x61, 0x00, 0x62], stripped: "ab", escaped: "a\\x00b"),
    Case(name: "BEL", input: Array("ding\u{07}".utf8), stripped: "ding", escaped: "ding\\x07"),
    Case(name: "backspace overstrike", input: Array("a\u{08}_".utf8), stripped: "a_",
         escaped: "a\\x08_"),
    Case(name: "carriage return", input: Array("50%\r100%".utf8), stripped: "50%100%",
         escaped: "50%\\x0d100%"),
    Case(name: "tab to next stop", input: Array("ab\tc\td".utf8),
         stripped: "ab      c       d", escaped: "ab      c       d"),
    Case(name: "tab after newline", input: Array("x\n\ty".utf8), stripped: "x\n        y",
         escaped: "x\n        y"),
    Case(name: "invalid UTF-8", input: [0x66, 0xC3, 0x28, 0xFF], stripped: "f\u{FFFD}(\u{FFFD}",
         escaped: "f\u{FFFD}(\u{FFFD}"),
    Case(name: "bidi override", input: Array("a\u{202E}cba".utf8), stripped: "acba",
         escaped: "a\\u{202e}cba"),
    Case(name: "plain Unicode kept", input: Array("日本 ✔ é".utf8), stripped: "日本 ✔ é",
         escaped: "日本 ✔ é"),
  ]

  @Test(arguments: cases)
  func stripMode(_ testCase: Case) {
    #expect(TerminalText.sanitize(testCase.input) == testCase.stripped)
  }

  @Test(arguments: cases)
  func escapeMode(_ testCase: Case) {
    #expect(TerminalText.sanitize(testCase.input, mode: .escape) == testCase.escaped)
  }

  @Test func outputHasNoControlCharacters() {
    for testCase in Self.cases {
      let output = TerminalText.sanitize(testCase.input)
      let controls = output.unicodeScalars.filter { $0 != "\n" && TerminalText.isControl($0) }
      #expect(controls.isEmpty, "\(testCase.name) left \(controls.map(\.value))")
    }
  }
}
