import Foundation
import ZofCore

/// The audit trail, newest first, read a page at a time by key (`seq`) straight from
/// SQLite: the next page loads when the selection nears the end of what is loaded, so the
/// table is never read whole. `/` filters the loaded events, `:audit` runs a query,
/// Enter shows one event in full and `v` verifies the chain in the background.
@MainActor
final class AuditPane: Pane, StoreBackedPane {
  let title = "Audit"
  let keyTable = KeyTable("Audit", [
    KeyBinding([.character("v")], "verify the hash chain (in the background)",
               "audit.verify", hint: "verify"),
  ])

  /// Events fetched per query.
  static let pageSize = 200
  /// The distance, in rows, from the last loaded event at which the next page loads.
  static let prefetchMargin = 40

  let context: ConsoleContext
  private(set) var query = AuditQuery(limit: AuditPane.pageSize)
  private(set) var events: [AuditEvent] = []
  /// Table rows of `events`, built once per event, so loading a page costs only its own.
  private var eventRows: [TableView.Row] = []
  private var nextCursor: Int64?
  private var shown: [AuditEvent] = []
  private var table = TableView(columns: [
    .init("SEQ", width: .fixed(7), alignRight: true),
    .init("TIME (UTC)", width: .fixed(19)),
    .init("ACTOR", width: .flexible(minimum: 12)),
    .init("ACTION", width: .flexible(minimum: 12)),
    .init("SUBJECT", width: .flexible(minimum: 8)),
    .init("DECISION", width: .fixed(8)),
  ])
  private var detail: TextPanel?
  private var filter = ""
  var loadedGeneration = -1
  private var problem: String?
  let clock: () -> Date

  init(context: ConsoleContext, clock: @escaping () -> Date = Date.init) {
    self.context = context
    self.clock = clock
  }

  /// Replaces the query (from `:audit`) and loads its first page.
  func setQuery(_ newQuery: AuditQuery) -> [Reaction] {
    query = newQuery
    query.limit = Self.pageSize
    query.before = nil
    events = []
    eventRows = []
    detail = nil
    return reload()
  }

  var queryText: String {
    var parts: [String] = []
    if let actor = query.actor { parts.append("actor \(actor)") }
    if let action = query.action { parts.append("action \(action)") }
    if let subject = query.subject { parts.append("subject \(subject)") }
    return parts.isEmpty ? "all events" : parts.joined(separator: ", ")
  }

  // MARK: - Pane

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    let (body, status) = region.splitBottom(1)
    if var detail {
      buffer.box(body, title: "Event \(selected.map { String($0.seq) } ?? "")  (Esc closes)")
      detail.draw(into: &buffer, region: body.inset(by: 1))
      self.detail = detail
    } else {
      let more = nextCursor == nil ? "" : "+"
      buffer.box(body, title: "Audit: \(queryText) (\(shown.count)\(more) loaded)")
      table.draw(into: &buffer, region: body.inset(by: 1))
    }
    let (text, role) = problem.map { ($0, ThemeRole.error) }
      ?? context.verification.detail(now: clock())
    buffer.text(text, x: status.x + 1, y: status.y, maxWidth: status.width - 1, role: role)
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    if var panel = detail {
      if action == .back {
        detail = nil
        return [.redraw]
      }
      let handled = panel.handle(action)
      detail = panel
      return handled ? [.redraw] : nil
    }
    switch action {
    case "audit.verify":
      context.startVerification()
      return [.message(.info, "verifying the audit chain in the background")]
    case .open:
      guard let event = selected else { return [.message(.warning, "no event selected")] }
      detail = TextPanel(Self.detailLines(event))
      return [.redraw]
    default:
      guard table.handle(action) else { return nil }
      loadMoreIfNeeded()
      return [.redraw]
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    filter = text
    rebuildRows()
    return [.redraw]
  }

  /// Reloads from the newest event, as many events as were loaded before.
  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    var first = query
    first.before = nil
    first.limit = max(Self.pageSize, events.count)
    do {
      let page = try context.session.audit.events(first)
      events = page.events
      eventRows = page.events.map(Self.row)
      nextCursor = page.nextCursor
      problem = nil
    } catch {
      problem = ConsoleErrorText.describe(error)
    }
    rebuildRows()
    return [.redraw]
  }

  // MARK: - Paging

  private func loadMoreIfNeeded() {
    guard let cursor = nextCursor, let index = table.selectedIndex,
          index >= shown.count - Self.prefetchMargin
    else { return }
    var next = query
    next.before = cursor
    next.limit = Self.pageSize
    do {
      let page = try context.session.audit.events(next)
      events += page.events
      eventRows += page.events.map(Self.row)
      nextCursor = page.nextCursor
      rebuildRows()
    } catch {
      problem = ConsoleErrorText.describe(error)
    }
  }

  var selected: AuditEvent? {
    table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0] : nil }
  }

  private func rebuildRows() {
    let previous = selected?.seq
    table.emptyText = filter.isEmpty ? "no events match \(queryText)"
      : "no loaded event matches \"\(filter)\""
    if filter.isEmpty {
      shown = events
      table.setRows(eventRows)
    } else {
      let indices = events.indices.filter { index in
        let event = events[index]
        return FilterMatch.matches(filter, event.actor, event.assumedActor ?? "", event.action,
                                   event.subject, event.decision.rawValue)
      }
      shown = indices.map { events[$0] }
      table.setRows(indices.map { eventRows[$0] })
    }
    if let previous, let index = shown.firstIndex(where: { $0.seq == previous }) {
      table.select(index)
    }
  }

  private static func row(_ event: AuditEvent) -> TableView.Row {
    let actor = event.assumedActor.map { "\($0) (by \(event.actor))" } ?? event.actor
    let role: ThemeRole = switch event.decision {
    case .allowed: .ok
    case .denied: .failed
    case .recorded: .muted
    }
    return TableView.Row([
      .text(String(event.seq)), .text(displayTime(event.time), role: .muted),
      .text(TerminalText.sanitize(actor)), .text(TerminalText.sanitize(event.displayAction)),
      .text(TerminalText.sanitize(event.subject)), .text(event.decision.rawValue, role: role),
    ])
  }

  /// `2026-12-04T16:17:50.401Z` as `2026-12-04 16:17:50`.
  static func displayTime(_ time: String) -> String {
    String(time.prefix(19)).replacingOccurrences(of: "T", with: " ")
  }

  static func detailLines(_ event: AuditEvent) -> [TextPanel.Line] {
    var lines = [
      TextPanel.Line("seq        \(event.seq)"),
      TextPanel.Line("time       \(event.time)"),
      TextPanel.Line("actor      \(event.actor)"),
      TextPanel.Line("as         \(event.assumedActor ?? "-")"),
      TextPanel.Line("action     \(event.action)"),
      TextPanel.Line("subject    \(event.subject)"),
      TextPanel.Line("decision   \(event.decision.rawValue)"),
      TextPanel.Line("prev hash  \(event.prevHash)", .muted),
      TextPanel.Line("hash       \(event.hash)", .muted),
      TextPanel.Line(""),
      TextPanel.Line("details", .accent),
    ]
    let object = try? JSONSerialization.jsonObject(with: Data(event.details.utf8),
                                                   options: [.fragmentsAllowed])
    let pretty = object.flatMap {
      try? JSONSerialization.data(withJSONObject: $0,
                                  options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed])
    }.map { String(decoding: $0, as: UTF8.self) } ?? event.details
    for line in pretty.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(TextPanel.Line("  " + line))
    }
    return lines
  }
}
