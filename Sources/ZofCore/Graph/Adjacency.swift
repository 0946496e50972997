/// Compressed sparse rows: the neighbours of node `i` are `targets[offsets[i]..<offsets[i+1]]`.
///
/// Two flat arrays instead of an array per node keep a million edges in a few megabytes and
/// let a traversal walk memory in order.
public struct Adjacency: Sendable {
  public let offsets: [Int32]
  public let targets: [Int32]
  /// The relation type of each edge, parallel to `targets`.
  public let types: [UInt8]

  /// Builds rows for `nodeCount` nodes from `(from, to, type)` edges.
  public init(nodeCount: Int, edges: [(from: Int32, to: Int32, type: UInt8)]) {
    var counts = [Int32](repeating: 0, count: nodeCount + 1)
    for edge in edges { counts[Int(edge.from) + 1] += 1 }
    for i in 0..<nodeCount { counts[i + 1] += counts[i] }
    var cursor = counts
    var targets = [Int32](repeating: 0, count: edges.count)
    var types = [UInt8](repeating: 0, count: edges.count)
    for edge in edges {
      let slot = Int(cursor[Int(edge.from)])
      targets[slot] = edge.to
      types[slot] = edge.type
      cursor[Int(edge.from)] += 1
    }
    self.offsets = counts
    self.targets = targets
    self.types = types
  }

  /// The edge slots of `node`, for reading `targets` and `types`.
  @inline(__always)
  public func range(of node: Int32) -> Range<Int> {
    Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])
  }

  public func degree(of node: Int32) -> Int { range(of: node).count }
}
