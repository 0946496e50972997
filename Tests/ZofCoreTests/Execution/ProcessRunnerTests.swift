import Foundation
import Glibc
import Testing
@testable import ZofCore

struct ProcessRunnerTests {
  static let environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

  /// Runs a shell script and returns the result with everything it wrote per stream.
  static func run(_ script: String, in folder: String = "/tmp", timeout: Double? = nil,
                  grace: Double = 5, environment: [String: String] = environment)
    throws -> (ProcessResult, stdout: [UInt8], stderr: [UInt8]) {
    let runner = ProcessRunner(
      command: .shell(script, workingDirectory: folder, environment: environment),
      timeout: timeout, killGrace: grace)
    var out: [UInt8] = []
    var err: [UInt8] = []
    let result = try runner.run { stream, bytes in
      if stream == .stdout { out += bytes } else { err += bytes }
    }
    return (result, out, err)
  }

  @Test(arguments: [("exit 0", 0), ("exit 3", 3), ("false", 1)])
  func exitCodes(script: String, code: Int32) throws {
    let (result, _, _) = try Self.run(script)
    #expect(result.exitCode == code)
    #expect(result.signal == nil)
    #expect(!result.timedOut)
  }

  @Test func streamsSeparated() throws {
    let (result, out, err) = try Self.run("printf out; printf err >&2")
    #expect(out == Array("out".utf8))
    #expect(err == Array("err".utf8))
    #expect(result.stdoutBytes == 3)
    #expect(result.stderrBytes == 3)
  }

  @Test func terminatingSignal() throws {
    let (result, _, _) = try Self.run("kill -USR1 $$")
    #expect(result.exitCode == nil)
    #expect(result.signal == SIGUSR1)
  }

  @Test func explicitEnvironmentOnly() throws {
    setenv("ZOF_TEST_LEAK", "leaked", 1)
    defer { unsetenv("ZOF_TEST_LEAK") }
    let (_, out, _) = try Self.run("printf '%s|%s' \"${ZOF_TEST_LEAK-unset}\" \"$ONLY\"",
                                   environment: Self.environment.merging(["ONLY": "given"]) {
                                     $1
                                   })
    #expect(String(decoding: out, as: UTF8.self) == "unset|given")
  }

  @Test func workingDirectoryAndStdin() throws {
    let folder = try TestPaths.scratch()
    let (_, out, _) = try Self.run("pwd; wc -c", in: folder)
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
    #expect(lines.first.map(String.init) == folder)
    #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "0")
  }

  @Test func timeoutKillsIgnoringChild() throws {
    let script = "trap '' TERM; echo ready; while :; do sleep 0.1; done"
    let (result, out, _) = try Self.run(script, timeout: 0.5, grace: 0.5)
    #expect(result.timedOut)
    #expect(result.signal == SIGKILL)
    #expect(out == Array("ready\n".utf8))
  }

  @Test func timeoutStopsCooperativeChild() throws {
    let (result, _, _) = try Self.run("sleep 30", timeout: 0.3)
    #expect(result.timedOut)
    #expect(result.signal == SIGTERM)
  }

  @Test func grandchildKilledAfterExit() throws {
    let folder = try TestPaths.scratch()
    // The subshell backgrounds a sleeper and exits, so the sleeper is reparented but stays
    // in the group, holding stdout open.
    let script = "( sleep 300 & echo $! > \(folder)/pid ) ; exit 0"
    let (result, _, _) = try Self.run(script)
    let text = try String(contentsOfFile: "\(folder)/pid", encoding: .utf8)
    let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(result.exitCode == 0)
    #expect(!TestPaths.isRunning(pid))
  }

  @Test func grandchildWithClosedOutputKilled() throws {
    let folder = try TestPaths.scratch()
    let script = "( sleep 300 >/dev/null 2>&1 & echo $! > \(folder)/pid ) ; exit 0"
    _ = try Self.run(script)
    let text = try String(contentsOfFile: "\(folder)/pid", encoding: .utf8)
    let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(!TestPaths.isRunning(pid))
  }

  @Test func largeOutputCountAndDigest() throws {
    let folder = try TestPaths.scratch()
    let file = "\(folder)/data"
    _ = try Self.run("head -c 52428800 /dev/urandom > \(file)")
    let (_, sum, _) = try Self.run("sha256sum \(file)")
    let expected = String(decoding: sum.prefix(64), as: UTF8.self)
    let hasher = SHA256Hasher()
    var count = 0
    let runner = ProcessRunner(command: .shell("cat \(file)", workingDirectory: folder,
                                               environment: Self.environment))
    let result = try runner.run { _, bytes in
      count += bytes.count
      hasher.update(bytes)
    }
    #expect(result.stdoutBytes == 52_428_800)
    #expect(count == 52_428_800)
    #expect(hasher.finalizeHex() == expected)
  }

  @Test func nonUTF8BytesUnchanged() throws {
    let (_, out, _) = try Self.run(#"printf '\377\000\200ok'"#)
    #expect(out == [0xff, 0x00, 0x80, 0x6f, 0x6b])
  }

  @Test func cancelFromAnotherThread() throws {
    let runner = ProcessRunner(command: .shell("echo go; sleep 30", workingDirectory: "/tmp",
                                               environment: Self.environment))
    let result = try runner.run { _, _ in
      Thread.detachNewThread { runner.cancel() }
    }
    #expect(result.cancelled)
    #expect(!result.timedOut)
    #expect(result.signal == SIGTERM)
  }

  @Test func missingDirectoryNamesCall() throws {
    let runner = ProcessRunner(command: .shell("true", workingDirectory: "/nonexistent/zof",
                                               environment: Self.environment))
    #expect {
      _ = try runner.run { _, _ in }
    } throws: { error in
      let text = String(describing: error)
      return text.contains("posix_spawn") && text.contains("No such file or directory")
    }
  }

  @Test func missingProgramNamesIt() throws {
    let command = ProcessCommand(executable: "zof-no-such-program", workingDirectory: "/tmp",
                                 environment: Self.environment)
    #expect(throws: SystemCallError("posix_spawn zof-no-such-program", code: ENOENT)) {
      _ = try ProcessRunner(command: command).run { _, _ in }
    }
  }
}
