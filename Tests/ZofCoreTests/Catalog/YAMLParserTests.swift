import Testing
@testable import ZofCore

struct YAMLParserTests {
  @Test func readsDocumentsWithPositions() throws {
    let documents = try YAMLParser.parseDocuments("a: 1\n---\nb:\n  - x\n  - 'y'\n", file: "f")
    #expect(documents.count == 2)
    #expect(documents[0]["a"]?.int == 1)
    let items = try #require(documents[1]["b"]?.array)
    #expect(items.map(\.string) == ["x", "y"])
    #expect(items[1].mark == YAMLNode.Mark(line: 5, column: 5))
  }

  @Test func distinguishesQuotedScalars() throws {
    let node = try #require(try YAMLParser.parseDocuments("a: yes\nb: 'yes'\nc: ~\n", file: "f")
      .first)
    #expect(node["a"]?.bool == true)
    #expect(node["b"]?.bool == nil)
    #expect(node["c"]?.string == nil)
    #expect(node["c"]?.isNull == true)
  }

  @Test func resolvesAliases() throws {
    let node = try #require(try YAMLParser.parseDocuments(
      "base: &tags [a, b]\ncopy: *tags\n", file: "f").first)
    #expect(node["copy"]?.strings == ["a", "b"])
  }

  @Test func syntaxErrorNamesPosition() throws {
    do {
      _ = try YAMLParser.parseDocuments("a: [1, 2\nb: c\n", file: "bad.yaml")
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.location?.file == "bad.yaml")
      #expect(error.location?.line == 2)
      #expect(error.message.hasPrefix("YAML syntax error"))
    }
  }

  /// An unclosed bracket is found only lines later, so the message also names where it opened.
  @Test func unclosedBracketNamesWhereItOpened() throws {
    let text = "store: .zof\ncatalog: [a.yaml,\n\n\n\ntheme: dark\n"
    do {
      _ = try YAMLParser.parseDocuments(text, file: "zof.yaml")
      Issue.record("expected an error")
    } catch let error as InputError {
      #expect(error.message.contains("starts at line 2, column 10"), "\(error.message)")
    }
  }

  @Test func jsonRoundTripKeepsValues() throws {
    let node = try #require(try YAMLParser.parseDocuments(
      "n: 3\nf: 1.5\nt: true\ns: 'text'\nl: [a]\nm: {k: v}\n", file: "f").first)
    let back = YAMLNode(json: node.jsonValue, mark: .init(line: 1, column: 1))
    #expect(back["n"]?.int == 3)
    #expect(back["f"]?.double == 1.5)
    #expect(back["t"]?.bool == true)
    #expect(back["s"]?.string == "text")
    #expect(back["l"]?.strings == ["a"])
    #expect(back["m"]?["k"]?.string == "v")
  }
}
