import Foundation
import Glibc
import Testing

/// Drives the real `zof` binary in a detached tmux session. Needs `tmux` on PATH and
/// skips without it.
///
/// The binary is `ZOF_BINARY` when set; otherwise `zof` beside the test bundle (both live
/// in `.build/debug` after `swift build`), then `.build/debug/zof` under the package root.
@Suite(.enabled(if: Tmux.isAvailable, "needs tmux on PATH"))
struct ConsoleEndToEndTests {
  @Test func demoSwitchesFiltersResizesAndQuits() throws {
    let binary = try #require(Tmux.zofBinary(), "zof binary not found; run swift build first")
    let tmux = Tmux()
    defer { tmux.killServer() }
    try tmux.run(["new-session", "-d", "-s", "zof", "-x", "100", "-y", "30",
                  "-e", "ZOF_TUI_DEMO=1", "-e", "NO_COLOR=", "sh"])
    try tmux.run(["send-keys", "-t", "zof", "'\(binary)'; echo zof-exited-$?", "Enter"])

    let start = try #require(tmux.waitForScreen { $0.contains(" 1 Graph ") })
    #expect(start.contains("Entities (10)"))

    try tmux.run(["send-keys", "-t", "zof", "2"])
    #expect(tmux.waitForScreen { $0.contains("Log r-1042") } != nil)

    try tmux.run(["send-keys", "-t", "zof", "/", "c", "h", "e", "c"])
    let filtered = tmux.waitForScreen { $0.contains("/chec") && $0.contains("Log r-1043") }
    #expect(filtered?.contains("r-1042") == false)
    try tmux.run(["send-keys", "-t", "zof", "Enter"])

    try tmux.run(["resize-window", "-t", "zof", "-x", "70", "-y", "20"])
    let small = tmux.waitForScreen { $0.contains("terminal too small") }
    #expect(small?.contains("terminal too small: need 80x24, have 70x20") == true)

    try tmux.run(["resize-window", "-t", "zof", "-x", "100", "-y", "30"])
    let restored = tmux.waitForScreen { $0.contains(" 2 Runs ") }
    #expect(restored?.contains("filter: chec") == true)

    try tmux.run(["send-keys", "-t", "zof", "q"])
    let exited = tmux.waitForScreen { $0.contains("zof-exited-0") }
    #expect(exited != nil)
    #expect(try tmux.output(["display-message", "-p", "-t", "zof", "#{alternate_on}"]) == "0")
  }

  /// Ctrl-C is a request to quit: with nothing running it quits at once, restores the
  /// terminal and exits 0.
  @Test func ctrlCQuitsAndRestoresTerminal() throws {
    let binary = try #require(Tmux.zofBinary(), "zof binary not found; run swift build first")
    let tmux = Tmux()
    defer { tmux.killServer() }
    try tmux.run(["new-session", "-d", "-s", "zof", "-x", "100", "-y", "30",
                  "-e", "ZOF_TUI_DEMO=1", "-e", "NO_COLOR=", "bash", "--norc"])
    try tmux.run(["send-keys", "-t", "zof", "'\(binary)'; echo zof-exited-$?", "Enter"])
    #expect(tmux.waitForScreen { $0.contains(" 1 Graph ") } != nil)

    try tmux.run(["send-keys", "-t", "zof", "C-c"])

    #expect(tmux.waitForScreen { $0.contains("zof-exited-0") } != nil)
    #expect(try tmux.output(["display-message", "-p", "-t", "zof", "#{alternate_on}"]) == "0")
  }
}

/// A tmux server on its own socket, so tests never touch a user's sessions.
struct Tmux {
  let socket = "zof-test-\(UUID().uuidString)"

  static var isAvailable: Bool { executable() != nil }

  static func executable() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func zofBinary() -> String? {
    if let override = ProcessInfo.processInfo.environment["ZOF_BINARY"] { return override }
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
      bundleFolder.appendingPathComponent("zof"),
      packageRoot.appendingPathComponent(".build/debug/zof"),
    ]
    return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @discardableResult
  func run(_ arguments: [String]) throws -> String {
    // Output goes to a file, not a pipe: the server that `new-session` starts inherits the
    // descriptors and would keep a pipe open for its whole life.
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let status = try Self.spawnAndWait(
      [Self.executable() ?? "tmux", "-L", socket, "-f", "/dev/null"] + arguments,
      outputPath: outputPath)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    guard status == 0 else { throw TmuxError(arguments: arguments, output: output) }
    return output
  }

  /// Runs a program with stdin from /dev/null and stdout and stderr to `outputPath`, and
  /// waits for it with waitpid; returns its exit status.
  private static func spawnAndWait(_ argv: [String], outputPath: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    // Test threads may block signals, and a child inherits that mask; tmux and its shell
    // would then ignore SIGHUP and SIGTERM and outlive kill-server.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let result = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
    guard result == 0 else {
      throw TmuxError(arguments: argv, output: "posix_spawn failed: errno \(result)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // WEXITSTATUS and WIFEXITED are macros; a normal exit stores the code in bits 8-15.
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
  }

  func output(_ arguments: [String]) throws -> String {
    try run(arguments).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func capture() -> String {
    (try? run(["capture-pane", "-p", "-t", "zof"])) ?? ""
  }

  /// Polls the pane until `condition` holds; returns the screen, or nil when it never held.
  /// NOTE: the 20-second limit only bounds a hung test; passing tests return on the first
  /// matching capture.
  func waitForScreen(_ condition: (String) -> Bool) -> String? {
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let screen = capture()
      if condition(screen) { return screen }
      usleep(50_000)
    }
    let screen = capture()
    Issue.record("screen never matched; last capture:\n\(screen)")
    return nil
  }

  func killServer() {
    _ = try? run(["kill-server"])
  }
}

struct TmuxError: Error, CustomStringConvertible {
  var arguments: [String]
  var output: String
  var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(output)" }
}
