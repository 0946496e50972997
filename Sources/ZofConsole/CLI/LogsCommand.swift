import Foundation
import ZofCore

/// `zof logs RUN [CHECK]`: the stored output of a run's attempts, optionally followed live.
enum LogsCommand {
  static let spec = CommandSpec(
    name: "logs", summary: "print the stored output of a run's checks, or follow it live",
    usage: "RUN [CHECK] [--attempt N] [--follow]",
    discussion: "Without CHECK every attempt of the run is printed in order. --follow keeps "
      + "printing as another process writes output, until the run ends. Control characters "
      + "from checks are shown escaped.",
    options: [
      .value("--attempt", "N", "the attempt number", default: "the last attempt"),
      .flag("--follow", "keep printing new output until the run ends"),
    ],
    positionals: ["RUN", "[CHECK]"], positionalRange: 1...2
  ) { invocation in
    let store = try invocation.store()
    let positionals = invocation.arguments.positionals
    let run = try AttemptLookup.run(positionals[0], store: store)
    var printed: [Int64: Int] = [:]
    let follow = invocation.arguments.flag("--follow")
    while true {
      let attempts = try selectAttempts(invocation, run: run, store: store)
      for attempt in attempts {
        if printed[attempt.id] == nil {
          Console.out("==> \(attempt.checkRef) attempt \(attempt.number) "
                        + "(\(attempt.worker), \(attempt.status.rawValue)) <==")
          printed[attempt.id] = -1
        }
        printed[attempt.id] = try printChunks(attempt.id, after: printed[attempt.id]!,
                                              store: store)
      }
      guard follow, let current = try store.runs.run(run.id),
            [.queued, .running].contains(current.status)
      else { break }
      usleep(200_000)
    }
    return ExitStatus.success
  }

  static func selectAttempts(_ invocation: Invocation, run: RunRecord, store: Store) throws
    -> [AttemptRecord]
  {
    let positionals = invocation.arguments.positionals
    guard positionals.count > 1 else { return try store.runs.attempts(run: run.id) }
    let attempts = try AttemptLookup.attempts(of: positionals[1], in: run, store: store)
    guard let text = invocation.arguments.value("--attempt") else {
      return attempts.last.map { [$0] } ?? []
    }
    guard let number = Int(text), let attempt = attempts.first(where: { $0.number == number })
    else {
      throw InputError("no attempt `\(text)` of \(positionals[1]) in run \(run.id)",
                       hint: "attempts: "
                         + attempts.map { String($0.number) }.joined(separator: ", "))
    }
    return [attempt]
  }

  /// Prints chunks after `seq` and returns the last sequence number printed.
  static func printChunks(_ attempt: Int64, after seq: Int, store: Store) throws -> Int {
    var last = seq
    while true {
      let chunks = try store.runs.chunks(attempt: attempt, after: last)
      guard !chunks.isEmpty else { return last }
      for chunk in chunks {
        let text = EvidenceText.displayText(chunk.bytes)
        FileHandle.standardOutput.write(Data(text.utf8))
        last = chunk.seq
      }
    }
  }
}

/// `zof repro RUN CHECK`: a shell script that reruns exactly that attempt.
enum ReproCommand {
  static let spec = CommandSpec(
    name: "repro", summary: "print a shell script that reruns a recorded attempt",
    usage: "RUN CHECK [--attempt N]",
    discussion: "The script checks out the recorded commit in a scratch worktree, enters the "
      + "check's working directory and runs its command with the recorded environment. "
      + "Values that were redacted must be exported before running it.",
    options: [.value("--attempt", "N", "the attempt number", default: "the last attempt")],
    positionals: ["RUN", "CHECK"], positionalRange: 2...2
  ) { invocation in
    let store = try invocation.store()
    let run = try AttemptLookup.run(invocation.arguments.positionals[0], store: store)
    guard let attempt = try LogsCommand.selectAttempts(invocation, run: run, store: store).last
    else { throw InputError("run \(run.id) has no attempt to reproduce") }
    Console.out(ReproScript.make(attempt: attempt,
                                 repositoryPath: try invocation.workspace().repositoryPath))
    return ExitStatus.success
  }
}
