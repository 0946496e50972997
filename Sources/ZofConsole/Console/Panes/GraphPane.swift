import ZofCore

/// The system graph: every entity in a table grouped or sorted by kind, name or risk, the
/// selected entity's dependencies and dependents as trees, and an optional impact overlay
/// (`:impact`) that colours affected entities by risk and explains the selected one.
@MainActor
final class GraphPane: Pane, StoreBackedPane {
  enum Focus { case list, dependencies, dependents }

  enum SortOrder: String, CaseIterable {
    case kind, name, risk
  }

  let title = "Graph"
  let keyTable = KeyTable("Graph", [
    KeyBinding([.character("s")], "sort by kind, name or risk (cycles)", "graph.sort",
               hint: "sort"),
    KeyBinding([.character("d")], "move between the dependencies and dependents trees",
               "graph.switch-tree", hint: "trees"),
    KeyBinding([.character("c")], "clear the impact overlay", "graph.clear-impact"),
  ])

  let context: ConsoleContext
  private var table = TableView(columns: [
    .init("KIND", width: .fixed(11)),
    .init("NAME", width: .flexible(minimum: 14)),
    .init("OWNER", width: .fixed(16)),
    .init("RISK", width: .fixed(8)),
  ])
  private var dependencyTree = TreeView(roots: [])
  private var dependentTree = TreeView(roots: [])
  /// The entity the trees were built for.
  private var treeEntity: Int32?
  private(set) var shown: [Int32] = []
  private var filter = ""
  private(set) var sortOrder = SortOrder.kind
  private var focus = Focus.list
  private(set) var impact: GraphImpactOverlay?
  var loadedGeneration = -1

  init(context: ConsoleContext) {
    self.context = context
  }

  var graph: SystemGraph { context.graph }

  /// Shows an impact report over the graph and sorts by risk.
  func showImpact(_ overlay: GraphImpactOverlay) {
    impact = overlay
    sortOrder = .risk
    rebuildRows()
  }

  // MARK: - Pane

  func draw(into buffer: inout CellBuffer, region: Rect) {
    reloadIfStale()
    let tableWidth = max(44, region.width * 11 / 20)
    let (left, right) = region.splitLeft(tableWidth)
    var title = "Entities (\(shown.count) of \(graph.count)) by \(sortOrder.rawValue)"
    if let impact { title += "  impact: \(impact.title)" }
    buffer.box(left, title: title)
    table.draw(into: &buffer, region: left.inset(by: 1), focused: focus == .list)
    rebuildTreesIfNeeded()
    drawRight(into: &buffer, region: right)
  }

  private func drawRight(into buffer: inout CellBuffer, region: Rect) {
    var rest = region
    if let impact, let entity = selectedEntity {
      let why = impact.explanation(for: graph[entity].ref)
      let height = min(max(4, why.count + 2), region.height / 3)
      let split = rest.splitBottom(height)
      rest = split.rest
      buffer.box(split.bottom, title: "Why affected")
      var panel = TextPanel(why)
      panel.emptyText = "not affected by this change"
      panel.draw(into: &buffer, region: split.bottom.inset(by: 1))
    }
    let (top, bottom) = rest.splitTop(rest.height / 2)
    buffer.box(top, title: "Depends on")
    dependencyTree.draw(into: &buffer, region: top.inset(by: 1), focused: focus == .dependencies)
    buffer.box(bottom, title: "Dependents (what a change can break)")
    dependentTree.draw(into: &buffer, region: bottom.inset(by: 1), focused: focus == .dependents)
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    reloadIfStale()
    switch action {
    case "graph.sort":
      let all = SortOrder.allCases
      sortOrder = all[(all.firstIndex(of: sortOrder)! + 1) % all.count]
      rebuildRows()
      return [.message(.info, "sorted by \(sortOrder.rawValue)")]
    case "graph.switch-tree":
      focus = focus == .dependencies ? .dependents : .dependencies
      return [.redraw]
    case "graph.clear-impact":
      impact = nil
      if sortOrder == .risk { sortOrder = .kind }
      rebuildRows()
      return [.message(.info, "impact overlay cleared")]
    case .open where focus == .list:
      focus = .dependencies
      return [.redraw]
    case .back where focus != .list:
      focus = .list
      return [.redraw]
    case .back:
      return nil
    default:
      return navigate(action)
    }
  }

  private func navigate(_ action: ActionID) -> [Reaction]? {
    let handled: Bool
    switch focus {
    case .list: handled = table.handle(action)
    case .dependencies: handled = dependencyTree.handle(action)
    case .dependents: handled = dependentTree.handle(action)
    }
    return handled ? [.redraw] : nil
  }

  func setFilter(_ text: String) -> [Reaction] {
    filter = text
    rebuildRows()
    return [.redraw]
  }

  func reload() -> [Reaction] {
    loadedGeneration = context.generation
    treeEntity = nil
    rebuildRows()
    return [.redraw]
  }

  // MARK: - Rows

  var selectedEntity: Int32? {
    table.selectedIndex.flatMap { shown.indices.contains($0) ? shown[$0] : nil }
  }

  private func rebuildRows() {
    let graph = self.graph
    // After `:as` the graph may be a newer snapshot, so the old id is checked first.
    let previous = selectedEntity.flatMap { $0 < graph.count ? graph[$0].ref : nil }
    var ids = (0..<Int32(graph.count)).filter { id in
      let entity = graph[id]
      return FilterMatch.matches(filter, entity.ref.short, entity.kind, owner(of: id))
    }
    ids.sort(by: ordering)
    shown = ids
    table.emptyText = filter.isEmpty ? "the catalog is empty" : "no entity matches \"\(filter)\""
    table.setRows(ids.map(row(for:)))
    if let previous, let id = graph.id(of: previous), let index = ids.firstIndex(of: id) {
      table.select(index)
    }
  }

  private func ordering(_ lhs: Int32, _ rhs: Int32) -> Bool {
    let left = graph[lhs].ref
    let right = graph[rhs].ref
    switch sortOrder {
    case .kind:
      return (left.kind, left.name) < (right.kind, right.name)
    case .name:
      return (left.name, left.kind) < (right.name, right.kind)
    case .risk:
      let leftRisk = impact?.affected[left.description]?.risk ?? -1
      let rightRisk = impact?.affected[right.description]?.risk ?? -1
      if leftRisk != rightRisk { return leftRisk > rightRisk }
      return (left.kind, left.name) < (right.kind, right.name)
    }
  }

  private func row(for id: Int32) -> TableView.Row {
    let entity = graph[id]
    let affected = impact?.affected[entity.ref.description]
    let role = affected.map { GraphImpactOverlay.role(forLevel: $0.level) }
    let risk = affected.map { "\($0.level)" } ?? ""
    return TableView.Row([
      .text(entity.kind, role: .muted), .text(display(entity.ref), role: role),
      .text(owner(of: id), role: .muted), .text(risk, role: role),
    ])
  }

  private func display(_ ref: EntityRef) -> String {
    TerminalText.sanitize(ref.namespace == "default" ? ref.name : "\(ref.namespace)/\(ref.name)")
  }

  private func owner(of id: Int32) -> String {
    for (type, target) in graph.relations(from: id) where type == .ownedBy {
      return TerminalText.sanitize(graph[target].ref.name)
    }
    return ""
  }

  // MARK: - Trees

  private func rebuildTreesIfNeeded() {
    guard let id = selectedEntity else {
      dependencyTree = TreeView(roots: [])
      dependentTree = TreeView(roots: [])
      treeEntity = nil
      return
    }
    guard id != treeEntity else { return }
    treeEntity = id
    let builder = DependencyTreeBuilder(graph: graph, impact: impact)
    dependencyTree = TreeView(roots: [builder.node(id, direction: .dependencies)],
                              expandedDepth: 2)
    dependencyTree.emptyText = "no dependencies"
    dependentTree = TreeView(roots: [builder.node(id, direction: .dependents)],
                             expandedDepth: 2)
  }
}
