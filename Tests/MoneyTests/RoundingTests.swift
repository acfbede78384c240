import Money
import Testing

@Suite("Rounding happens once, exactly, with a named mode")
struct RoundingTests {
    @Test("Rounding modes and precisions have stable names and steps")
    func namesAndSteps() {
        #expect(RoundingMode.halfAwayFromZero.rawValue == "half-away-from-zero")
        #expect(RoundingMode.halfToEven.rawValue == "half-to-even")
        #expect(RoundingMode.allCases == [.halfAwayFromZero, .halfToEven])
        #expect(RoundingMode(rawValue: "half-to-even") == .halfToEven)
        #expect(Precision.allCases == [.cent, .euro])
        #expect(Precision.cent.centsPerUnit == 1)
        #expect(Precision.euro.centsPerUnit == 100)
        #expect(Precision(rawValue: "euro") == .euro)
    }

    @Test(
        "A fraction rounds to the nearest integer, halves by the mode",
        arguments: [
            // numerator, denominator, half away from zero, half to even
            (1, 2, 1, 0), (3, 2, 2, 2), (5, 2, 3, 2), (7, 2, 4, 4),
            (-1, 2, -1, 0), (-3, 2, -2, -2), (-5, 2, -3, -2), (-7, 2, -4, -4),
            (1, 3, 0, 0), (2, 3, 1, 1), (-1, 3, 0, 0), (-2, 3, -1, -1),
            (2499, 1000, 2, 2), (2501, 1000, 3, 3), (-2499, 1000, -2, -2), (-2501, 1000, -3, -3),
            (0, 1, 0, 0), (5, 1, 5, 5), (-5, 1, -5, -5),
        ] as [(Int128, Int128, Int128, Int128)]
    )
    func rationalToInteger(numerator: Int128, denominator: Int128, away: Int128, even: Int128) throws {
        let value = try Rational(numerator: numerator, denominator: denominator)
        #expect(try value.rounded(.halfAwayFromZero) == away)
        #expect(try value.rounded(.halfToEven) == even)
    }

    @Test("Halves of huge fractions are decided exactly, without doubling the remainder")
    func hugeHalves() throws {
        let largeOdd: Int128 = 170_141_183_460_469_231_731_687_303_715_884_105_727  // 2^127 - 1
        // (2^127 - 1) / 2 = 2^126 - 1/2: exactly half.
        let half = try Rational(numerator: largeOdd, denominator: 2)
        #expect(try half.rounded(.halfAwayFromZero) == (largeOdd / 2) + 1)
        #expect(try half.rounded(.halfToEven) == (largeOdd / 2) + 1)  // 2^126 is even
        #expect(try half.negated().rounded(.halfToEven) == -((largeOdd / 2) + 1))
        // Just under and just over a half with a denominator near the top of the range.
        let justUnder = try Rational(numerator: largeOdd / 2, denominator: largeOdd)
        #expect(try justUnder.rounded(.halfAwayFromZero) == 0)
        let justOver = try Rational(numerator: largeOdd / 2 + 1, denominator: largeOdd)
        #expect(try justOver.rounded(.halfToEven) == 1)
        #expect(try justOver.negated().rounded(.halfToEven) == -1)
    }

    @Test(
        "An amount rounds to whole euros at every half-euro boundary",
        arguments: [
            // cents, half away from zero, half to even
            (1_188_950, 1_189_000, 1_189_000), (1_188_850, 1_188_900, 1_188_800),
            (-1_188_950, -1_189_000, -1_189_000), (-1_188_850, -1_188_900, -1_188_800),
            (1_188_949, 1_188_900, 1_188_900), (1_188_951, 1_189_000, 1_189_000),
            (-1_188_949, -1_188_900, -1_188_900), (-1_188_951, -1_189_000, -1_189_000),
            (50, 100, 0), (-50, -100, 0), (150, 200, 200), (-150, -200, -200),
            (250, 300, 200), (-250, -300, -200), (0, 0, 0), (1_188_900, 1_188_900, 1_188_900),
        ] as [(Int64, Int64, Int64)]
    )
    func amountToEuros(cents: Int64, away: Int64, even: Int64) throws {
        let amount = try Money(cents: cents)
        #expect(try amount.rounded(to: .euro).cents == away)
        #expect(try amount.rounded(to: .euro, .halfAwayFromZero).cents == away)
        #expect(try amount.rounded(to: .euro, .halfToEven).cents == even)
        #expect(try amount.rounded(to: .cent, .halfToEven) == amount)
    }

    @Test(
        "Tariff products are exact and rounded once",
        arguments: [
            // price, quantity, precision, half away from zero, half to even
            ("19.35", "1.021", Precision.cent, "19.76", "19.76"),  // 19.75635
            ("-19.35", "1.021", .cent, "-19.76", "-19.76"),
            ("57.00", "1.0375", .euro, "59.00", "59.00"),  // 59.1375
            ("57.00", "1.0375", .cent, "59.14", "59.14"),
            ("11.19", "34093", .cent, "381500.67", "381500.67"),  // inhabitants
            ("11.19", "-34093", .cent, "-381500.67", "-381500.67"),
            ("73.55", "212", .cent, "15592.60", "15592.60"),  // pupils
            ("57.00", "2.5", .cent, "142.50", "142.50"),  // hours
            ("0.83", "33950", .cent, "28178.50", "28178.50"),
            ("0.83", "33950", .euro, "28179.00", "28178.00"),
            ("11889.50", "8", .euro, "95116.00", "95116.00"),
            ("11889.50", "6", .euro, "71337.00", "71337.00"),
            ("11889.50", "3", .cent, "35668.50", "35668.50"),
            ("11889.50", "3", .euro, "35669.00", "35668.00"),
            ("-11889.50", "3", .euro, "-35669.00", "-35668.00"),
            ("11889.50", "-3", .euro, "-35669.00", "-35668.00"),
            ("0.05", "0.5", .cent, "0.03", "0.02"),  // 2.5 cents
            ("-0.05", "0.5", .cent, "-0.03", "-0.02"),
            ("0.07", "0.5", .cent, "0.04", "0.04"),  // 3.5 cents
            ("-0.07", "0.5", .cent, "-0.04", "-0.04"),
            ("0.01", "0.5", .cent, "0.01", "0.00"),
            ("-0.01", "0.5", .cent, "-0.01", "0.00"),
            ("0.01", "0.499999", .cent, "0.00", "0.00"),
            ("0.01", "0.500001", .cent, "0.01", "0.01"),
            ("1.00", "0.5", .euro, "1.00", "0.00"),  // half a euro
            ("-1.00", "0.5", .euro, "-1.00", "0.00"),
            ("3.00", "0.5", .euro, "2.00", "2.00"),  // 1.50 euro
            ("5.00", "0.5", .euro, "3.00", "2.00"),  // 2.50 euro
            ("-5.00", "0.5", .euro, "-3.00", "-2.00"),
            ("0.00", "2.5", .euro, "0.00", "0.00"),
        ]
    )
    func tariffProducts(
        price: String, count: String, precision: Precision, away: String, even: String
    ) throws {
        let amount = try money(price)
        let units = try quantity(count)
        #expect(try amount.multiplied(by: units, rounding: .halfAwayFromZero, to: precision) == money(away))
        #expect(try amount.multiplied(by: units, rounding: .halfToEven, to: precision) == money(even))
        // The exact product rounds to the same result through Rational.
        let exact = try amount.multipliedExactly(by: units)
        #expect(try exact.roundedMoney(to: precision) == money(away))
        #expect(try exact.roundedMoney(to: precision, .halfToEven) == money(even))
    }

    @Test("The default rounding is half away from zero at cent precision")
    func defaults() throws {
        #expect(try money("0.05").multiplied(by: quantity("0.5")) == money("0.03"))
        #expect(try money("-0.05").multiplied(by: quantity("0.5")) == money("-0.03"))
        #expect(try money("11888.50").rounded(to: .euro) == money("11889.00"))
        #expect(try Rational(numerator: 5, denominator: 2).roundedMoney(to: .cent).cents == 3)
        #expect(try money("0.50").indexed(by: fraction("1.01"), to: .cent) == money("0.51"))
    }

    @Test(
        "An indexation factor is applied exactly and rounded once",
        arguments: [
            // amount, factor, precision, half away from zero, half to even
            ("57.00", "1.0375", Precision.euro, "59.00", "59.00"),
            ("57.00", "1.0375", .cent, "59.14", "59.14"),
            ("-57.00", "1.0375", .cent, "-59.14", "-59.14"),
            ("0.50", "1.01", .cent, "0.51", "0.50"),  // 50.5 cents
            ("-0.50", "1.01", .cent, "-0.51", "-0.50"),
            ("0.30", "1.05", .cent, "0.32", "0.32"),  // 31.5 cents
            ("100.00", "1.032", .cent, "103.20", "103.20"),
            ("11889.50", "1/3", .cent, "3963.17", "3963.17"),  // 3963.1666…
            ("11889.50", "2/3", .euro, "7926.00", "7926.00"),  // 7926.333…
            ("1.00", "-1/2", .euro, "-1.00", "0.00"),
            ("0.00", "2/3", .euro, "0.00", "0.00"),
        ]
    )
    func indexation(amountText: String, factorText: String, precision: Precision, away: String, even: String) throws {
        let amount = try money(amountText)
        let factor = try fraction(factorText)
        #expect(try amount.indexed(by: factor, to: precision, .halfAwayFromZero) == money(away))
        #expect(try amount.indexed(by: factor, to: precision, .halfToEven) == money(even))
        #expect(try amount.exact.multiplied(by: factor).roundedMoney(to: precision) == money(away))
    }

    @Test(
        "A fraction of cents rounds to money at either precision",
        arguments: [
            // numerator, denominator (cents), precision, half away from zero, half to even (cents)
            (7_133_700, 2, Precision.euro, 3_566_900, 3_566_800),
            (-7_133_700, 2, .euro, -3_566_900, -3_566_800),
            (7_133_700, 2, .cent, 3_566_850, 3_566_850),
            (1, 2, .cent, 1, 0), (-1, 2, .cent, -1, 0), (3, 2, .cent, 2, 2), (-3, 2, .cent, -2, -2),
            (5, 2, .cent, 3, 2), (-5, 2, .cent, -3, -2),
            (50, 1, .euro, 100, 0), (-50, 1, .euro, -100, 0), (101, 2, .euro, 100, 100),  // 50.5 cents
            (99, 2, .euro, 0, 0), (-101, 2, .euro, -100, -100),
        ] as [(Int128, Int128, Precision, Int64, Int64)]
    )
    func rationalToMoney(
        numerator: Int128, denominator: Int128, precision: Precision, away: Int64, even: Int64
    ) throws {
        let value = try Rational(numerator: numerator, denominator: denominator)
        #expect(try value.roundedMoney(to: precision, .halfAwayFromZero).cents == away)
        #expect(try value.roundedMoney(to: precision, .halfToEven).cents == even)
    }
}
