import Money
import Testing

@Suite("Rationals are exact, reduced fractions with checked arithmetic")
struct RationalTests {
    @Test(
        "Fractions are reduced and keep the sign in the numerator",
        arguments: [
            (6, 8, 3, 4), (-6, 8, -3, 4), (6, -8, -3, 4), (-6, -8, 3, 4), (0, 5, 0, 1), (0, -5, 0, 1), (10, 5, 2, 1),
            (7, 1, 7, 1), (1, 3, 1, 3),
        ] as [(Int128, Int128, Int128, Int128)]
    )
    func reduction(numerator: Int128, denominator: Int128, reducedNumerator: Int128, reducedDenominator: Int128) throws
    {
        let value = try Rational(numerator: numerator, denominator: denominator)
        #expect(value.numerator == reducedNumerator)
        #expect(value.denominator == reducedDenominator)
    }

    @Test("A zero denominator is a division by zero")
    func zeroDenominator() {
        #expect(throws: MoneyError.divisionByZero) { try Rational(numerator: 1, denominator: 0) }
        #expect(throws: MoneyError.divisionByZero) { try Rational(numerator: 0, denominator: 0) }
        #expect(throws: MoneyError.divisionByZero) { try Rational.one.divided(by: Rational.zero) }
        #expect(throws: MoneyError.divisionByZero) { try Rational(parsingFraction: "1/0") }
        #expect(throws: MoneyError.divisionByZero) { try Rational(parsingFraction: "-3/0") }
    }

    @Test(
        "Sums, differences, products and quotients are exact",
        arguments: [
            // left, right, sum, difference, product, quotient
            ("1/2", "1/3", "5/6", "1/6", "1/6", "3/2"),
            ("-1/2", "1/3", "-1/6", "-5/6", "-1/6", "-3/2"),
            ("2/3", "-2/3", "0", "4/3", "-4/9", "-1"),
            ("3", "1/4", "13/4", "11/4", "3/4", "12"),
            ("-0.5", "-0.25", "-3/4", "-1/4", "1/8", "2"),
            ("1/6", "1/10", "4/15", "1/15", "1/60", "5/3"),
            ("5/6", "1/6", "1", "2/3", "5/36", "5"),
            ("0", "-7/3", "-7/3", "7/3", "0", "0"),
            ("1.0375", "2/3", "409/240", "89/240", "83/120", "249/160"),
        ]
    )
    func arithmetic(
        left: String, right: String, sum: String, difference: String, product: String, quotient: String
    ) throws {
        let first = try fraction(left)
        let second = try fraction(right)
        #expect(try first.adding(second) == fraction(sum))
        #expect(try first.subtracting(second) == fraction(difference))
        #expect(try first.multiplied(by: second) == fraction(product))
        #expect(try first.divided(by: second) == fraction(quotient))
        #expect(try second.adding(first) == fraction(sum))
        #expect(try second.subtracting(first) == fraction(difference).negated())
    }

    @Test("Negation flips the sign of the numerator only")
    func negation() throws {
        #expect(try fraction("2/3").negated() == fraction("-2/3"))
        #expect(try fraction("-2/3").negated().denominator == 3)
        #expect(Rational.zero.negated() == Rational.zero)
        #expect(Rational(5).negated() == Rational(-5))
    }

    @Test(
        "Fractions, whole numbers and decimals parse exactly",
        arguments: [
            ("2/3", 2, 3), ("1/3", 1, 3), ("1", 1, 1), ("0.5", 1, 2), ("-2/4", -1, 2), ("-0.125", -1, 8),
            ("1.0375", 83, 80),
            ("0", 0, 1), ("-0", 0, 1), ("10/5", 2, 1), ("1.00", 1, 1), ("-7", -7, 1), ("0/9", 0, 1),
            ("12345678901234567890", 12_345_678_901_234_567_890, 1),
        ] as [(String, Int128, Int128)]
    )
    func parsesValid(text: String, numerator: Int128, denominator: Int128) throws {
        let value = try Rational(parsingFraction: text)
        #expect(value.numerator == numerator)
        #expect(value.denominator == denominator)
    }

    @Test(
        "Other text is rejected, naming the input",
        arguments: [
            "", "2/", "/3", "2/-3", "+1", "0.5/2", "1/2/3", "2 / 3", "1e3", "1.", ".5", "01/3", "1/03", "abc", "2//3",
            "1/2.5", "-", "2/+3", "½",
        ]
    )
    func rejectsMalformed(input: String) {
        let error = #expect(throws: MoneyError.self) { try Rational(parsingFraction: input) }
        #expect(error == .malformed(input: input, expected: Expected.fraction))
        #expect(error?.description.contains("\"\(input)\"") == true)
    }

    @Test("Fractions order exactly, even when cross products exceed 128 bits")
    func ordering() throws {
        #expect(try fraction("1/3") < fraction("1/2"))
        #expect(try fraction("-1/2") < fraction("-1/3"))
        #expect(try fraction("-1/3") < fraction("0"))
        #expect(try !(fraction("2/4") < fraction("1/2")))
        let largest = Int128.max
        let closer = try Rational(numerator: largest - 1, denominator: largest)  // 1 - 1/max
        let further = try Rational(numerator: largest - 2, denominator: largest - 1)  // 1 - 1/(max - 1)
        #expect(further < closer)
        #expect(!(closer < further))
        #expect(closer < Rational.one)
        #expect(closer.negated() < further.negated())
        let sorted = try ["1", "-2/3", "1/2", "0", "-1", "2/3"].map { text throws(MoneyError) in try fraction(text) }
            .sorted()
        #expect(sorted.map(\.description) == ["-1", "-2/3", "0", "1/2", "2/3", "1"])
    }

    @Test("Equal values are equal and hash alike, however they were written")
    func hashing() throws {
        #expect(try Rational(numerator: 2, denominator: 4) == Rational(numerator: 1, denominator: 2))
        #expect(try fraction("0.5") == fraction("1/2"))
        #expect(try Set([fraction("2/4"), fraction("1/2"), fraction("0.50"), fraction("-1/2")]).count == 2)
    }

    @Test("Fractions describe themselves as numerator/denominator, or as a whole number")
    func describing() throws {
        #expect(try fraction("2/3").description == "2/3")
        #expect(try fraction("-1/3").description == "-1/3")
        #expect(try fraction("10/2").description == "5")
        #expect(Rational.zero.description == "0")
        #expect(Rational(-42).description == "-42")
    }
}
