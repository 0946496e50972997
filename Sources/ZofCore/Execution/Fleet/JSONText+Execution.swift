extension JSONText {
  /// Returns `values` as a JSON array of strings.
  static func array(_ values: [String]) -> String {
    var json = JSONText()
    json.stringArray(values)
    return json.text
  }

  /// Returns `values` as a JSON object with keys in sorted order.
  static func object(_ values: [String: String]) -> String {
    var json = JSONText()
    json.stringMap(values)
    return json.text
  }

  /// Returns `values` as a JSON object of integers with keys in sorted order.
  static func object(_ values: [String: Int]) -> String {
    var json = JSONText()
    json.raw("{")
    for (offset, key) in values.keys.sorted().enumerated() {
      if offset > 0 { json.raw(",") }
      json.string(key)
      json.raw(":\(values[key] ?? 0)")
    }
    json.raw("}")
    return json.text
  }
}
