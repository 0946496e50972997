import Foundation

extension Array where Element: Sendable {
  /// Returns `transform` applied to every element, in order, computed on all cores.
  ///
  /// The elements are handed out in runs of `chunkSize`, so cheap transforms do not pay
  /// for a dispatch each. When a transform throws, the other chunks still finish and the
  /// error of the earliest failing chunk is thrown.
  func concurrentMap<T: Sendable>(chunkSize: Int = 1,
                                  _ transform: @Sendable (Element) throws -> T) throws -> [T] {
    let size = Swift.max(1, chunkSize)
    let chunks = (count + size - 1) / size
    let results = ChunkResults<T>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = (chunk * size)..<Swift.min(count, (chunk + 1) * size)
      results.set(chunk, Result { try self[range].map(transform) })
    }
    return try results.values.flatMap { try $0.get() }
  }
}

/// One result slot per chunk, each written once by the worker that computed it.
private final class ChunkResults<T: Sendable>: @unchecked Sendable {
  private var slots: [Result<[T], any Error>]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: .success([]), count: count)
  }

  func set(_ index: Int, _ value: Result<[T], any Error>) {
    lock.withLock { slots[index] = value }
  }

  var values: [Result<[T], any Error>] { lock.withLock { slots } }
}
