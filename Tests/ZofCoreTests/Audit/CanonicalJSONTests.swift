import Testing
@testable import ZofCore

struct CanonicalJSONTests {
  @Test(arguments: [
    (JSONValue.null, "null"),
    (true, "true"),
    (false, "false"),
    (0, "0"),
    (-42, "-42"),
    (.integer(Int64.min), "-9223372036854775808"),
    (.integer(Int64.max), "9223372036854775807"),
    (1.5, "1.5"),
    (2.0, "2.0"),
    (.double(.nan), "null"),
    (.double(.infinity), "null"),
    ("plain", "\"plain\""),
    ("", "\"\""),
    ("quote \" and \\ backslash", "\"quote \\\" and \\\\ backslash\""),
    ("tab\tnew\nline\rret", "\"tab\\tnew\\nline\\rret\""),
    ("\u{08}\u{0C}", "\"\\b\\f\""),
    ("\u{01}\u{1F}", "\"\\u0001\\u001f\""),
    ("slash / and del \u{7F}", "\"slash / and del \u{7F}\""),
    ("caf\u{E9} \u{1F600}", "\"caf\u{E9} \u{1F600}\""),
    ([], "[]"),
    ([:], "{}"),
    ([1, "a", nil, [true]], "[1,\"a\",null,[true]]"),
    (["b": 1, "a": 2, "B": 3], "{\"B\":3,\"a\":2,\"b\":1}"),
    (["outer": ["z": [], "y": ["k": "v"]]], "{\"outer\":{\"y\":{\"k\":\"v\"},\"z\":[]}}"),
  ] as [(JSONValue, String)])
  func encoding(value: JSONValue, expected: String) {
    #expect(CanonicalJSON.encode(value) == expected)
  }

  @Test func keysSortByUTF8Bytes() {
    // U+00E9 (0xC3 0xA9) sorts after "z" (0x7A) by bytes; U+1F600 (0xF0...) sorts last.
    let value: JSONValue = ["\u{1F600}": 1, "\u{E9}": 2, "z": 3, "Z": 4]
    #expect(CanonicalJSON.encode(value) == "{\"Z\":4,\"z\":3,\"\u{E9}\":2,\"\u{1F600}\":1}")
  }

  @Test func insertionOrderDoesNotMatter() {
    let first: JSONValue = ["a": 1, "b": ["x": true, "y": false]]
    let second: JSONValue = ["b": ["y": false, "x": true], "a": 1]
    #expect(CanonicalJSON.encode(first) == CanonicalJSON.encode(second))
  }
}
