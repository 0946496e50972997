/// A fast pre-check that finds which redaction rules could match a run of bytes.
///
/// Regular expressions are costly per line, and most output contains no secret, so each
/// rule lists short trigger strings and its pattern is tried only where one occurs.
/// Comparison ignores ASCII case.
struct TriggerIndex: Sendable {
  /// For each lowercased first byte, the triggers that start with it.
  private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)
  private var alwaysTried: Bool

  init(rules: [RedactionRule]) {
    alwaysTried = rules.contains { $0.triggers.isEmpty }
    for rule in rules {
      for trigger in rule.triggers {
        let bytes = Array(trigger.utf8)
        guard let first = bytes.first else { continue }
        byFirstByte[Int(first)].append(bytes)
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
    return text.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var index = 0
      while index < count {
        let candidates = byFirstByte[Int(TriggerIndex.lower(buffer[index]))]
        if !candidates.isEmpty {
          for trigger in candidates where TriggerIndex.matches(trigger, buffer, at: index) {
            return true
          }
        }
        index += 1
      }
      return false
    }
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte | 0x20 : byte
  }

  private static func matches(_ trigger: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>,
                              at index: Int) -> Bool {
    guard index + trigger.count <= buffer.count else { return false }
    for offset in 1..<trigger.count where lower(buffer[index + offset]) != trigger[offset] {
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
