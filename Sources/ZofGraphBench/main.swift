import Foundation
import ZofCore

// Times the graph benchmark's Zof side: import of the generated catalog, load of the stored
// snapshot, the reverse closure of the leaf library and a full impact query for a path of it.
// Usage: ZofGraphBench WORKSPACE REPEATS. Prints one JSON object.

let arguments = CommandLine.arguments
guard arguments.count == 3, let repeats = Int(arguments[2]) else {
  FileHandle.standardError.write(Data("usage: ZofGraphBench WORKSPACE REPEATS\n".utf8))
  exit(2)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

let root = arguments[1]
let workspace = try Workspace.load(root: root)
try? FileManager.default.removeItem(atPath: workspace.storeFolder)
let store = try Store(path: workspace.storePath)
let service = GraphService(workspace: workspace, store: store)
var snapshot: Int64 = 0
// With ZOF_BENCH_PHASES set, the import is also timed by phase (read, resolve, store) first.
if ProcessInfo.processInfo.environment["ZOF_BENCH_PHASES"] != nil {
  var contents = CatalogContents()
  let loadTime = try seconds { contents = try CatalogLoader(baseFolder: root).load(["catalog"]) }
  var resolved: ResolvedCatalog!
  let resolveTime = try seconds { resolved = try CatalogResolver().resolve(contents) }
  let saveTime = try seconds { try store.snapshots.save(resolved) }
  print("phases: load \(loadTime) resolve \(resolveTime) save \(saveTime)")
}
let importTime = try seconds { snapshot = try service.importCatalog().snapshot.id }
var graph: SystemGraph!
let loadTime = try seconds { graph = try store.snapshots.loadGraph(id: snapshot) }
let leafName = try String(contentsOfFile: root + "/leaf.txt", encoding: .utf8)
  .split(separator: "\t")[1].trimmingCharacters(in: .whitespacesAndNewlines)
guard let leaf = graph.find("component:\(leafName)") else {
  FileHandle.standardError.write(Data("leaf \(leafName) not found\n".utf8))
  exit(1)
}
var closureSize = 0
var closureTimes: [Double] = []
for _ in 0..<repeats {
  closureTimes.append(seconds { closureSize = graph.reverseClosure(from: [leaf]).count })
}
let analyzer = ImpactAnalyzer(graph: graph, repositoryPath: root)
var affected = 0
var impactTimes: [Double] = []
for _ in 0..<max(1, repeats / 5) {
  impactTimes.append(seconds {
    affected = analyzer.analyze(paths: ["src/\(leafName)/lib.swift"]).affected.count
  })
}
let result: [String: Any] = [
  "entities": graph.count, "relations": graph.relations.count,
  "import_seconds": importTime, "load_seconds": loadTime,
  "closure_seconds": median(closureTimes), "closure": closureSize,
  "impact_seconds": median(impactTimes), "impact_affected": affected,
]
let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
