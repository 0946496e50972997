import Foundation
import ZofCore

/// One attempt of a check: its log in follow mode, the parsed test cases with failure
/// messages, and the command that reproduces it.
///
/// New output is read with `chunks(attempt:after:)` from the last chunk shown, so a
/// running check streams in without reading its log again.
struct AttemptView {
  let run: RunRecord
  let checkRef: String
  private(set) var attempts: [AttemptRecord] = []
  private(set) var index = 0
  private(set) var log = LogView()
  private var cases = TextPanel()
  private var lastChunk = -1
  /// Bytes after the last newline of each stream, held until their line is complete.
  private var partial: [ZofCore.OutputStream: [UInt8]] = [:]
  private var casesFocused = false

  init(run: RunRecord, check: String, store: Store) throws {
    self.run = run
    self.checkRef = check
    attempts = try store.runs.attempts(run: run.id).filter { $0.checkRef == check }
    index = max(0, attempts.count - 1)
    try loadAttempt(store: store)
  }

  var attempt: AttemptRecord? { attempts.indices.contains(index) ? attempts[index] : nil }

  /// The command that prints a script rerunning this attempt.
  var reproCommand: String {
    let number = attempt.map { " --attempt \($0.number)" } ?? ""
    return "zof repro \(run.id) \(checkRef)\(number)"
  }

  mutating func reload(store: Store) throws {
    let fresh = try store.runs.attempts(run: run.id).filter { $0.checkRef == checkRef }
    let wasLast = index == attempts.count - 1
    attempts = fresh
    if wasLast && index < attempts.count - 1 {
      index = attempts.count - 1
      try loadAttempt(store: store)
      return
    }
    try readNewChunks(store: store)
    try loadCases(store: store)
  }

  mutating func handle(_ action: ActionID, store: Store) -> [Reaction]? {
    switch action {
    case "runs.previous", "runs.next":
      let step = action == "runs.previous" ? -1 : 1
      guard attempts.indices.contains(index + step) else {
        return [.message(.info, "no \(step < 0 ? "earlier" : "later") attempt")]
      }
      index += step
      do {
        try loadAttempt(store: store)
      } catch {
        return [.message(.error, ConsoleErrorText.describe(error))]
      }
      return [.redraw]
    case "runs.toggle-focus":
      casesFocused.toggle()
      return [.redraw]
    default:
      let handled = casesFocused ? cases.handle(action) : log.handle(action)
      return handled ? [.redraw] : nil
    }
  }

  // MARK: - Loading

  private mutating func loadAttempt(store: Store) throws {
    log = LogView()
    lastChunk = -1
    partial = [:]
    try readNewChunks(store: store)
    try loadCases(store: store)
  }

  private mutating func readNewChunks(store: Store) throws {
    guard let attempt else { return }
    while true {
      let chunks = try store.runs.chunks(attempt: attempt.id, after: lastChunk)
      guard !chunks.isEmpty else { break }
      for chunk in chunks {
        append(chunk)
        lastChunk = chunk.seq
      }
    }
    let finished = try store.runs.attempt(attempt.id)?.finishedAt != nil
    if finished { flushPartialLines() }
  }

  /// Appends the complete lines of a chunk. Bytes after the last newline wait for the
  /// next chunk of the same stream, so neither a line nor a UTF-8 sequence is cut.
  private mutating func append(_ chunk: EvidenceChunk) {
    let bytes = (partial[chunk.stream] ?? []) + chunk.bytes
    guard let newline = bytes.lastIndex(of: UInt8(ascii: "\n")) else {
      partial[chunk.stream] = bytes
      return
    }
    partial[chunk.stream] = Array(bytes[(newline + 1)...])
    let role: ThemeRole = chunk.kind == .elision ? .muted
      : (chunk.stream == .stderr ? .warning : .text)
    log.append(String(decoding: bytes[..<newline], as: UTF8.self), role: role)
  }

  private mutating func flushPartialLines() {
    for (stream, bytes) in partial where !bytes.isEmpty {
      log.append(String(decoding: bytes, as: UTF8.self),
                 role: stream == .stderr ? .warning : .text)
    }
    partial = [:]
  }

  private mutating func loadCases(store: Store) throws {
    var panel = TextPanel()
    panel.emptyText = "no test cases parsed (the check reports none, or is still running)"
    if let attempt {
      let results = try store.runs.testCases(attempt: attempt.id)
      for result in results.sorted(by: { Self.rank($0.status) < Self.rank($1.status) }) {
        let mark = result.status == .passed ? "✔" : (result.status == .skipped ? "-" : "✘")
        panel.append("\(mark) \(result.status.rawValue)  \(result.name)",
                     role: RunStatusStyle.role(result.status == .error ? "errored"
                                                 : result.status.rawValue))
        if let message = result.message, !message.isEmpty {
          panel.append("    " + message, role: .muted)
        }
      }
    }
    let top = cases.top
    cases = panel
    for _ in 0..<top { _ = cases.handle(.moveDown) }
  }

  /// Failures first, then flakes, errors, skips and passes.
  private static func rank(_ status: TestCaseResult.Status) -> Int {
    switch status {
    case .failed: 0
    case .error: 1
    case .flaky: 2
    case .skipped: 3
    case .passed: 4
    }
  }

  // MARK: - Drawing

  mutating func draw(into buffer: inout CellBuffer, region: Rect) {
    let casesHeight = min(max(4, cases.lines.count + 2), max(4, region.height / 3))
    let (top, rest) = region.splitBottom(casesHeight + 3)
    let (casesBox, reproBox) = rest.splitTop(casesHeight)
    var title = "\(EntityRef(parsing: checkRef)?.short ?? checkRef) · run \(run.id)"
    if let attempt {
      title += " · attempt \(attempt.number)/\(attempts.count) \(attempt.status.rawValue)"
        + " · \(attempt.worker)"
    }
    buffer.box(top, title: TerminalText.sanitize(title))
    log.draw(into: &buffer, region: top.inset(by: 1))
    buffer.box(casesBox, title: casesFocused ? "Test cases (scrolling)" : "Test cases")
    cases.draw(into: &buffer, region: casesBox.inset(by: 1))
    buffer.box(reproBox, title: "Reproduce")
    buffer.text(reproCommand, x: reproBox.x + 2, y: reproBox.y + 1,
                maxWidth: reproBox.width - 4, role: .accent)
  }
}
