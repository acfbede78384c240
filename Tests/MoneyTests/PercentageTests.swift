import Money
import Testing

@Suite("Percentages are exact hundredths of a percent")
struct PercentageTests {
    @Test(
        "Percentages with at most two decimals parse to hundredths",
        arguments: [
            ("3.75", 375), ("2.1", 210), ("0", 0), ("-1.5", -150), ("100", 10_000), ("2.10", 210), ("0.01", 1),
            ("-0.01", -1), ("-0", 0), ("250.5", 25_050), ("0.5", 50), ("12", 1200),
        ] as [(String, Int64)]
    )
    func parsesValid(text: String, hundredths: Int64) throws {
        #expect(try Percentage(parsing: text).hundredths == hundredths)
    }

    @Test(
        "Anything else is rejected with the expected form and the input",
        arguments: [
            "3.755", "3,75", "3.75%", "3.75 %", "+3.75", "03.75", ".75", "3.", "", "abc", "1e2", " 3.75", "--1",
            "3.750", "-", "0.001",
        ]
    )
    func rejectsMalformed(input: String) {
        let error = #expect(throws: MoneyError.self) { try Percentage(parsing: input) }
        #expect(error == .malformed(input: input, expected: "a percentage with at most two decimals, like 3.75"))
        #expect(
            error?.description
                == "\"\(input)\" is not a valid amount: expected a percentage with at most two decimals, like 3.75")
    }

    @Test(
        "Percentages print without trailing zeros, and in Dutch with a comma and a spaced percent sign",
        arguments: [
            (375, "3.75", "3,75 %"), (210, "2.1", "2,1 %"), (0, "0", "0 %"), (-150, "-1.5", "-1,5 %"),
            (300, "3", "3 %"),
            (123_456, "1234.56", "1.234,56 %"), (1, "0.01", "0,01 %"), (-1, "-0.01", "-0,01 %"),
            (-10_000, "-100", "-100 %"),
        ] as [(Int64, String, String)]
    )
    func printing(hundredths: Int64, plain: String, dutch: String) throws {
        let value = Percentage(hundredths: hundredths)
        #expect(value.plainString == plain)
        #expect(value.dutchString == dutch)
        #expect(value.description == plain)
        #expect(try Percentage(parsing: plain) == value)
    }

    @Test(
        "A percentage is a fraction of one, and its factor is one plus that fraction",
        arguments: [
            ("3.75", 375, 10_000, 10_375, 10_000), ("2.1", 210, 10_000, 10_210, 10_000),
            ("-1.5", -150, 10_000, 9850, 10_000),
            ("0", 0, 1, 1, 1), ("100", 1, 1, 2, 1), ("-100", -1, 1, 0, 1),
        ] as [(String, Int128, Int128, Int128, Int128)]
    )
    func fractions(
        text: String, numerator: Int128, denominator: Int128, factorNumerator: Int128, factorDenominator: Int128
    ) throws {
        let value = try Percentage(parsing: text)
        #expect(value.rational == (try Rational(numerator: numerator, denominator: denominator)))
        #expect(value.factor == (try Rational(numerator: factorNumerator, denominator: factorDenominator)))
    }

    @Test("Weights of 2/3 and 1/3 of 3.75 % and 2.1 % give exactly 3.2 %")
    func mixedIndexation() throws {
        let first = try Percentage(parsing: "3.75").rational.multiplied(by: fraction("2/3"))
        let second = try Percentage(parsing: "2.1").rational.multiplied(by: fraction("1/3"))
        let mixed = try first.adding(second)
        #expect(mixed == (try Rational(numerator: 32, denominator: 1000)))
        #expect(mixed.numerator == 4)
        #expect(mixed.denominator == 125)
        #expect(mixed == (try Percentage(parsing: "3.2").rational))
        let factor = try Rational.one.adding(mixed)
        #expect(factor == (try Percentage(parsing: "3.2").factor))
        #expect(try money("100.00").indexed(by: factor, to: .cent) == money("103.20"))
        #expect(try money("57.00").indexed(by: factor, to: .euro) == money("59.00"))  // 58.824
        #expect(try money("-57.00").indexed(by: factor, to: .cent) == money("-58.82"))
    }

    @Test("Percentages order by value and are equal when their hundredths are")
    func ordering() throws {
        #expect(try Percentage(parsing: "2.1") < Percentage(parsing: "3.75"))
        #expect(try Percentage(parsing: "-1.5") < Percentage(parsing: "0"))
        #expect(try Percentage(parsing: "2.10") == Percentage(hundredths: 210))
        #expect(
            try Set([Percentage(parsing: "2.1"), Percentage(parsing: "2.10"), Percentage(parsing: "-2.1")]).count == 2)
    }
}
