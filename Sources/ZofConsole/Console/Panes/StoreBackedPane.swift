/// A pane whose rows come from the store and are reloaded when the store changes.
///
/// `ConsoleContext.generation` moves on whenever another connection commits (and after the
/// console's own changes), so a pane compares it with the generation it loaded.
@MainActor
protocol StoreBackedPane: AnyObject {
  var context: ConsoleContext { get }
  /// The context generation of the last load; -1 before the first.
  var loadedGeneration: Int { get set }
  func reload() -> [Reaction]
}

extension StoreBackedPane {
  /// Reloads when the store changed since the last load, so keys act on current rows.
  func reloadIfStale() {
    if loadedGeneration != context.generation { _ = reload() }
  }
}
