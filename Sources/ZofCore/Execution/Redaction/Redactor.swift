import Foundation

/// Replaces secrets in text with `[REDACTED:label]` and counts replacements per label.
///
/// Matching runs on text decoded as UTF-8, or as Latin-1 when the bytes are not valid
/// UTF-8, so every byte outside a match is returned unchanged.
///
/// NOTE: on bytes that are not valid UTF-8, a policy pattern with non-ASCII characters
/// cannot match, because Latin-1 decoding maps each byte to its own character.
public struct Redactor: Sendable {
  public let rules: [RedactionRule]
  private let triggerIndex: TriggerIndex

  /// Creates a redactor with the built-in rules followed by `extraRules`.
  public init(extraRules: [RedactionRule] = []) {
    self.rules = RedactionRule.builtIn + extraRules
    self.triggerIndex = TriggerIndex(rules: rules)
  }

  /// Creates a redactor with the built-in rules and one rule per policy pattern and label.
  public init(policyPatterns: [(label: String, pattern: String)]) throws {
    let extra = try policyPatterns.map { try RedactionRule(label: $0.label, pattern: $0.pattern) }
    self.init(extraRules: extra)
  }

  /// Redacts `text` as a whole and adds counts to `counts`.
  public func redact(_ text: String, counts: inout [String: Int]) -> String {
    let bytes = Array(text.utf8)[...]
    guard triggerIndex.mayMatchAny(bytes) else { return text }
    var result = text
    for rule in rules where triggerIndex.mayMatch(rule, text: bytes) {
      result = apply(rule, to: result, counts: &counts)
    }
    return result
  }

  /// Redacts `text` as a whole, discarding the counts.
  public func redact(_ text: String) -> String {
    var counts: [String: Int] = [:]
    return redact(text, counts: &counts)
  }

  /// Redacts bytes, keeping every byte outside a match as it is.
  public func redact(bytes: ArraySlice<UInt8>, counts: inout [String: Int]) -> [UInt8] {
    let candidates = rules.filter { triggerIndex.mayMatch($0, text: bytes) }
    guard !candidates.isEmpty else { return Array(bytes) }
    let utf8 = String(validating: bytes, as: UTF8.self)
    var text = utf8 ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    for rule in candidates {
      text = apply(rule, to: text, counts: &counts)
    }
    if utf8 != nil { return Array(text.utf8) }
    return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }

  /// Returns whether any rule could match somewhere in `bytes`, so callers can skip
  /// decoding when none can.
  func mayMatchAny(_ bytes: ArraySlice<UInt8>) -> Bool {
    triggerIndex.mayMatchAny(bytes)
  }

  private func apply(_ rule: RedactionRule, to text: String,
                     counts: inout [String: Int]) -> String {
    let range = NSRange(text.startIndex..., in: text)
    let matches = rule.expression.matches(in: text, range: range)
    guard !matches.isEmpty else { return text }
    counts[rule.label, default: 0] += matches.count
    let replacement = NSRegularExpression.escapedTemplate(for: rule.replacement)
    let template = rule.keepsPrefix ? "$1" + replacement : replacement
    return rule.expression.stringByReplacingMatches(in: text, range: range,
                                                    withTemplate: template)
  }
}
