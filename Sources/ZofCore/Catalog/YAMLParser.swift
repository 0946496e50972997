import CYAML
import Foundation

/// Reads YAML documents with libyaml's event parser into `YAMLNode` trees.
///
/// Anchors and aliases are resolved by copying the anchored node. Merge keys (`<<`) are kept
/// as ordinary keys, since Backstage catalogs do not use them.
public enum YAMLParser {
  /// Parses every document in `text`; `file` names the source in errors.
  public static func parseDocuments(_ text: String, file: String) throws -> [YAMLNode] {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw OperationError("yaml_parser_initialize", "out of memory")
    }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var reader = EventReader(parser: &parser, file: file)
      return try reader.readStream()
    }
  }
}

/// Walks libyaml events and builds nodes recursively.
private struct EventReader {
  let parser: UnsafeMutablePointer<yaml_parser_t>
  let file: String
  var anchors: [String: YAMLNode] = [:]

  init(parser: UnsafeMutablePointer<yaml_parser_t>, file: String) {
    self.parser = parser
    self.file = file
  }

  /// An event copied out of libyaml so its memory can be released at once.
  enum Event {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias(String, YAMLNode.Mark)
    case scalar(String, quoted: Bool, anchor: String?, YAMLNode.Mark)
    case sequenceStart(anchor: String?, YAMLNode.Mark)
    case sequenceEnd
    case mappingStart(anchor: String?, YAMLNode.Mark)
    case mappingEnd
  }

  mutating func next() throws -> Event {
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
    defer { yaml_event_delete(&event) }
    let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1,
                             column: Int(event.start_mark.column) + 1)
    switch event.type {
    case YAML_STREAM_START_EVENT: return .streamStart
    case YAML_STREAM_END_EVENT: return .streamEnd
    case YAML_DOCUMENT_START_EVENT: return .documentStart
    case YAML_DOCUMENT_END_EVENT: return .documentEnd
    case YAML_ALIAS_EVENT:
      return .alias(Self.string(event.data.alias.anchor) ?? "", mark)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                        as: UTF8.self)
      let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE
        || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
        || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
      return .scalar(text, quoted: quoted, anchor: Self.string(scalar.anchor), mark)
    case YAML_SEQUENCE_START_EVENT:
      return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), mark)
    case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), mark)
    case YAML_MAPPING_END_EVENT: return .mappingEnd
    default: return try next()
    }
  }

  static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  func syntaxError() -> InputError {
    let problem = parser.pointee.problem.map { String(cString: $0) } ?? "invalid YAML"
    let mark = parser.pointee.problem_mark
    var message = "YAML syntax error: \(problem)"
    if let context = parser.pointee.context.map({ String(cString: $0) }) {
      // libyaml notices an unclosed bracket or quote only where the file or the next
      // construct begins, so where that construct started is the place to look.
      let start = parser.pointee.context_mark
      message += " (\(context) that starts at line \(start.line + 1), column \(start.column + 1))"
    }
    return InputError(message,
                      at: SourceLocation(file: file, line: Int(mark.line) + 1,
                                         column: Int(mark.column) + 1),
                      hint: "fix the YAML there; nothing from this file was read")
  }

  mutating func readStream() throws -> [YAMLNode] {
    var documents: [YAMLNode] = []
    while true {
      switch try next() {
      case .streamStart, .documentEnd: continue
      case .streamEnd: return documents
      case .documentStart:
        anchors.removeAll()
        let event = try next()
        if case .documentEnd = event {
          continue
        }
        documents.append(try readNode(event))
      default:
        throw InputError("unexpected YAML event",
                         at: SourceLocation(file: file, line: 0, column: 0))
      }
    }
  }

  mutating func readNode(_ event: Event) throws -> YAMLNode {
    switch event {
    case .scalar(let text, let quoted, let anchor, let mark):
      let node = YAMLNode.scalar(text, quoted: quoted, mark: mark)
      if let anchor { anchors[anchor] = node }
      return node
    case .alias(let name, let mark):
      guard let node = anchors[name] else {
        throw InputError("YAML alias *\(name) refers to no anchor",
                         at: SourceLocation(file: file, line: mark.line, column: mark.column))
      }
      return node
    case .sequenceStart(let anchor, let mark):
      var items: [YAMLNode] = []
      while true {
        let item = try next()
        if case .sequenceEnd = item { break }
        items.append(try readNode(item))
      }
      let node = YAMLNode.sequence(items, mark: mark)
      if let anchor { anchors[anchor] = node }
      return node
    case .mappingStart(let anchor, let mark):
      var pairs: [(key: String, value: YAMLNode)] = []
      while true {
        let keyEvent = try next()
        if case .mappingEnd = keyEvent { break }
        let key = try readNode(keyEvent)
        let value = try readNode(try next())
        pairs.append((key: key.string ?? "", value: value))
      }
      let node = YAMLNode.mapping(pairs, mark: mark)
      if let anchor { anchors[anchor] = node }
      return node
    default:
      throw InputError("unexpected YAML structure",
                       at: SourceLocation(file: file, line: 0, column: 0))
    }
  }
}
