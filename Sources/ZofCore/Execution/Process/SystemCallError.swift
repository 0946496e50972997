import Glibc

/// A failed C library call: the function name and `errno` with its `strerror` text.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
  public var function: String
  public var code: Int32

  public init(_ function: String, code: Int32) {
    self.function = function
    self.code = code
  }

  public var description: String {
    "\(function) failed: \(String(cString: strerror(code))) (errno \(code))"
  }
}

/// Wrappers that retry on EINTR and turn -1 into a `SystemCallError`.
enum SystemCall {
  /// Calls `body` until it returns something other than -1 with EINTR.
  @discardableResult
  static func retrying<T: FixedWidthInteger>(_ function: String, _ body: () -> T) throws -> T {
    while true {
      let result = body()
      if result != -1 { return result }
      let code = errno
      if code == EINTR { continue }
      throw SystemCallError(function, code: code)
    }
  }

  /// For the posix_spawn family, which returns the error number instead of setting errno.
  static func checkReturn(_ function: String, _ result: Int32) throws {
    if result != 0 { throw SystemCallError(function, code: result) }
  }

  /// Closes `descriptor`, ignoring EINTR because Linux releases the descriptor anyway.
  static func close(_ descriptor: Int32) {
    _ = Glibc.close(descriptor)
  }
}
