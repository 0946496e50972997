import Foundation
import Glibc

/// A file's size and modification time: when both still match what was recorded, the file
/// is taken to be unchanged without reading it, the way git's index decides.
public struct FileStamp: Sendable, Equatable {
  public var size: Int64
  /// Modification time in nanoseconds since the Unix epoch.
  public var modifiedNanoseconds: Int64

  public init(size: Int64, modifiedNanoseconds: Int64) {
    self.size = size
    self.modifiedNanoseconds = modifiedNanoseconds
  }

  /// How long after its last modification a file's stamp is trusted: longer than the
  /// granularity of any file system's clock (two seconds on FAT).
  public static let settleNanoseconds: Int64 = 3_000_000_000

  /// Returns whether the file was last modified long enough before `now` for a later write
  /// to be certain to move its modification time.
  public func isSettled(now: Date = Date()) -> Bool {
    let nowNanoseconds = Int64(now.timeIntervalSince1970 * 1_000_000_000)
    return modifiedNanoseconds < nowNanoseconds - Self.settleNanoseconds
  }

  /// Returns the stamp of the file at `path` (through symbolic links), or nil when there is
  /// no such file.
  public static func of(_ path: String) -> FileStamp? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return FileStamp(
      size: Int64(status.st_size),
      modifiedNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000
        + Int64(status.st_mtim.tv_nsec))
  }
}
