/// A value bound to or read from SQLite, in SQLite's five storage classes.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  public var int64: Int64? {
    switch self {
    case .integer(let value): value
    case .real(let value): Int64(value)
    case .text(let value): Int64(value)
    default: nil
    }
  }

  public var string: String? {
    switch self {
    case .text(let value): value
    case .integer(let value): String(value)
    case .real(let value): String(value)
    case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
    case .null: nil
    }
  }

  public var double: Double? {
    switch self {
    case .real(let value): value
    case .integer(let value): Double(value)
    case .text(let value): Double(value)
    default: nil
    }
  }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(floatLiteral value: Double) { self = .real(value) }
  public init(nilLiteral: ()) { self = .null }
}

/// Types that convert to an `SQLValue` for binding.
public protocol SQLBindable {
  var sqlValue: SQLValue { get }
}

extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .real(self) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
  public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
extension Array: SQLBindable where Element == UInt8 {
  public var sqlValue: SQLValue { .blob(self) }
}
