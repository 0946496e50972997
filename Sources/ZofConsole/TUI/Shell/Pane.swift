import Foundation

/// A screen of the console (Graph, Runs, Approvals, Audit, Readiness) that plugs into
/// `ConsoleApp`.
///
/// The shell owns the terminal, modes and footer; a pane draws its body and turns actions
/// into reactions. All calls come from the main thread.
///
/// - `draw(into:region:)` draws the pane's body. The buffer's clip is set to `region`.
/// - `handle(_:)` receives an action from the pane's key table or from
///   `KeyTable.navigation`. Return nil when the pane does not handle it, so the shell
///   can (for `back` at the top level, that means quitting).
/// - `setFilter(_:)` receives the `/` filter text after every key; match it
///   case-insensitively.
/// - `reload()` is called for `r` and for a `.reload` reaction.
/// - `tick()` is called at least every 200 ms, to notice new data.
@MainActor
protocol Pane: AnyObject {
  /// The name in the tab bar.
  var title: String { get }
  /// Pane-specific bindings; navigation and global keys are added by the shell.
  var keyTable: KeyTable { get }
  func draw(into buffer: inout CellBuffer, region: Rect)
  func handle(_ action: ActionID) -> [Reaction]?
  func setFilter(_ text: String) -> [Reaction]
  func reload() -> [Reaction]
  func tick() -> [Reaction]
  /// Whether work the pane started in the background has yet to show up on screen.
  var isBusy: Bool { get }
}

extension Pane {
  func setFilter(_ text: String) -> [Reaction] { [] }
  func reload() -> [Reaction] { [.redraw] }
  func tick() -> [Reaction] { [] }
  var isBusy: Bool { false }
}

/// Case-insensitive matching for pane filters.
enum FilterMatch {
  /// Returns whether any of `fields` contains `filter`, ignoring case. An empty filter
  /// matches everything.
  static func matches(_ filter: String, _ fields: String...) -> Bool {
    guard !filter.isEmpty else { return true }
    return fields.contains { $0.range(of: filter, options: .caseInsensitive) != nil }
  }
}
