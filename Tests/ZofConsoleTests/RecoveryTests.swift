import Foundation
import Testing
import ZofCore

/// A run whose `zof` process is killed with SIGKILL is marked interrupted by the next
/// command, and the check it left behind is stopped.
struct RecoveryTests {
  let folder = ScratchFolder("zof-recovery")

  init() {
    folder.writeSingleCheckWorkspace(check: "slow", script: "echo started; sleep 300")
  }

  /// Waits, within a bound, until `condition` holds; returns whether it did.
  func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
    for _ in 0..<300 {
      if try condition() { return true }
      usleep(100_000)
    }
    return false
  }

  /// Whether a process has ended: it no longer exists, or it is a zombie waiting for a
  /// parent (here whichever process adopted the orphan) to collect it.
  static func isGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
    else { return true }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }

  @Test func killedRunIsInterruptedAndItsCheckStopped() throws {
    let runner = Process()
    runner.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    runner.arguments = ["run", "--check", "slow"]
    runner.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    runner.standardOutput = FileHandle.nullDevice
    runner.standardError = FileHandle(forWritingAtPath: folder.write("runner.err", ""))
    try runner.run()
    let started = try eventually {
      let logs = try BinaryRunner.run(["logs", "1", "slow"], in: folder.path)
      return logs.output.contains("started")
    }
    #expect(started, "\((try? String(contentsOfFile: folder.path + "/runner.err", encoding: .utf8)) ?? "")")
    let database = try Database(path: folder.path + "/.zof/zof.db")
    let group = try #require(try database.scalar(
      "SELECT process_group FROM attempts WHERE run_id = 1"))
    #expect(kill(pid_t(group), 0) == 0)

    kill(runner.processIdentifier, SIGKILL)
    runner.waitUntilExit()
    #expect(try eventually {
      let runs = try BinaryRunner.run(["runs", "--json"], in: folder.path)
      return runs.output.contains("\"interrupted\"")
    })
    let status = try database.queryFirst("SELECT status FROM attempts WHERE run_id = 1") {
      $0.text(0)
    }
    #expect(status == "interrupted")
    #expect(eventually { Self.isGone(pid_t(group)) })
    let trail = try BinaryRunner.run(["audit", "--action", "run.interrupt"], in: folder.path)
    #expect(trail.output.contains("run:1"), "\(trail.output)")
  }
}
