import Foundation
import Testing
@testable import ZofCore

struct TimestampTests {
  @Test(arguments: [0.0, 1_780_000_000.0, 1_780_000_000.9996, 951_782_400.5, -86_400.25])
  func matchesFoundationFormatter(seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    #expect(Timestamp.iso8601(date) == formatter.string(from: date))
  }

  @Test func roundTrip() throws {
    let date = Date(timeIntervalSince1970: 1_780_000_123.456)
    let parsed = try #require(Timestamp.parse(Timestamp.iso8601(date)))
    #expect(abs(parsed.timeIntervalSince(date)) < 0.001)
  }
}
