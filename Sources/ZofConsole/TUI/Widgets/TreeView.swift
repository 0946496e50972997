/// A collapsible tree with guide lines and a selected row, for dependencies and dependents.
struct TreeView: Sendable {
  struct Node: Sendable {
    /// Identifies the node among its siblings; a node's path of ids keys its expansion.
    var id: String
    var label: String
    var role: ThemeRole
    var children: [Node]

    init(_ id: String, label: String? = nil, role: ThemeRole = .text, children: [Node] = []) {
      self.id = id
      self.label = label ?? id
      self.role = role
      self.children = children
    }
  }

  /// One visible line: the node, its path key, its depth and the guide prefix.
  struct Line: Sendable {
    var node: Node
    var path: String
    var depth: Int
    var prefix: String
  }

  private(set) var roots: [Node]
  /// Paths of expanded nodes. The same entity can appear under several parents, so
  /// expansion is per path, not per id.
  private(set) var expanded: Set<String> = []
  private(set) var lines: [Line] = []
  private(set) var scroll = ScrollState()
  var emptyText = "nothing to show"

  init(roots: [Node], expandedDepth: Int = 1) {
    self.roots = roots
    expandAll(roots, parentPath: "", depth: 0, limit: expandedDepth)
    rebuild()
  }

  var selectedLine: Line? { lines.isEmpty ? nil : lines[scroll.selected] }

  mutating func setRoots(_ newRoots: [Node]) {
    roots = newRoots
    rebuild()
  }

  /// Applies navigation, expand and collapse; returns whether the action was one of them.
  mutating func handle(_ action: ActionID) -> Bool {
    switch action {
    case .expand, .open:
      guard let line = selectedLine, !line.node.children.isEmpty else { return action == .expand }
      if expanded.contains(line.path) && action == .open {
        expanded.remove(line.path)
      } else {
        expanded.insert(line.path)
      }
      rebuild()
      return true
    case .collapse:
      collapseOrSelectParent()
      return true
    default:
      return scroll.handle(action)
    }
  }

  mutating func draw(into buffer: inout CellBuffer, region: Rect, focused: Bool = true) {
    guard !region.isEmpty else { return }
    if lines.isEmpty {
      buffer.text(emptyText, x: region.x + 1, y: region.y, maxWidth: region.width - 1,
                  role: .muted)
      return
    }
    scroll.reveal(height: region.height)
    let last = min(lines.count, scroll.offset + region.height)
    for (row, index) in (scroll.offset..<last).enumerated() {
      let line = lines[index]
      let y = region.y + row
      let isSelected = index == scroll.selected && focused
      if isSelected {
        buffer.fill(Rect(x: region.x, y: y, width: region.width, height: 1), role: .selected)
      }
      let x = region.x + 1
      let width = region.width - 1
      let used = buffer.text(line.prefix, x: x, y: y, maxWidth: width,
                             role: isSelected ? .selected : .border)
      buffer.text(line.node.label, x: x + used, y: y, maxWidth: width - used,
                  role: isSelected ? .selected : line.node.role)
    }
  }

  // MARK: - Structure

  private mutating func collapseOrSelectParent() {
    guard let line = selectedLine else { return }
    if expanded.contains(line.path) {
      expanded.remove(line.path)
      rebuild()
      return
    }
    guard line.depth > 0 else { return }
    let parentIndex = lines[..<scroll.selected].lastIndex { $0.depth == line.depth - 1 }
    if let parentIndex { scroll.select(parentIndex) }
  }

  private mutating func expandAll(_ nodes: [Node], parentPath: String, depth: Int, limit: Int) {
    guard depth < limit else { return }
    for node in nodes where !node.children.isEmpty {
      let path = parentPath + "/" + node.id
      expanded.insert(path)
      expandAll(node.children, parentPath: path, depth: depth + 1, limit: limit)
    }
  }

  private mutating func rebuild() {
    var result: [Line] = []
    appendLines(roots, parentPath: "", depth: 0, guides: "", into: &result)
    lines = result
    scroll.setCount(result.count)
  }

  private func appendLines(
    _ nodes: [Node], parentPath: String, depth: Int, guides: String, into result: inout [Line]
  ) {
    for (index, node) in nodes.enumerated() {
      let isLast = index == nodes.count - 1
      let path = parentPath + "/" + node.id
      let branch = depth == 0 ? "" : (isLast ? "└─" : "├─")
      let marker = node.children.isEmpty ? "  " : (expanded.contains(path) ? "▾ " : "▸ ")
      result.append(Line(node: node, path: path, depth: depth,
                         prefix: guides + branch + marker))
      if expanded.contains(path) {
        let childGuides = depth == 0 ? "" : guides + (isLast ? "  " : "│ ")
        appendLines(node.children, parentPath: path, depth: depth + 1, guides: childGuides,
                    into: &result)
      }
    }
  }
}
