/// Why a money calculation or a parse could not produce an exact, in-range result.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The result lies outside the supported range, or an exact intermediate value does not fit in 128 bits.
    case overflow
    /// The text does not have the required form; `expected` describes that form with an example.
    case malformed(input: String, expected: String)
    /// A fraction or a division had a zero denominator.
    case divisionByZero

    /// A plain English explanation that can be shown to the person who entered the value.
    public var description: String {
        switch self {
        case .overflow:
            "the amount is outside the supported range of ±999999999999.99 euro, or too large to compute exactly"
        case .malformed(let input, let expected):
            "\"\(input)\" is not a valid amount: expected \(expected)"
        case .divisionByZero:
            "the divisor is zero, so the division has no result"
        }
    }
}

/// The forms each parser accepts, phrased to complete "expected …" in `MoneyError.malformed`.
enum ExpectedForm {
    /// The JSON form of money.
    static let jsonAmount = "a decimal with a dot and exactly two decimals, like \"95116.00\""
    /// The Dutch printed form of money.
    static let dutchAmount =
        "a Dutch amount with a comma, exactly two decimals and optional thousands dots, like \"€ 95.116,00\""
    /// A quantity literal.
    static let quantity = "a decimal number with a dot and at most six decimals, like \"2.5\" or \"34093\""
    /// A percentage literal.
    static let percentage = "a percentage with at most two decimals, like 3.75"
    /// A fraction literal.
    static let fraction = "a fraction like \"2/3\", a whole number like \"1\" or a decimal like \"0.5\""
}
