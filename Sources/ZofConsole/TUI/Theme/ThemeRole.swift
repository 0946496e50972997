/// A semantic role a cell is drawn in; themes map each role to colours and attributes.
enum ThemeRole: String, CaseIterable, Hashable, Sendable {
  case text
  case muted
  case accent
  case header
  case border
  case tab
  case tabActive = "tab-active"
  case selected
  case footer
  case prompt
  case ok
  case failed
  case flaky
  case running
  case pending
  case warning
  case error
  case info
  case progress
  case riskLow = "risk-low"
  case riskMedium = "risk-medium"
  case riskHigh = "risk-high"
  case riskCritical = "risk-critical"

  /// Role names as written in theme files, in declaration order.
  static var names: [String] { allCases.map(\.rawValue) }
}
