/// An exact decimal count, such as 40 pupils, 2.5 hours or 34 093 inhabitants: `units / 10^scale`.
///
/// Quantities are normalized (no trailing fractional zeros), so 2.50 and 2.5 are the same value and
/// hash alike. Parsed quantities have at most six decimals; products of quantities may have up to
/// twelve, and a product that needs more, or more than 64 bits of units, throws `.overflow`.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most decimals a quantity can have, reached by multiplying two six-decimal quantities.
    public static let maximumScale = 12
    /// The most decimals a parsed quantity may have, as tariff files publish them.
    public static let maximumParsedScale = 6

    /// The value without its decimal point: 2.5 has units 25.
    public let units: Int64
    /// How many decimals the value has after normalization: 2.5 has scale 1, 40 has scale 0.
    public let scale: Int

    /// Stores units and a scale that the caller has already normalized and checked.
    private init(normalizedUnits units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// A whole quantity.
    public init(_ integer: Int64) {
        self.init(normalizedUnits: integer, scale: 0)
    }

    /// The quantity `units / 10^scale`, normalized; a scale outside 0...12 throws `.overflow`.
    public init(units: Int64, scale: Int) throws(MoneyError) {
        guard scale >= 0 && scale <= Quantity.maximumScale else { throw .overflow }
        var units = units
        var scale = scale
        while scale > 0 && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        self.init(normalizedUnits: units, scale: scale)
    }

    /// Normalizes a 128-bit value, throwing `.overflow` when it needs more than 64 bits or twelve decimals.
    private static func normalizing(_ units: Int128, scale: Int) throws(MoneyError) -> Quantity {
        var units = units
        var scale = scale
        while scale > 0 && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        guard scale <= Quantity.maximumScale, let narrow = Int64(exactly: units) else { throw .overflow }
        return Quantity(normalizedUnits: narrow, scale: scale)
    }

    /// Parses a plain decimal such as "40", "2.5", "-1.25" or "0.000001", with at most six decimals and no exponent.
    public init(parsing text: String) throws(MoneyError) {
        let outcome = withUTF8Bytes(of: text) { bytes -> ParseOutcome<Quantity> in
            guard let literal = scanDecimalLiteral(bytes, from: 0, allowingSign: true, allowingFraction: true),
                literal.end == bytes.count, literal.writtenFractionDigits <= Quantity.maximumParsedScale
            else { return .malformed }
            guard !literal.isTooLarge else { return .overflow }
            // The integer part may be large while the fraction is at most six digits, so check the combination.
            let scale = literal.significantFractionDigits
            let (shifted, shiftOverflowed) = literal.integerPart.multipliedReportingOverflow(
                by: Int128(powersOfTen[scale]))
            let (magnitude, addOverflowed) = shifted.addingReportingOverflow(literal.fractionPart)
            guard !shiftOverflowed && !addOverflowed, let units = Int64(exactly: magnitude) else { return .overflow }
            // The fraction has no trailing zeros, so these units are already normalized.
            return .value(Quantity(normalizedUnits: literal.isNegative ? -units : units, scale: scale))
        }
        self = try outcome.get(input: text, expected: ExpectedForm.quantity)
    }

    /// The exact product, normalized; throws `.overflow` when it needs more than twelve decimals or 64 bits of units.
    public func multiplied(by other: Quantity) throws(MoneyError) -> Quantity {
        let (product, overflowed) = units.multipliedReportingOverflow(by: other.units)
        let scale = scale + other.scale
        if !overflowed && scale == 0 { return Quantity(normalizedUnits: product, scale: 0) }
        // Both factors are below 2^63 in magnitude, so the 128-bit product is exact.
        let exactProduct = overflowed ? Int128(units) * Int128(other.units) : Int128(product)
        return try Quantity.normalizing(exactProduct, scale: scale)
    }

    /// Whether the quantity is a whole number.
    public var isInteger: Bool {
        scale == 0
    }

    /// The quantity as an exact, reduced fraction.
    public var rational: Rational {
        Rational(reducingNumerator: Int128(units), positiveDenominator: Int128(powersOfTen[scale]))
    }

    /// The machine form with a dot and no grouping, such as "2.5", "40" or "-0.000001".
    public var plainString: String {
        renderDecimal(magnitude: units.magnitude, scale: scale, isNegative: units < 0, style: .plain)
    }

    /// The Dutch form with a decimal comma and thousands dots, such as "2,5" or "34.093".
    public var dutchString: String {
        renderDecimal(magnitude: units.magnitude, scale: scale, isNegative: units < 0, style: .dutch)
    }

    /// The plain form, such as "2.5".
    public var description: String {
        plainString
    }

    /// Orders quantities by value, aligning scales in 128 bits, where 64-bit units times 10^12 always fit.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        if lhs.scale == rhs.scale { return lhs.units < rhs.units }
        let commonScale = max(lhs.scale, rhs.scale)
        let left = Int128(lhs.units) * Int128(powersOfTen[commonScale - lhs.scale])
        let right = Int128(rhs.units) * Int128(powersOfTen[commonScale - rhs.scale])
        return left < right
    }
}

extension Quantity {
    /// The quantity equal to `rational`, or nil when it is not a decimal with at most
    /// `maximumScale` decimals that fits (1/3 has no such form; 9/2 is 4.5).
    public init?(exactly rational: Rational) {
        var scale = 0
        var power: Int128 = 1
        while scale <= Quantity.maximumScale {
            if power % rational.denominator == 0 {
                let (units, overflow) = rational.numerator.multipliedReportingOverflow(by: power / rational.denominator)
                guard !overflow, let small = Int64(exactly: units), let quantity = try? Quantity(units: small, scale: scale) else {
                    return nil
                }
                self = quantity
                return
            }
            scale += 1
            power *= 10
        }
        return nil
    }
}
