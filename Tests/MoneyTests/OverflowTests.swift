import Money
import Testing

@Suite("Out-of-range results throw .overflow and never trap or wrap")
struct OverflowTests {
    let maximum: Money
    let oneCent: Money

    init() throws {
        maximum = try Money(cents: Money.maximumCents)
        oneCent = try Money(cents: 1)
    }

    @Test(
        "Counts of cents outside the range are refused",
        arguments: [
            Money.maximumCents + 1, -Money.maximumCents - 1, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1,
            100_000_000_000_000,
        ]
    )
    func centsOutOfRange(cents: Int64) {
        #expect(throws: MoneyError.overflow) { try Money(cents: cents) }
    }

    @Test("Whole euros outside the range are refused, including counts whose cents overflow Int64")
    func eurosOutOfRange() throws {
        #expect(throws: MoneyError.overflow) { try Money.euros(1_000_000_000_000) }
        #expect(throws: MoneyError.overflow) { try Money.euros(-1_000_000_000_000) }
        #expect(throws: MoneyError.overflow) { try Money.euros(Int64.max) }
        #expect(throws: MoneyError.overflow) { try Money.euros(Int64.min) }
        #expect(try Money.euros(-999_999_999_999).cents == -99_999_999_999_900)
    }

    @Test("Adding or subtracting past the limits is refused")
    func additionPastLimits() throws {
        #expect(throws: MoneyError.overflow) { try maximum.adding(oneCent) }
        #expect(throws: MoneyError.overflow) { try maximum.negated().subtracting(oneCent) }
        #expect(throws: MoneyError.overflow) { try maximum.subtracting(maximum.negated()) }
        #expect(throws: MoneyError.overflow) { try maximum.negated().adding(maximum.negated()) }
        #expect(try maximum.adding(maximum.negated()) == Money.zero)
    }

    @Test(
        "Multiplying by large whole counts is refused, including Int64 extremes",
        arguments: [Int64.max, Int64.min, Int64.max / 2, 2, -2, 1_000_000_000_000_000]
    )
    func countOverflow(count: Int64) {
        #expect(throws: MoneyError.overflow) { try maximum.multiplied(by: count) }
        #expect(throws: MoneyError.overflow) { try maximum.multiplied(by: Quantity(count)) }
        #expect(throws: MoneyError.overflow) { try maximum.negated().multiplied(by: count) }
    }

    @Test("Minus one cent times Int64.min is refused rather than wrapping")
    func negativeExtreme() throws {
        let minusOneCent = try Money(cents: -1)
        #expect(throws: MoneyError.overflow) { try minusOneCent.multiplied(by: Int64.min) }
        #expect(throws: MoneyError.overflow) { try minusOneCent.multiplied(by: Quantity(Int64.min)) }
        #expect(try Money.zero.multiplied(by: Int64.max) == Money.zero)
        #expect(try Money.zero.multiplied(by: Quantity(Int64.min)) == Money.zero)
    }

    @Test("11.19 times a quantity of 10^15 is refused, at either precision and in either mode")
    func hugeQuantity() throws {
        let price = try money("11.19")
        let huge = Quantity(1_000_000_000_000_000)
        for mode in RoundingMode.allCases {
            for precision in Precision.allCases {
                #expect(throws: MoneyError.overflow) { try price.multiplied(by: huge, rounding: mode, to: precision) }
                #expect(throws: MoneyError.overflow) {
                    try price.negated().multiplied(by: huge, rounding: mode, to: precision)
                }
            }
        }
        // The exact product itself is representable; only turning it into money fails.
        #expect(try price.multipliedExactly(by: huge) == Rational(numerator: 1_119_000_000_000_000_000, denominator: 1))
        #expect(throws: MoneyError.overflow) { try price.multipliedExactly(by: huge).roundedMoney(to: .cent) }
    }

    @Test("A product that overflows 64 bits but rounds into range is computed exactly in 128 bits")
    func wideProductInRange() throws {
        let fine = try Quantity(units: 123_456_789_123, scale: 12)  // 0.123456789123
        #expect(try maximum.multiplied(by: fine).cents == 12_345_678_912_300)
        #expect(try maximum.negated().multiplied(by: fine).cents == -12_345_678_912_300)
        #expect(try maximum.multiplied(by: fine, rounding: .halfToEven, to: .euro).cents == 12_345_678_912_300)
        #expect(throws: MoneyError.overflow) { try maximum.multiplied(by: Quantity(units: Int64.max, scale: 12)) }
    }

    @Test("Rounding the largest amount up to whole euros leaves the range")
    func roundingPastLimit() throws {
        for mode in RoundingMode.allCases {
            #expect(throws: MoneyError.overflow) { try maximum.rounded(to: .euro, mode) }
            #expect(throws: MoneyError.overflow) { try maximum.negated().rounded(to: .euro, mode) }
        }
        #expect(try money("999999999999.49").rounded(to: .euro) == money("999999999999.00"))
    }

    @Test("Sums beyond the range are refused, however many lines they take")
    func sumOverflow() throws {
        #expect(throws: MoneyError.overflow) { try Money.sum([maximum, oneCent]) }
        #expect(throws: MoneyError.overflow) { try Money.sum([maximum.negated(), oneCent.negated()]) }
        #expect(throws: MoneyError.overflow) { try Money.sum([maximum, maximum, maximum]) }
        #expect(throws: MoneyError.overflow) { try Money.sum(repeatElement(maximum, count: 200_000)) }
        #expect(throws: MoneyError.overflow) { try Money.sum(repeatElement(maximum.negated(), count: 200_000)) }
    }

    @Test("Indexation and rounding of fractions beyond the range are refused")
    func fractionsOutOfRange() throws {
        let huge = try Rational(numerator: Int128.max, denominator: 1)
        #expect(throws: MoneyError.overflow) { try huge.roundedMoney(to: .cent) }
        #expect(throws: MoneyError.overflow) { try huge.negated().roundedMoney(to: .euro) }
        #expect(try huge.rounded(.halfToEven) == Int128.max)
        #expect(throws: MoneyError.overflow) { try maximum.indexed(by: huge, to: .cent) }
        #expect(throws: MoneyError.overflow) {
            try oneCent.indexed(by: Rational(numerator: 100_000_000_000_000, denominator: 1), to: .cent)
        }
        // Cancelling a common factor first keeps an otherwise overflowing product in range.
        // 2^40 cents times (2^100 + 1) / 2^100 needs 141 bits before cancelling, 101 after.
        let amount = try Money(cents: 1 << 40)
        let nearlyOne = try Rational(numerator: (1 << 100) + 1, denominator: 1 << 100)
        #expect(try amount.indexed(by: nearlyOne, to: .cent) == amount)
        #expect(try amount.negated().indexed(by: nearlyOne, to: .cent, .halfToEven) == amount.negated())
        #expect(try amount.exact.multiplied(by: nearlyOne).roundedMoney(to: .cent) == amount)
    }

    @Test("Rational arithmetic that would overflow 128 bits throws instead of trapping")
    func rationalOverflow() throws {
        let largest = try Rational(numerator: Int128.max, denominator: 1)
        let two = Rational(2)
        #expect(throws: MoneyError.overflow) { try largest.adding(Rational.one) }
        #expect(throws: MoneyError.overflow) { try largest.negated().subtracting(Rational.one) }
        #expect(throws: MoneyError.overflow) { try largest.multiplied(by: two) }
        #expect(throws: MoneyError.overflow) { try largest.multiplied(by: largest) }
        #expect(throws: MoneyError.overflow) { try largest.divided(by: Rational(numerator: 1, denominator: 2)) }
        #expect(throws: MoneyError.overflow) { try Rational(numerator: Int128.min, denominator: 1) }
        #expect(throws: MoneyError.overflow) { try Rational(numerator: 1, denominator: Int128.min) }
        // Two large coprime denominators have a product beyond 128 bits.
        let thirdPart = try Rational(numerator: 1, denominator: Int128.max)
        let otherPart = try Rational(numerator: 1, denominator: Int128.max - 1)
        #expect(throws: MoneyError.overflow) { try thirdPart.adding(otherPart) }
        #expect(throws: MoneyError.overflow) { try thirdPart.multiplied(by: otherPart) }
        // Results that fit after cancelling are still computed.
        #expect(try largest.divided(by: largest) == Rational.one)
        #expect(try largest.subtracting(largest) == Rational.zero)
        #expect(try largest.multiplied(by: thirdPart) == Rational.one)
    }

    @Test("Quantities that do not fit in 64 bits or twelve decimals are refused")
    func quantityOverflow() throws {
        #expect(throws: MoneyError.overflow) { try Quantity(Int64.max).multiplied(by: Quantity(2)) }
        #expect(throws: MoneyError.overflow) { try Quantity(Int64.min).multiplied(by: Quantity(-1)) }
        let millionth = try quantity("0.000001")
        let twelveDecimals = try millionth.multiplied(by: millionth)
        #expect(twelveDecimals.scale == 12)
        #expect(throws: MoneyError.overflow) { try twelveDecimals.multiplied(by: quantity("0.1")) }
        #expect(throws: MoneyError.overflow) { try Quantity(units: 1, scale: 13) }
        #expect(throws: MoneyError.overflow) { try Quantity(units: 1, scale: -1) }
        #expect(throws: MoneyError.overflow) { try quantity("9223372036854775808") }
        #expect(throws: MoneyError.overflow) { try quantity("-9223372036854775808") }
        #expect(throws: MoneyError.overflow) { try quantity("9223372036854775807.1") }
        #expect(throws: MoneyError.overflow) { try quantity("1" + String(repeating: "0", count: 60)) }
    }

    @Test("Percentages and fractions beyond their storage are refused when parsed")
    func parsedOverflow() throws {
        #expect(throws: MoneyError.overflow) { try Percentage(parsing: "92233720368547758.08") }
        #expect(try Percentage(parsing: "92233720368547758.07").hundredths == Int64.max)
        #expect(throws: MoneyError.overflow) { try fraction("170141183460469231731687303715884105728") }
        #expect(throws: MoneyError.overflow) { try fraction("1/170141183460469231731687303715884105728") }
        #expect(throws: MoneyError.overflow) { try fraction("0." + String(repeating: "1", count: 39)) }
        #expect(try fraction("170141183460469231731687303715884105727").numerator == Int128.max)
        #expect(try fraction("1." + String(repeating: "0", count: 60)) == Rational.one)
    }

    @Test("The overflow error states the supported range in plain English")
    func overflowDescription() {
        #expect(
            MoneyError.overflow.description
                == "the amount is outside the supported range of ±999999999999.99 euro, or too large to compute exactly"
        )
        #expect(MoneyError.divisionByZero.description == "the divisor is zero, so the division has no result")
    }
}
