import Foundation
import Testing
import ZofCore

@testable import ZofConsole

struct RunStatusStyleTests {
  @Test(arguments: [
    "2026-12-04T16:17:50.401Z", "2000-02-29T00:00:00.000Z", "1999-12-31T23:59:59.999Z",
    "2026-12-04T16:17:50Z", "2026-12-04",
  ])
  func storedTimeParsesLikeTimestamp(text: String) throws {
    let expected = try #require(Timestamp.parse(text))
    let parsed = try #require(RunStatusStyle.date(text))
    #expect(abs(parsed.timeIntervalSince(expected)) < 0.0005)
  }

  @Test func invalidTimeIsNil() {
    #expect(RunStatusStyle.date("2026-1x-04T16:17:50.401Z") == nil)
  }

  @Test func durationBetweenStoredTimes() {
    let text = RunStatusStyle.duration(from: "2001-01-01T11:00:00.000Z",
                                       to: "2001-01-01T11:00:42.500Z", now: Date())
    #expect(text == "42.5s")
  }
}
