import Foundation
import Testing
import ZofCore

struct NumberTextTests {
  /// The printf formats this replaces are the reference, on values chosen for their edges:
  /// ties, carries into the next digit, negative zero and numbers with no fraction.
  @Test(arguments: [0.0, -0.0, 0.0004, 0.0005, 0.125, 0.375, 0.9995, 1.0, 2.675, 9.96, 12.35,
                    59.95, -0.04, -1.5, -2.25, 123_456.789, 1e12 + 0.5])
  func fixedMatchesPrintf(value: Double) {
    for digits in 0...3 {
      #expect(NumberText.fixed(value, digits: digits) == String(format: "%.\(digits)f", value),
              "\(value) to \(digits) digits")
    }
  }

  /// Values with three or four decimals, many of which sit near a rounding tie in binary.
  @Test func fixedMatchesPrintfOnManyValues() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var mismatches: [String] = []
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Double(Int64(bitPattern: state >> 20) % 10_000_000) / 10_000
      let digits = Int(state % 4)
      let expected = String(format: "%.\(digits)f", value)
      if NumberText.fixed(value, digits: digits) != expected {
        mismatches.append("\(value) to \(digits) digits")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func fixedNamesValuesThatAreNotNumbers() {
    #expect(NumberText.fixed(.nan, digits: 2) == "nan")
    #expect(NumberText.fixed(.infinity, digits: 2) == "inf")
    #expect(NumberText.fixed(-.infinity, digits: 2) == "-inf")
    #expect(NumberText.fixed(1e300, digits: 1) == String(format: "%.1f", 1e300))
  }

  @Test(arguments: [0, 7, 42, 123, -5, -123])
  func zeroPaddedMatchesPrintf(value: Int) {
    #expect(NumberText.zeroPadded(value, width: 2) == String(format: "%02d", value))
    #expect(NumberText.zeroPadded(value, width: 4) == String(format: "%04d", value))
  }
}
