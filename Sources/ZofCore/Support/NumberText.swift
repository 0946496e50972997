import Foundation

/// Formats numbers the way printf's `%.Nf` and `%0Nd` do, without `String(format:)`.
///
/// `String(format:)` boxes every argument as `CVarArg`, and the first such cast of each type
/// scans the whole binary's protocol conformances: about a millisecond per type in a
/// statically linked `zof`, paid again on each command. These run on hot paths such as the
/// console's first frame and every row of the runs list.
public enum NumberText {
  /// `value` rounded to `digits` decimals. As in glibc, the exact binary value is rounded,
  /// so 2.675 (stored as 2.67499...) gives 2.67, and an exact tie goes to the even digit.
  public static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let scale = (0..<digits).reduce(1.0) { result, _ in result * 10 }
    let product = value.magnitude * scale
    guard product < 1e15 else { return String(format: "%.\(digits)f", value) }
    // `product` is the rounded result of the multiplication, and `residue` is what rounding
    // dropped, so product + residue is the exact scaled value.
    let residue = (-product).addingProduct(value.magnitude, scale)
    let whole = product.rounded(.down)
    let fraction = product - whole
    let roundsUp = fraction > 0.5 || (fraction == 0.5
      && (residue > 0 || (residue == 0 && whole.truncatingRemainder(dividingBy: 2) == 1)))
    let units = Int(whole) + (roundsUp ? 1 : 0)
    let sign = value.sign == .minus ? "-" : ""
    guard digits > 0 else { return "\(sign)\(units)" }
    let divisor = Int(scale)
    return "\(sign)\(units / divisor).\(zeroPadded(units % divisor, width: digits))"
  }

  /// `value` with leading zeros up to `width` characters, the sign included.
  public static func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value.magnitude)
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count - sign.count)) + digits
  }
}
