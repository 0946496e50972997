/// Demo Graph pane: a filterable entity table and the dependency tree of the selection.
@MainActor
final class GraphDemoPane: Pane {
  let title = "Graph"
  let keyTable = KeyTable("Graph", [
    KeyBinding([.character("d")], "show dependents instead of dependencies",
               "graph.toggle-direction", hint: "dependents"),
  ])

  private var table = TableView(columns: [
    .init("KIND", width: .fixed(9)),
    .init("NAME", width: .flexible(minimum: 12)),
    .init("OWNER", width: .fixed(13)),
    .init("RISK", width: .fixed(8)),
  ])
  private var tree = TreeView(roots: [])
  private var shown: [DemoData.Entity] = []
  private var treeFocused = false
  private var showsDependents = false
  /// The entity and direction the tree was built for.
  private var treeKey: String?

  init() {
    applyFilter("")
  }

  func draw(into buffer: inout CellBuffer, region: Rect) {
    let tableWidth = max(40, region.width * 3 / 5)
    let (left, right) = region.splitLeft(tableWidth)
    buffer.box(left, title: "Entities (\(shown.count))")
    table.draw(into: &buffer, region: left.inset(by: 1), focused: !treeFocused)
    let treeTitle = showsDependents ? "Dependents" : "Dependencies"
    buffer.box(right, title: treeTitle)
    rebuildTree()
    tree.draw(into: &buffer, region: right.inset(by: 1), focused: treeFocused)
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    switch action {
    case "graph.toggle-direction":
      showsDependents.toggle()
      return [.redraw]
    case .open where !treeFocused:
      treeFocused = true
      return [.redraw]
    case .back where treeFocused:
      treeFocused = false
      return [.redraw]
    case .back:
      return nil
    default:
      let handled = treeFocused ? tree.handle(action) : table.handle(action)
      return handled ? [.redraw] : nil
    }
  }

  func setFilter(_ text: String) -> [Reaction] {
    applyFilter(text)
    return [.redraw]
  }

  private func applyFilter(_ text: String) {
    shown = DemoData.entities.filter { FilterMatch.matches(text, $0.name, $0.kind, $0.owner) }
    table.emptyText = "no entity matches \"\(text)\""
    table.setRows(shown.map { entity in
      TableView.Row([
        .text(entity.kind, role: .muted), .text(entity.name),
        .text(entity.owner), .text(entity.risk, role: DemoData.riskRole(entity.risk)),
      ])
    })
  }

  /// Rebuilds the tree when the selected entity or the direction changed, so the tree
  /// keeps its own selection and expansion otherwise.
  private func rebuildTree() {
    guard let index = table.selectedIndex, shown.indices.contains(index) else {
      tree = TreeView(roots: [])
      treeKey = nil
      return
    }
    let key = "\(shown[index].name) \(showsDependents)"
    guard key != treeKey else { return }
    treeKey = key
    tree = TreeView(roots: [node(for: shown[index].name, visited: [])], expandedDepth: 3)
  }

  private func node(for name: String, visited: Set<String>) -> TreeView.Node {
    let entity = DemoData.entities.first { $0.name == name }
    let role = entity.map { DemoData.riskRole($0.risk) } ?? .text
    guard !visited.contains(name) else { return TreeView.Node(name, role: role) }
    let next = showsDependents
      ? DemoData.entities.filter { $0.dependsOn.contains(name) }.map(\.name)
      : entity?.dependsOn ?? []
    let children = next.map { node(for: $0, visited: visited.union([name])) }
    return TreeView.Node(name, role: role, children: children)
  }
}
