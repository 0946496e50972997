import Testing
@testable import ZofCore

struct ConcurrentMapTests {
  struct Odd: Error, Equatable {
    let value: Int
  }

  @Test(arguments: [1, 7, 512, 5_000])
  func keepsOrder(chunkSize: Int) throws {
    let numbers = Array(0..<2_000)
    #expect(try numbers.concurrentMap(chunkSize: chunkSize) { $0 * 3 } == numbers.map { $0 * 3 })
  }

  @Test func emptyInputGivesEmptyOutput() throws {
    #expect(try [Int]().concurrentMap { $0 }.isEmpty)
  }

  /// Every chunk runs, and the error thrown is the one from the earliest failing chunk.
  @Test func throwsTheEarliestError() {
    let numbers = [2, 4, 5, 6, 9]
    #expect(throws: Odd(value: 5)) {
      try numbers.concurrentMap(chunkSize: 2) { number in
        if number % 2 == 1 { throw Odd(value: number) }
        return number
      }
    }
  }
}
