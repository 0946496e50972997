/// A fast pre-check that finds which redaction rules could match a run of bytes.
///
/// Regular expressions are costly per line, and most output contains no secret, so each
/// rule lists short trigger strings and its pattern is tried only where one occurs. The scan
/// looks up each pair of adjacent bytes in a table of the triggers' first two bytes and
/// compares whole triggers only on a hit. Comparison ignores ASCII case.
struct TriggerIndex: Sendable {
  /// For each pair of lowercased bytes `first << 8 | second`, whether a trigger starts so.
  private var pairs = [Bool](repeating: false, count: 65536)
  private var triggers: [[UInt8]] = []
  private var alwaysTried = false

  init(rules: [RedactionRule]) {
    for rule in rules {
      if rule.triggers.isEmpty { alwaysTried = true }
      for trigger in rule.triggers {
        let bytes = Array(trigger.utf8)
        // A one-byte trigger would match nearly every line, so the rule is always tried.
        guard bytes.count >= 2 else {
          alwaysTried = true
          continue
        }
        pairs[Int(bytes[0]) << 8 | Int(bytes[1])] = true
        triggers.append(bytes)
      }
    }
  }

  /// Whether `rule` needs to be tried on `text`.
  func mayMatch(_ rule: RedactionRule, text: ArraySlice<UInt8>) -> Bool {
    if rule.triggers.isEmpty { return true }
    return rule.triggers.contains { TriggerIndex.find(Array($0.utf8), in: text) }
  }

  /// Whether any rule needs to be tried on `text`.
  func mayMatchAny(_ text: ArraySlice<UInt8>) -> Bool {
    if alwaysTried { return true }
    return pairs.withUnsafeBufferPointer { table in
      text.withUnsafeBufferPointer { buffer in
        guard buffer.count >= 2 else { return false }
        var previous = Int(TriggerIndex.lower(buffer[0]))
        for index in 1..<buffer.count {
          let current = Int(TriggerIndex.lower(buffer[index]))
          if table[previous << 8 | current], matchesAny(buffer, at: index - 1) { return true }
          previous = current
        }
        return false
      }
    }
  }

  private func matchesAny(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    triggers.contains { TriggerIndex.matches($0, buffer, at: index) }
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte | 0x20 : byte
  }

  private static func matches(_ trigger: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>,
                              at index: Int) -> Bool {
    guard index + trigger.count <= buffer.count else { return false }
    for offset in 0..<trigger.count where lower(buffer[index + offset]) != trigger[offset] {
      return false
    }
    return true
  }

  private static func find(_ trigger: [UInt8], in text: ArraySlice<UInt8>) -> Bool {
    text.withUnsafeBufferPointer { buffer in
      guard buffer.count >= trigger.count else { return false }
      for index in 0...(buffer.count - trigger.count)
      where lower(buffer[index]) == trigger[0] && matches(trigger, buffer, at: index) {
        return true
      }
      return false
    }
  }
}
