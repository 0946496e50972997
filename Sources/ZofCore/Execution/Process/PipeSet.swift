import CPosix
import Glibc

/// The pipes between a runner and its child: stdout, stderr, and a wake-up pipe that
/// `cancel()` writes to so a waiting `poll` returns at once.
///
/// Every descriptor is close-on-exec, so children spawned concurrently by other threads
/// never inherit a write end and keep another child's pipe open.
final class PipeSet {
  struct Pipe {
    var read: Int32
    var write: Int32
  }

  var stdout: Pipe
  var stderr: Pipe
  var wake: Pipe

  init() throws {
    stdout = try PipeSet.makePipe()
    do {
      stderr = try PipeSet.makePipe()
    } catch {
      PipeSet.close(stdout)
      throw error
    }
    do {
      wake = try PipeSet.makePipe()
    } catch {
      PipeSet.close(stdout)
      PipeSet.close(stderr)
      throw error
    }
    for descriptor in [stdout.read, stderr.read, wake.read, wake.write] {
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
  }

  /// Closes the write ends the child got copies of, so end-of-file arrives when it exits.
  func closeChildEnds() {
    SystemCall.close(stdout.write)
    SystemCall.close(stderr.write)
    stdout.write = -1
    stderr.write = -1
  }

  func closeAll() {
    PipeSet.close(stdout)
    PipeSet.close(stderr)
    PipeSet.close(wake)
  }

  private static func close(_ pipe: Pipe) {
    if pipe.read >= 0 { SystemCall.close(pipe.read) }
    if pipe.write >= 0 { SystemCall.close(pipe.write) }
  }

  private static func makePipe() throws -> Pipe {
    var descriptors: [Int32] = [-1, -1]
    try SystemCall.retrying("pipe2") { pipe2(&descriptors, O_CLOEXEC) }
    return Pipe(read: descriptors[0], write: descriptors[1])
  }
}
