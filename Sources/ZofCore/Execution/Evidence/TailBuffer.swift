/// A ring buffer that keeps the last `capacity` bytes appended to it.
struct TailBuffer: Sendable {
  let capacity: Int
  private var storage: [UInt8] = []
  /// Index of the next byte to overwrite once the storage is full.
  private var next = 0

  init(capacity: Int) {
    self.capacity = capacity
  }

  var count: Int { storage.count }

  mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    guard capacity > 0 else { return }
    var slice = bytes[...]
    if slice.count >= capacity {
      storage = Array(slice.suffix(capacity))
      next = 0
      return
    }
    let room = capacity - storage.count
    if room > 0 {
      storage.append(contentsOf: slice.prefix(room))
      slice = slice.dropFirst(room)
    }
    // Overwrite the oldest bytes in at most two runs: up to the end, then from the start.
    while !slice.isEmpty {
      let run = min(slice.count, capacity - next)
      storage.replaceSubrange(next..<(next + run), with: slice.prefix(run))
      next = (next + run) % capacity
      slice = slice.dropFirst(run)
    }
  }

  /// The kept bytes, oldest first.
  var contents: [UInt8] {
    Array(storage[next...] + storage[..<next])
  }
}
