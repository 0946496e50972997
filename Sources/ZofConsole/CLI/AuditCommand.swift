import Foundation
import ZofCore

/// `zof audit`, `zof audit verify`, `zof audit export`.
enum AuditCommand {
  static let spec = CommandSpec(
    name: "audit", summary: "page through the audit trail, verify or export it",
    usage: "[verify|export] [--actor A] [--action X] [--subject S] [--since T] [--limit N] "
      + "[--before SEQ] [--json]",
    discussion: "Events are listed newest first; the last line names the --before value for "
      + "the next page.",
    options: [
      .value("--actor", "A", "events whose real or assumed actor is A, such as user:default/bob"),
      .value("--action", "X", "events of this action, such as remediation.approve"),
      .value("--subject", "S", "events about this subject"),
      .value("--since", "TIME", "events at or after this UTC time (ISO 8601 or YYYY-MM-DD)"),
      .value("--limit", "N", "events per page", default: "50"),
      .value("--before", "SEQ", "events with a lower sequence number (the next page)"),
      .flag("--json", "print as JSON"),
    ],
    subcommands: [verifySpec, exportSpec]
  ) { invocation in
    let arguments = invocation.arguments
    var query = AuditQuery(actor: arguments.value("--actor"), action: arguments.value("--action"),
                           subject: arguments.value("--subject"))
    if let since = arguments.value("--since") {
      guard let date = Timestamp.parse(since) else {
        throw UsageError("invalid --since `\(since)`",
                         hint: "use 2026-12-04 or 2026-12-04T10:00:00Z", command: "audit")
      }
      query.since = date
    }
    query.limit = try positiveInt(arguments.value("--limit") ?? "50", "--limit")
    if let before = arguments.value("--before") {
      query.before = Int64(try positiveInt(before, "--before"))
    }
    let page = try invocation.session().audit.events(query)
    if invocation.json {
      try Console.json(["events": page.events.map(eventJSON),
                        "nextCursor": page.nextCursor.map { $0 as Any } ?? NSNull()])
      return ExitStatus.success
    }
    for event in page.events {
      let actor = event.assumedActor.map { "\($0) (by \(event.actor))" } ?? event.actor
      let decision = event.decision.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
      Console.out("\(event.seq)  \(event.time)  \(decision)  \(event.displayAction)  "
                    + "\(event.subject)  \(actor)")
    }
    if page.events.isEmpty { Console.out("no events match") }
    if let next = page.nextCursor { Console.out("more: --before \(next)") }
    return ExitStatus.success
  }

  static func positiveInt(_ text: String, _ option: String) throws -> Int {
    guard let value = Int(text), value > 0 else {
      throw UsageError("invalid \(option) `\(text)`", hint: "give a positive whole number",
                       command: "audit")
    }
    return value
  }

  static func eventJSON(_ event: AuditEvent) -> [String: Any] {
    [
      "seq": event.seq, "time": event.time, "actor": event.actor,
      "assumedActor": event.assumedActor ?? NSNull(), "action": event.action,
      "subject": event.subject, "decision": event.decision.rawValue,
      "details": (try? JSONSerialization.jsonObject(with: Data(event.details.utf8)))
        ?? event.details,
      "prevHash": event.prevHash, "hash": event.hash,
    ]
  }

  static let verifySpec = CommandSpec(
    name: "verify", summary: "recompute the hash chain and report the first broken event",
    usage: "[--expect-head HASH] [--json]",
    discussion: "Prints the head (sequence number and hash) to keep elsewhere; giving it back "
      + "with --expect-head also detects a truncated tail. Exit status 1 when broken.",
    options: [
      .value("--expect-head", "HASH", "a head hash printed by an earlier verify (HASH or "
               + "SEQ:HASH)"),
      .flag("--json", "print as JSON"),
    ]
  ) { invocation in
    var expected: AuditHead?
    let store = try Store(path: try invocation.workspace().storePath)
    if let text = invocation.arguments.value("--expect-head") {
      expected = try expectedHead(text, database: store.database)
      if expected == nil {
        // The saved head is no longer in the chain: its row and everything after it went.
        Console.out("audit chain BROKEN: truncated: the expected head \(text.prefix(16))… is "
                      + "not in the chain")
        return ExitStatus.gateFailed
      }
    }
    let result = try AuditLog(database: store.database).verify(expectHead: expected)
    if invocation.json {
      var object: [String: Any] = ["count": result.count, "head": result.head.description,
                                   "intact": result.isIntact]
      if let tamper = result.tamper {
        object["broken"] = ["kind": tamper.kind.rawValue, "seq": tamper.seq,
                            "detail": tamper.detail]
      }
      try Console.json(object)
    } else if let tamper = result.tamper {
      Console.out("audit chain BROKEN: \(tamper)")
      Console.out("head: \(result.head) (\(result.count) events stored)")
    } else {
      Console.out("audit chain intact: \(result.count) events")
      Console.out("head: \(result.head)")
    }
    return result.isIntact ? ExitStatus.success : ExitStatus.gateFailed
  }

  /// Reads `HASH` or `SEQ:HASH`; a bare hash is looked up in the chain, and nil means it
  /// is not there any more.
  static func expectedHead(_ text: String, database: Database) throws -> AuditHead? {
    let parts = text.split(separator: ":")
    let hash = String(parts.last ?? "")
    guard hash.count == 64, hash.allSatisfy(\.isHexDigit), parts.count <= 2 else {
      throw UsageError("invalid --expect-head `\(text)`",
                       hint: "give the head hash as `zof audit verify` prints it",
                       command: "audit")
    }
    if parts.count == 2 {
      guard let seq = Int64(parts[0]) else {
        throw UsageError("invalid --expect-head `\(text)`", command: "audit")
      }
      return AuditHead(seq: seq, hash: hash)
    }
    let seq = try database.scalar("SELECT seq FROM audit_events WHERE hash = ?", [hash])
    return seq.map { AuditHead(seq: $0, hash: hash) }
  }

  static let exportSpec = CommandSpec(
    name: "export", summary: "write every event with its hashes as JSON lines",
    usage: "--jsonl [--output FILE]",
    options: [
      .flag("--jsonl", "JSON lines, one event per line (the only format)"),
      .value("--output", "FILE", "write to FILE instead of standard output"),
    ]
  ) { invocation in
    guard invocation.arguments.flag("--jsonl") else {
      throw UsageError("`zof audit export` needs --jsonl", command: "audit")
    }
    let store = try Store(path: try invocation.workspace().storePath)
    let audit = AuditLog(database: store.database)
    if let path = invocation.arguments.value("--output") {
      let file = Workspace.absolute(path, relativeTo: invocation.currentDirectory)
      guard FileManager.default.createFile(atPath: file, contents: nil),
            let handle = FileHandle(forWritingAtPath: file)
      else { throw OperationError("write \(file)", "cannot create the file") }
      defer { try? handle.close() }
      let count = try audit.export { handle.write(Data(($0 + "\n").utf8)) }
      Console.error("wrote \(count) events to \(file)")
    } else {
      _ = try audit.export { Console.out($0) }
    }
    return ExitStatus.success
  }
}

/// `zof gc`: removes evidence older than the policy's retention, never the audit trail.
enum GCCommand {
  static let spec = CommandSpec(
    name: "gc", summary: "remove expired evidence; hashes and the audit trail stay",
    usage: "[--days N] [--json]",
    discussion: "Deletes stored output chunks and artifact contents older than "
      + "spec.retention.evidenceDays of the policy (default 30 days). Attempts keep the "
      + "SHA-256 and size of their output, artifacts keep their SHA-256.",
    options: [
      .value("--days", "N", "keep this many days instead of the policy's value"),
      .flag("--json", "print the counts as JSON"),
    ]
  ) { invocation in
    let session = try invocation.session()
    var days = session.policy.evidenceDays ?? 30
    if let text = invocation.arguments.value("--days") {
      days = try AuditCommand.positiveInt(text, "--days")
    }
    let cutoff = Timestamp.iso8601(Date() - Double(days) * 86400)
    let database = session.store.database
    let deleted = try database.transaction { () -> [String: Int] in
      // Artifact rows keep their hash; only the stored content goes.
      let artifacts = try database.run("""
        UPDATE artifacts SET content = NULL WHERE content IS NOT NULL AND attempt_id IN
          (SELECT id FROM attempts WHERE started_at < ?)
        """, [cutoff])
      var counts = try EvidenceRetention.gc(
        evidenceDays: days,
        tables: [RetainedTable(name: "evidence_chunks", timeColumn: "created_at")],
        audit: session.audit, actor: session.identity)
      counts["artifact_contents"] = artifacts
      return counts
    }
    if invocation.json {
      try Console.json(["evidenceDays": days, "cutoff": cutoff, "deleted": deleted])
    } else {
      Console.out("kept \(days) days of evidence (before \(cutoff) removed): "
                    + deleted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                      .joined(separator: ", "))
    }
    return ExitStatus.success
  }
}
