/// Demo Readiness pane: the checklist of a ref for an environment as a tree.
@MainActor
final class ReadinessDemoPane: Pane {
  let title = "Readiness"
  let keyTable = KeyTable("Readiness", [
    KeyBinding([.character("s")], "sign off the release", "readiness.sign-off",
               flags: .changesState, hint: "sign off"),
  ])
  private var tree = TreeView(roots: DemoData.readiness, expandedDepth: 3)

  func draw(into buffer: inout CellBuffer, region: Rect) {
    buffer.box(region, title: "Readiness of main for staging")
    tree.draw(into: &buffer, region: region.inset(by: 1))
  }

  func handle(_ action: ActionID) -> [Reaction]? {
    if action == "readiness.sign-off" {
      return [.message(.error, "cannot sign off: 1 required check failed (r-1042)")]
    }
    return tree.handle(action) ? [.redraw] : nil
  }
}
