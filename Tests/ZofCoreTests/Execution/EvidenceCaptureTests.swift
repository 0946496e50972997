import Testing
@testable import ZofCore

struct EvidenceCaptureTests {
  @Test func smallOutputKeptWhole() {
    let capture = EvidenceCapture(headLimit: 10, tailLimit: 10)
    capture.append(redacted: Array("hello\n".utf8))
    let output = capture.finish()
    #expect(output.bytes == Array("hello\n".utf8))
    #expect(output.elidedBytes == 0)
  }

  @Test func middleElided() {
    let capture = EvidenceCapture(headLimit: 4, tailLimit: 3)
    for piece in ["ab", "cdef", "ghij", "klm"] {
      capture.append(redacted: Array(piece.utf8))
    }
    let output = capture.finish()
    #expect(output.head == Array("abcd".utf8))
    #expect(output.tail == Array("klm".utf8))
    #expect(output.elidedBytes == 6)
    #expect(output.text == "abcd\n[zof: 6 bytes of output elided]\nklm")
  }

  @Test func rawDigestAndCount() {
    let capture = EvidenceCapture()
    let raw = Array("secret stuff".utf8)
    raw.withUnsafeBytes { capture.recordRaw($0) }
    let output = capture.finish()
    #expect(output.rawBytes == raw.count)
    #expect(output.sha256 == SHA256.hex(raw))
  }

  @Test(arguments: [
    ([0x61, 0x00, 0x62] as [UInt8], "a\\x00b"),
    ([0x1b, 0x5b, 0x33, 0x31, 0x6d], "\\x1b[31m"),
    ([0xff, 0x41], "\u{FFFD}A"),
    ([0x09, 0x0a, 0x0d], "\t\n\\x0d"),
    ([0xc2, 0x85], "\\u{0085}"),
    (Array("a\u{202E}b".utf8), "a\\u{202e}b"),
    (Array("żółw".utf8), "żółw"),
  ])
  func displayText(bytes: [UInt8], expected: String) {
    #expect(EvidenceText.displayText(bytes) == expected)
  }

  @Test func tailBufferWraps() {
    var buffer = TailBuffer(capacity: 4)
    buffer.append(Array("abc".utf8))
    buffer.append(Array("de".utf8))
    buffer.append(Array("f".utf8))
    #expect(buffer.contents == Array("cdef".utf8))
    buffer.append(Array("0123456".utf8))
    #expect(buffer.contents == Array("3456".utf8))
  }
}
