/// A percentage with at most two decimals, such as an indexation of 3.75 %, stored exactly as hundredths of a percent.
public struct Percentage: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The percentage in hundredths of a percent: 375 is 3.75 %.
    public let hundredths: Int64

    /// A percentage from its hundredths of a percent; every Int64 is a valid percentage.
    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Parses "3.75", "2.1", "0" or "-1.5": a plain decimal without a percent sign and with at most two decimals.
    public init(parsing text: String) throws(MoneyError) {
        let outcome = withUTF8Bytes(of: text) { bytes -> ParseOutcome<Int64> in
            guard let literal = scanDecimalLiteral(bytes, from: 0, allowingSign: true, allowingFraction: true),
                literal.end == bytes.count, literal.writtenFractionDigits <= 2
            else { return .malformed }
            guard !literal.isTooLarge else { return .overflow }
            // "2.1" has fraction part 1 with one significant digit, which is 10 hundredths.
            let fraction = literal.fractionPart * Int128(powersOfTen[2 - literal.significantFractionDigits])
            let (shifted, shiftOverflowed) = literal.integerPart.multipliedReportingOverflow(by: 100)
            let (magnitude, addOverflowed) = shifted.addingReportingOverflow(fraction)
            guard !shiftOverflowed && !addOverflowed, let hundredths = Int64(exactly: magnitude) else {
                return .overflow
            }
            return .value(literal.isNegative ? -hundredths : hundredths)
        }
        self.init(hundredths: try outcome.get(input: text, expected: ExpectedForm.percentage))
    }

    /// The value without trailing zeros as units and a scale, so that 2.10 prints as "2.1" and 3.00 as "3".
    private var trimmed: (magnitude: UInt64, scale: Int) {
        var magnitude = hundredths.magnitude
        var scale = 2
        while scale > 0 && magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        return (magnitude, scale)
    }

    /// The machine form without a percent sign or trailing zeros, such as "3.75", "2.1", "-1.5" or "0".
    public var plainString: String {
        let (magnitude, scale) = trimmed
        return renderDecimal(magnitude: magnitude, scale: scale, isNegative: hundredths < 0, style: .plain)
    }

    /// The Dutch form with a decimal comma and a spaced percent sign, such as "3,75 %".
    public var dutchString: String {
        let (magnitude, scale) = trimmed
        return renderDecimal(magnitude: magnitude, scale: scale, isNegative: hundredths < 0, style: .dutchPercentage)
    }

    /// The percentage as a fraction of one: 3.75 % is 375/10000, reduced to 3/80.
    public var rational: Rational {
        Rational(reducingNumerator: Int128(hundredths), positiveDenominator: 10_000)
    }

    /// The indexation factor one plus the percentage: 3.75 % gives 10375/10000, reduced to 83/80.
    public var factor: Rational {
        // 10 000 plus any Int64 fits easily in 128 bits.
        Rational(reducingNumerator: 10_000 + Int128(hundredths), positiveDenominator: 10_000)
    }

    /// The plain form, such as "3.75".
    public var description: String {
        plainString
    }

    /// Orders percentages by value.
    public static func < (lhs: Percentage, rhs: Percentage) -> Bool {
        lhs.hundredths < rhs.hundredths
    }
}
