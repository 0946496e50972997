import Foundation

/// Writes the shell script that reruns one recorded attempt: same commit, working
/// directory, command and environment, in a scratch worktree.
public enum ReproScript {
  /// Builds the script for `attempt` of `check` in a repository at `repositoryPath`.
  public static func make(attempt: AttemptRecord, repositoryPath: String) -> String {
    let argv = (try? JSONSerialization.jsonObject(with: Data(attempt.command.utf8)))
      as? [String] ?? []
    let environment = (try? JSONSerialization.jsonObject(with: Data(attempt.environment.utf8)))
      as? [String: String] ?? [:]
    var lines = [
      "#!/bin/sh",
      "# Reruns attempt \(attempt.number) of \(attempt.checkRef) from run \(attempt.runID),",
      "# recorded \(attempt.startedAt) by \(attempt.worker): \(attempt.status.rawValue)"
        + (attempt.exitCode.map { ", exit status \($0)" } ?? "") + ".",
      "set -eu",
      "repository=\(ShellText.quote(repositoryPath))",
    ]
    if let commit = attempt.commit {
      lines += [
        "commit=\(commit)",
        "# A scratch worktree at the recorded commit leaves your working tree alone.",
        "scratch=$(mktemp -d)",
        "git -C \"$repository\" worktree add --quiet --detach \"$scratch/tree\" \"$commit\"",
        "trap 'git -C \"$repository\" worktree remove --force \"$scratch/tree\"; "
          + "rm -rf \"$scratch\"' EXIT",
        "cd \"$scratch/tree\"/\(ShellText.quote(attempt.workdir))",
      ]
    } else {
      lines += ["# No commit was recorded: this runs in the current working tree.",
                "cd \"$repository\"/\(ShellText.quote(attempt.workdir))"]
    }
    var assignments: [String] = []
    var redacted: [String] = []
    for name in environment.keys.sorted() {
      let value = environment[name]!
      if value.contains("[REDACTED") {
        redacted.append(name)
        assignments.append("\(name)=\"${\(name):?\(name) was redacted: export it first}\"")
      } else {
        assignments.append("\(name)=\(ShellText.quote(value))")
      }
    }
    if !redacted.isEmpty {
      lines.append("# Redacted values, to export before running: "
                     + redacted.joined(separator: ", "))
    }
    // No `exec`: the shell must stay to run the trap that removes the worktree.
    lines.append("status=0")
    lines.append("env -i \\")
    for assignment in assignments { lines.append("  \(assignment) \\") }
    lines.append("  " + argv.map(ShellText.quote).joined(separator: " ") + " || status=$?")
    lines.append("exit $status")
    return lines.joined(separator: "\n") + "\n"
  }
}
