/// An amount of euros, and the money policy of the whole pricing engine.
///
/// Policy:
/// - Money is an integer count of euro cents (`Int64`), never a floating-point number, because binary
///   fractions cannot hold most cent amounts and their errors accumulate when lines are summed.
/// - Every product (price × quantity, price × indexation factor) is computed exactly, as a fraction of
///   128-bit integers (`Rational`), and rounded exactly once, with a named `RoundingMode`, to the
///   `Precision` the tariff is published in; the result never depends on the order of intermediate steps.
/// - Amounts are limited to ±999 999 999 999.99 euro (`Money.maximumCents`). A result outside that range,
///   or an exact intermediate value too large for 128 bits, throws `MoneyError.overflow`; nothing traps
///   and nothing wraps around.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The largest magnitude an amount may have, in cents: 999 999 999 999.99 euro, just under one trillion.
    public static let maximumCents: Int64 = 99_999_999_999_999

    /// No money at all.
    public static let zero = Money(uncheckedCents: 0)

    /// The amount as a whole number of euro cents; negative amounts are credits and discounts.
    public let cents: Int64

    /// Creates an amount from a count of cents, refusing counts outside the supported range.
    public init(cents: Int64) throws(MoneyError) {
        guard cents >= -Money.maximumCents && cents <= Money.maximumCents else { throw .overflow }
        self.cents = cents
    }

    /// Wraps a count of cents that the caller has already checked against the supported range.
    init(uncheckedCents cents: Int64) {
        self.cents = cents
    }

    /// Creates an amount of whole euros, refusing counts outside the supported range.
    public static func euros(_ euros: Int64) throws(MoneyError) -> Money {
        let (cents, overflowed) = euros.multipliedReportingOverflow(by: 100)
        guard !overflowed else { throw .overflow }
        return try Money(cents: cents)
    }

    /// Turns a rounded count of precision steps (cents or whole euros) into money, refusing anything out of range.
    static func counting<Integer: FixedWidthInteger & SignedInteger>(
        _ steps: Integer, of precision: Precision
    ) throws(MoneyError) -> Money {
        // Comparing the step count with the largest whole count avoids multiplying an out-of-range value.
        let largestSteps = Money.maximumCents / precision.centsPerUnit
        guard steps.magnitude <= largestSteps.magnitude else { throw .overflow }
        return Money(uncheckedCents: Int64(truncatingIfNeeded: steps) * precision.centsPerUnit)
    }

    /// The sum of two amounts, refusing a result outside the supported range.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        // Both operands lie within ±10^14, so the Int64 sum itself cannot overflow; only the range can be exceeded.
        try Money(cents: cents + other.cents)
    }

    /// The difference of two amounts, refusing a result outside the supported range.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        // Both operands lie within ±10^14, so the Int64 difference itself cannot overflow.
        try Money(cents: cents - other.cents)
    }

    /// The same amount with the opposite sign; the supported range is symmetric, so this cannot fail.
    public func negated() -> Money {
        Money(uncheckedCents: -cents)
    }

    /// The amount multiplied by a whole count, exactly, refusing a result outside the supported range.
    public func multiplied(by count: Int64) throws(MoneyError) -> Money {
        let (product, overflowed) = cents.multipliedReportingOverflow(by: count)
        guard !overflowed else { throw .overflow }
        return try Money(cents: product)
    }

    /// The exact total of a sequence of amounts, refusing a total outside the supported range.
    @inlinable  // Lets callers specialize the loop for their sequence type; it uses only public API.
    public static func sum<Amounts: Sequence>(_ amounts: Amounts) throws(MoneyError) -> Money
    where Amounts.Element == Money {
        // A 128-bit running total cannot realistically overflow, so positive and negative lines may
        // temporarily exceed the range as long as the final total fits.
        var total: Int128 = 0
        for amount in amounts {
            let (next, overflowed) = total.addingReportingOverflow(Int128(amount.cents))
            guard !overflowed else { throw .overflow }
            total = next
        }
        guard let cents = Int64(exactly: total) else { throw .overflow }
        return try Money(cents: cents)
    }

    /// The amount times a quantity, computed exactly and rounded once to the given precision.
    public func multiplied(
        by quantity: Quantity,
        rounding mode: RoundingMode = .halfAwayFromZero,
        to precision: Precision = .cent
    ) throws(MoneyError) -> Money {
        let (product, overflowed) = cents.multipliedReportingOverflow(by: quantity.units)
        if !overflowed {
            if quantity.scale == 0 && precision == .cent {
                // A whole quantity at cent precision needs no rounding at all: the fast path.
                return try Money(cents: product)
            }
            let steps = mode.roundedQuotient(product, dividedBy: powersOfTen[quantity.scale], inStepsOf: precision)
            return try Money.counting(steps, of: precision)
        }
        // Both factors are below 2^63 in magnitude, so the 128-bit product is exact and cannot overflow.
        let wideProduct = Int128(cents) * Int128(quantity.units)
        let steps = mode.roundedQuotient(
            wideProduct, dividedBy: Int128(powersOfTen[quantity.scale]), inStepsOf: precision)
        return try Money.counting(steps, of: precision)
    }

    /// The amount rounded to a coarser precision; rounding to whole euros can push the maximum out of range.
    public func rounded(
        to precision: Precision, _ mode: RoundingMode = .halfAwayFromZero
    ) throws(MoneyError) -> Money {
        if precision == .cent { return self }
        let steps = mode.roundedQuotient(cents, dividedBy: 1, inStepsOf: precision)
        return try Money.counting(steps, of: precision)
    }

    /// The amount in cents as an exact fraction, for calculations that must round only at the end.
    public var exact: Rational {
        Rational(cents)
    }

    /// Orders amounts by their value.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.cents < rhs.cents
    }

    /// The JSON form, such as "95116.00", so that logs and interpolations show the stored value.
    public var description: String {
        jsonString
    }
}

extension Money {
    /// The product with a quantity as an exact fraction of cents, for callers that round only after further factors.
    public func multipliedExactly(by quantity: Quantity) throws(MoneyError) -> Rational {
        // Both factors are below 2^63 in magnitude, so the 128-bit product is exact and cannot overflow.
        try Rational(
            numerator: Int128(cents) * Int128(quantity.units),
            denominator: Int128(powersOfTen[quantity.scale]))
    }

    /// The amount times an indexation factor (such as `Percentage.factor`), computed exactly and rounded once.
    public func indexed(
        by factor: Rational, to precision: Precision, _ mode: RoundingMode = .halfAwayFromZero
    ) throws(MoneyError) -> Money {
        var numerator = Int128(cents)
        var denominator = factor.denominator
        var (product, overflowed) = numerator.multipliedReportingOverflow(by: factor.numerator)
        if overflowed {
            // Cancelling the common factor of the amount and the denominator first may bring the product in range.
            let common = greatestCommonDivisor(numerator, denominator)
            numerator /= common
            denominator /= common
            (product, overflowed) = numerator.multipliedReportingOverflow(by: factor.numerator)
            guard !overflowed else { throw .overflow }
        }
        let steps = mode.roundedQuotient(product, dividedBy: denominator, inStepsOf: precision)
        return try Money.counting(steps, of: precision)
    }
}
