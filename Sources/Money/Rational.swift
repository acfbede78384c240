/// An exact fraction of 128-bit integers, always reduced, with a positive denominator.
///
/// Products of amounts, quantities and indexation factors are kept as rationals until the single
/// rounding step, so that no intermediate rounding can change a published price. The numerator and
/// denominator never equal `Int128.min`, which keeps negation and magnitudes free of overflow.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Zero, as 0/1.
    public static let zero = Rational(reducedNumerator: 0, denominator: 1)
    /// One, as 1/1.
    public static let one = Rational(reducedNumerator: 1, denominator: 1)

    /// The numerator, carrying the sign; it shares no factor with the denominator.
    public let numerator: Int128
    /// The denominator, always positive; it is 1 for whole numbers.
    public let denominator: Int128

    /// Stores a fraction the caller has already reduced, with a positive denominator and no `Int128.min`.
    init(reducedNumerator numerator: Int128, denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Reduces a fraction whose denominator the caller knows to be positive and whose terms are not `Int128.min`.
    init(reducingNumerator numerator: Int128, positiveDenominator denominator: Int128) {
        // The denominator is positive, so the divisor is at least 1.
        let common = greatestCommonDivisor(numerator, denominator)
        self.init(reducedNumerator: numerator / common, denominator: denominator / common)
    }

    /// A whole number as a fraction.
    public init(_ integer: Int64) {
        self.init(reducedNumerator: Int128(integer), denominator: 1)
    }

    /// Creates the reduced fraction numerator/denominator; a zero denominator throws `.divisionByZero`.
    public init(numerator: Int128, denominator: Int128) throws(MoneyError) {
        guard denominator != 0 else { throw .divisionByZero }
        // Int128.min has no positive counterpart; refusing it keeps every later negation safe.
        guard numerator != .min && denominator != .min else { throw .overflow }
        if denominator < 0 {
            self.init(reducingNumerator: -numerator, positiveDenominator: -denominator)
        } else {
            self.init(reducingNumerator: numerator, positiveDenominator: denominator)
        }
    }

    /// Parses "2/3", "-1/3", a whole number such as "1", or a decimal such as "0.5" or "-1.0375".
    public init(parsingFraction text: String) throws(MoneyError) {
        let outcome = withUTF8Bytes(of: text) { Rational.scan($0) }
        self = try outcome.get(input: text, expected: ExpectedForm.fraction)
    }

    /// Reads `-?(0|[1-9][0-9]*)(\.[0-9]+)?` or `-?(0|[1-9][0-9]*)/[1-9][0-9]*`.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseOutcome<Rational> {
        guard let top = scanDecimalLiteral(bytes, from: 0, allowingSign: true, allowingFraction: true) else {
            return .malformed
        }
        if top.end == bytes.count {
            guard !top.isTooLarge, let scale = powerOfTen128(top.significantFractionDigits) else { return .overflow }
            let (shifted, shiftOverflowed) = top.integerPart.multipliedReportingOverflow(by: scale)
            let (magnitude, addOverflowed) = shifted.addingReportingOverflow(top.fractionPart)
            guard !shiftOverflowed && !addOverflowed else { return .overflow }
            return .value(
                Rational(reducingNumerator: top.isNegative ? -magnitude : magnitude, positiveDenominator: scale))
        }
        // A fraction bar only follows a whole number: "0.5/2" mixes two notations.
        guard bytes[top.end] == Byte.slash, top.writtenFractionDigits == 0,
            let bottom = scanDecimalLiteral(
                bytes, from: top.end + 1, allowingSign: false, allowingFraction: false),
            bottom.end == bytes.count
        else { return .malformed }
        guard !top.isTooLarge && !bottom.isTooLarge else { return .overflow }
        guard bottom.integerPart != 0 else { return .divisionByZero }
        let numerator = top.isNegative ? -top.integerPart : top.integerPart
        return .value(Rational(reducingNumerator: numerator, positiveDenominator: bottom.integerPart))
    }

    /// Multiplies two 128-bit integers, treating `Int128.min` as out of range so that negation stays safe.
    private static func product(_ first: Int128, _ second: Int128) throws(MoneyError) -> Int128 {
        let (result, overflowed) = first.multipliedReportingOverflow(by: second)
        guard !overflowed && result != .min else { throw .overflow }
        return result
    }

    /// Adds two 128-bit integers, treating `Int128.min` as out of range so that negation stays safe.
    private static func sum(_ first: Int128, _ second: Int128) throws(MoneyError) -> Int128 {
        let (result, overflowed) = first.addingReportingOverflow(second)
        guard !overflowed && result != .min else { throw .overflow }
        return result
    }

    /// The exact sum, reduced; throws `.overflow` when a term does not fit in 128 bits.
    public func adding(_ other: Rational) throws(MoneyError) -> Rational {
        // Knuth's method divides by the common factor of the denominators first, which keeps the terms small.
        let common = greatestCommonDivisor(denominator, other.denominator)
        if common == 1 {
            let top = try Rational.sum(
                Rational.product(numerator, other.denominator), Rational.product(other.numerator, denominator))
            return Rational(reducedNumerator: top, denominator: try Rational.product(denominator, other.denominator))
        }
        let top = try Rational.sum(
            Rational.product(numerator, other.denominator / common),
            Rational.product(other.numerator, denominator / common))
        if top == 0 { return .zero }
        let remainingCommon = greatestCommonDivisor(top, common)
        let bottom = try Rational.product(denominator / common, other.denominator / remainingCommon)
        return Rational(reducedNumerator: top / remainingCommon, denominator: bottom)
    }

    /// The exact difference, reduced; throws `.overflow` when a term does not fit in 128 bits.
    public func subtracting(_ other: Rational) throws(MoneyError) -> Rational {
        try adding(other.negated())
    }

    /// The exact product, reduced; throws `.overflow` when a term does not fit in 128 bits.
    public func multiplied(by other: Rational) throws(MoneyError) -> Rational {
        if numerator == 0 || other.numerator == 0 { return .zero }
        // Cancelling across before multiplying keeps the result reduced and avoids needless overflow.
        let first = greatestCommonDivisor(numerator, other.denominator)
        let second = greatestCommonDivisor(other.numerator, denominator)
        let top = try Rational.product(numerator / first, other.numerator / second)
        let bottom = try Rational.product(denominator / second, other.denominator / first)
        return Rational(reducedNumerator: top, denominator: bottom)
    }

    /// The exact quotient, reduced; throws `.divisionByZero` for a zero divisor and `.overflow` for oversized terms.
    public func divided(by other: Rational) throws(MoneyError) -> Rational {
        guard other.numerator != 0 else { throw .divisionByZero }
        // The reciprocal moves the sign to the new numerator so that the denominator stays positive.
        let reciprocal =
            other.numerator < 0
            ? Rational(reducedNumerator: -other.denominator, denominator: -other.numerator)
            : Rational(reducedNumerator: other.denominator, denominator: other.numerator)
        return try multiplied(by: reciprocal)
    }

    /// The same fraction with the opposite sign; this cannot fail because `Int128.min` is never stored.
    public func negated() -> Rational {
        Rational(reducedNumerator: -numerator, denominator: denominator)
    }

    /// The nearest whole number, with halves settled by `mode`; in practice this never throws, as nothing can overflow.
    public func rounded(_ mode: RoundingMode) throws(MoneyError) -> Int128 {
        mode.roundedQuotient(numerator, dividedBy: denominator, inStepsOf: .cent)
    }

    /// Reads the fraction as cents and rounds it once to the precision; throws `.overflow` outside the money range.
    public func roundedMoney(
        to precision: Precision, _ mode: RoundingMode = .halfAwayFromZero
    ) throws(MoneyError) -> Money {
        let steps = mode.roundedQuotient(numerator, dividedBy: denominator, inStepsOf: precision)
        return try Money.counting(steps, of: precision)
    }

    /// Orders fractions exactly, comparing 256-bit cross products so that large terms cannot overflow.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }

    /// "2/3", "-1/3", or just the whole number, such as "5", when the denominator is 1.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }
}
