import Foundation
import ZofCore

/// `zof graph import|show|stats`.
enum GraphCommand {
  static let spec = CommandSpec(
    name: "graph", summary: "import the catalog, show an entity, count the graph",
    usage: "import|show|stats [options]",
    subcommands: [importSpec, showSpec, statsSpec]
  ) { _ in
    throw UsageError("`zof graph` needs a subcommand: import, show or stats", command: "graph")
  }

  static let importSpec = CommandSpec(
    name: "import", summary: "read the catalog and store it as a new snapshot",
    usage: "[--kubernetes PATH...] [--strict] [--json]",
    discussion: "Commands that need the graph import it themselves when a catalog file "
      + "changed; this forces a new snapshot. A bad file is rejected whole and nothing is "
      + "stored. --kubernetes also records PATH under `kubernetes:` in zof.yaml, so later "
      + "imports keep reading it: Deployments and Services become components, and "
      + "container environment values that name a Service's host become dependencies.",
    options: [
      .list("--kubernetes", "PATH", "Kubernetes manifest files or folders to add as a source"),
      .flag("--strict", "treat references to missing entities as errors, not warnings"),
      .flag("--json", "print the snapshot as JSON"),
    ]
  ) { invocation in
    var workspace = try invocation.workspace()
    let manifests = invocation.arguments.list("--kubernetes")
    if !manifests.isEmpty {
      // Check the manifests before recording them, so a bad path never lands in zof.yaml.
      let paths = manifests.map { path -> String in
        let absolute = Workspace.absolute(path, relativeTo: invocation.currentDirectory)
        return Workspace.relative(absolute, to: workspace.root) ?? absolute
      }
      _ = try KubernetesImporter(baseFolder: workspace.root).load(paths)
      let file = (workspace.root as NSString).appendingPathComponent(Workspace.fileName)
      for path in paths { try WorkspaceConfig.addKubernetesSource(path, file: file) }
      workspace = try Workspace.load(root: workspace.root)
    }
    let strict = invocation.arguments.flag("--strict")
    // A strict read happens before any session opens, because the first session of a
    // workspace imports whatever it finds.
    let strictCatalog = strict
      ? try GraphService(workspace: workspace, store: try Store(path: workspace.storePath))
        .readCatalog(strict: true)
      : nil
    // The session leaves a changed catalog to this command, which imports it once.
    let session = try invocation.session(importingChanges: false)
    let service = GraphService(workspace: workspace, store: session.store,
                               logger: invocation.logger())
    let snapshot: SnapshotInfo
    if session.imported {
      // Without an earlier snapshot, opening the session imported the catalog, decided
      // and recorded.
      snapshot = session.snapshot
    } else {
      let catalog = try strictCatalog ?? service.readCatalog()
      try session.authorize(.catalogImport, subject: "catalog",
                            details: ["files": .integer(Int64(catalog.sources.count))])
      snapshot = try service.save(catalog).snapshot
    }
    if invocation.json {
      try Console.json([
        "snapshot": snapshot.id, "entities": snapshot.entityCount,
        "relations": snapshot.relationCount, "sources": snapshot.sources.map(\.path),
        "warnings": snapshot.warnings,
      ])
      return ExitStatus.success
    }
    Console.out("imported snapshot \(snapshot.id): \(snapshot.entityCount) entities, "
                  + "\(snapshot.relationCount) relations from \(snapshot.sources.count) files")
    for warning in snapshot.warnings { Console.out("warning: \(warning)") }
    return ExitStatus.success
  }

  static let showSpec = CommandSpec(
    name: "show", summary: "show an entity and its relations both ways",
    usage: "REF [--json]",
    discussion: "REF is kind:namespace/name; the kind and namespace may be left out when "
      + "the name is unique enough (`refunds`, `api:payments`).",
    options: [.flag("--json", "print as JSON")],
    positionals: ["REF"], positionalRange: 1...1
  ) { invocation in
    let graph = try invocation.graph().graph
    let text = invocation.arguments.positionals[0]
    guard let id = graph.find(text) else {
      let names = graph.entities.map(\.ref.short)
      let hint = Suggestion.closest(to: text, in: names).map { "did you mean \($0)?" }
      throw InputError("no entity `\(text)` in the catalog",
                       hint: hint ?? "run `zof graph stats` to see what was imported")
    }
    let entity = graph[id]
    let outgoing = graph.relations(from: id).map { ($0.0.description, graph[$0.1].ref.short) }
    let incoming = graph.relations(to: id).map {
      ($0.0.inverseDescription, graph[$0.1].ref.short)
    }
    if invocation.json {
      try Console.json([
        "ref": entity.ref.description, "kind": entity.kind, "title": entity.title ?? "",
        "file": entity.location.description,
        "relations": outgoing.map { ["type": $0.0, "target": $0.1] },
        "inverse": incoming.map { ["type": $0.0, "source": $0.1] },
      ])
      return ExitStatus.success
    }
    Console.out("\(entity.ref)  (\(entity.kind)\(entity.type.map { ", \($0)" } ?? ""))")
    if let title = entity.title { Console.out("title: \(title)") }
    if let description = entity.description {
      Console.out("description: \(description.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    Console.out("defined at: \(entity.location)")
    Console.out("")
    Console.out("relations:")
    if outgoing.isEmpty { Console.out("  (none)") }
    for (type, target) in outgoing { Console.out("  \(type) -> \(target)") }
    Console.out("inverse relations:")
    if incoming.isEmpty { Console.out("  (none)") }
    for (type, source) in incoming { Console.out("  \(type) <- \(source)") }
    return ExitStatus.success
  }

  static let statsSpec = CommandSpec(
    name: "stats", summary: "count entities per kind and relations per type",
    usage: "[--json]", options: [.flag("--json", "print as JSON")]
  ) { invocation in
    let loaded = try invocation.graph()
    let stats = GraphStats(graph: loaded.graph)
    if invocation.json {
      try Console.json([
        "snapshot": loaded.snapshot.id, "entities": stats.entityCount,
        "relations": stats.relationCount, "kinds": stats.kinds, "relationTypes": stats.types,
        "warnings": loaded.snapshot.warnings,
      ])
      return ExitStatus.success
    }
    Console.out("snapshot \(loaded.snapshot.id) (\(loaded.snapshot.createdAt)): "
                  + "\(stats.entityCount) entities, \(stats.relationCount) relations")
    Console.out("")
    Console.out("entities per kind:")
    for (kind, count) in stats.kinds.sorted(by: { $0.key < $1.key }) {
      Console.out("  \(kind.padding(toLength: 16, withPad: " ", startingAt: 0))\(count)")
    }
    Console.out("relations per type:")
    for (type, count) in stats.types.sorted(by: { $0.key < $1.key }) {
      Console.out("  \(type.padding(toLength: 16, withPad: " ", startingAt: 0))\(count)")
    }
    if !loaded.snapshot.warnings.isEmpty {
      Console.out("\(loaded.snapshot.warnings.count) warnings; `zof graph import` lists them")
    }
    return ExitStatus.success
  }
}
