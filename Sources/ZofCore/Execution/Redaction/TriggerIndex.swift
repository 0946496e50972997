/// A fast pre-check that finds which redaction rules could match a run of bytes.
///
/// Regular expressions are costly per line, and most output contains no secret, so each
/// rule lists short trigger strings and its pattern is tried only where one occurs. The scan
/// looks up each pair of adjacent bytes in a table of the triggers' first two bytes and
/// compares whole triggers only on a hit. Comparison ignores ASCII case.
struct TriggerIndex: Sendable {
  /// Triggers by the pair of lowercased bytes they start with, `first << 8 | second`, in
  /// compressed rows: the ids for pair `p` are `pairTriggers[pairStart[p]..<pairStart[p + 1]]`.
  private var pairStart = [Int32](repeating: 0, count: 65537)
  private var pairTriggers: [Int32] = []
  /// All triggers end to end; trigger `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
  private var bytes: [UInt8] = []
  private var offsets: [Int] = [0]
  private var alwaysTried = false

  init(rules: [RedactionRule]) {
    var byPair: [Int: [Int32]] = [:]
    for rule in rules {
      if rule.triggers.isEmpty { alwaysTried = true }
      for trigger in rule.triggers {
        let triggerBytes = Array(trigger.utf8)
        // A one-byte trigger would match nearly every line, so the rule is always tried.
        guard triggerBytes.count >= 2 else {
          alwaysTried = true
          continue
        }
        byPair[Int(triggerBytes[0]) << 8 | Int(triggerBytes[1]), default: []]
          .append(Int32(offsets.count - 1))
        bytes += triggerBytes
        offsets.append(bytes.count)
      }
    }
    for pair in 0..<65536 {
      pairTriggers += byPair[pair] ?? []
      pairStart[pair + 1] = Int32(pairTriggers.count)
    }
  }

  /// Returns whether `rule` needs to be tried on `text`.
  func mayMatch(_ rule: RedactionRule, text: ArraySlice<UInt8>) -> Bool {
    if rule.triggers.isEmpty { return true }
    return rule.triggers.contains { TriggerIndex.find(Array($0.utf8), in: text) }
  }

  /// Returns whether any rule needs to be tried on `text`.
  func mayMatchAny(_ text: ArraySlice<UInt8>) -> Bool {
    if alwaysTried { return true }
    return pairStart.withUnsafeBufferPointer { starts in
      pairTriggers.withUnsafeBufferPointer { ids in
        bytes.withUnsafeBufferPointer { triggerBytes in
          offsets.withUnsafeBufferPointer { triggerOffsets in
            text.withUnsafeBufferPointer { buffer in
              guard buffer.count >= 2 else { return false }
              var previous = Int(TriggerIndex.lower(buffer[0]))
              for index in 1..<buffer.count {
                let current = Int(TriggerIndex.lower(buffer[index]))
                let pair = previous << 8 | current
                previous = current
                var row = Int(starts[pair])
                let rowEnd = Int(starts[pair + 1])
                while row < rowEnd {
                  let id = Int(ids[row])
                  let start = triggerOffsets[id]
                  let length = triggerOffsets[id + 1] - start
                  if TriggerIndex.matches(triggerBytes, start, length, buffer, at: index - 1) {
                    return true
                  }
                  row += 1
                }
              }
              return false
            }
          }
        }
      }
    }
  }

  /// Compares the trigger at `start` of `length` bytes with `buffer` from `index`, after the
  /// two bytes the pair lookup already matched.
  private static func matches(_ triggers: UnsafeBufferPointer<UInt8>, _ start: Int,
                              _ length: Int, _ buffer: UnsafeBufferPointer<UInt8>,
                              at index: Int) -> Bool {
    guard index + length <= buffer.count else { return false }
    var offset = 2
    while offset < length {
      if lower(buffer[index + offset]) != triggers[start + offset] { return false }
      offset += 1
    }
    return true
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte | 0x20 : byte
  }

  private static func matchesWhole(_ trigger: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>,
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
      where lower(buffer[index]) == trigger[0] && matchesWhole(trigger, buffer, at: index) {
        return true
      }
      return false
    }
  }
}
