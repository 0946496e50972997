import Foundation
import Testing

/// `zof logs --follow` streams output that another process is writing, and stops when the
/// run ends.
struct LogsFollowTests {
  @Test func followStreamsAnotherProcess() throws {
    let folder = ScratchFolder("zof-follow")
    folder.writeSingleCheckWorkspace(
      check: "ticker",
      script: "for i in 1 2 3 4 5; do echo tick-$i; sleep 0.4; done; printf '\\\\033[31mred\\\\n'")
    let runner = Process()
    runner.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
    runner.arguments = ["run", "--check", "ticker"]
    runner.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    runner.standardOutput = FileHandle.nullDevice
    runner.standardError = FileHandle.nullDevice
    try runner.run()
    // Follow once the first line is stored. Under heavy load the run may end first, and
    // then --follow must still print everything and return.
    for _ in 0..<600 where runner.isRunning {
      let logs = try BinaryRunner.run(["logs", "1", "ticker"], in: folder.path)
      if logs.output.contains("tick-1") { break }
      usleep(50_000)
    }
    let following = try BinaryRunner.run(["logs", "1", "ticker", "--follow"], in: folder.path)
    runner.waitUntilExit()
    let output = following.output
    for tick in 1...5 { #expect(output.contains("tick-\(tick)")) }
    #expect(output.contains("\\x1b[31mred"))
    #expect(!output.contains("\u{1b}"))
    #expect(runner.terminationStatus == 0)
  }
}
