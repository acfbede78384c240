import Money
import Testing

@Suite("Money prints and parses in the JSON and the Dutch form")
struct MoneyTextTests {
    @Test(
        "The JSON form has a dot, exactly two decimals and a leading minus",
        arguments: [
            (9_511_600, "95116.00"), (1119, "11.19"), (-350, "-3.50"), (0, "0.00"), (1, "0.01"), (-1, "-0.01"),
            (99, "0.99"), (-99, "-0.99"), (100, "1.00"), (-100, "-1.00"), (123_456_789, "1234567.89"),
            (99_999_999_999_999, "999999999999.99"), (-99_999_999_999_999, "-999999999999.99"),
        ] as [(Int64, String)]
    )
    func jsonForm(cents: Int64, text: String) throws {
        let amount = try Money(cents: cents)
        #expect(amount.jsonString == text)
        #expect(amount.description == text)
        #expect(try Money(parsing: text) == amount)
    }

    @Test(
        "The Dutch form has the euro sign, a space, the minus, thousands dots and a decimal comma",
        arguments: [
            (9_511_600, "€ 95.116,00"), (83, "€ 0,83"), (-1200, "€ -12,00"), (123_456_789, "€ 1.234.567,89"),
            (-123_456_789, "€ -1.234.567,89"), (0, "€ 0,00"), (1, "€ 0,01"), (-1, "€ -0,01"), (99_999, "€ 999,99"),
            (100_000, "€ 1.000,00"), (-100_000, "€ -1.000,00"), (1_000_000_000, "€ 10.000.000,00"),
            (99_999_999_999_999, "€ 999.999.999.999,99"), (-99_999_999_999_999, "€ -999.999.999.999,99"),
        ] as [(Int64, String)]
    )
    func dutchForm(cents: Int64, text: String) throws {
        let amount = try Money(cents: cents)
        #expect(amount.dutchString == text)
        #expect(try Money(parsingDutch: text) == amount)
    }

    @Test(
        "The JSON parser accepts exactly the documented form",
        arguments: [
            ("0.00", 0), ("-0.00", 0), ("0.01", 1), ("-0.01", -1), ("0.50", 50), ("12.50", 1250), ("10.00", 1000),
            ("-3.50", -350), ("95116.00", 9_511_600), ("999999999999.99", 99_999_999_999_999),
            ("-999999999999.99", -99_999_999_999_999),
        ] as [(String, Int64)]
    )
    func parsesJSON(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text).cents == cents)
    }

    @Test(
        "The JSON parser rejects anything else and names the input",
        arguments: [
            "12,50", "1e3", "", "12.345", "12.5", "+1.00", " 1.00", "01.00", ".50", "1.", "abc", "1 000.00",
            "--1.00", "1.00 ", "-", "-.50", "00.00", "-01.00", "1.0a", "1.00.00", "0x1.00", "€ 1,00", "1,000.00",
            "NaN", "1.-0", "١.٠٠", "1.00\n", "12", "1000000000000.0",
        ]
    )
    func rejectsMalformedJSON(input: String) {
        let error = #expect(throws: MoneyError.self) { try Money(parsing: input) }
        #expect(error == .malformed(input: input, expected: Expected.jsonAmount))
        #expect(error?.description.hasPrefix("\"\(input)\" is not a valid amount: expected ") == true)
    }

    @Test("A malformed amount is explained in one plain sentence")
    func malformedDescription() {
        let error = #expect(throws: MoneyError.self) { try Money(parsing: "12,50") }
        #expect(
            error?.description
                == "\"12,50\" is not a valid amount: expected a decimal with a dot and exactly two decimals, like \"95116.00\""
        )
    }

    @Test(
        "The Dutch parser accepts the printed form, with or without the euro sign and thousands dots",
        arguments: [
            ("€ 95.116,00", 9_511_600), ("95.116,00", 9_511_600), ("95116,00", 9_511_600), ("€ 95116,00", 9_511_600),
            ("€ 0,83", 83), ("0,83", 83), ("€ -12,00", -1200), ("-12,00", -1200), ("€ 1.234.567,89", 123_456_789),
            ("1234567,89", 123_456_789), ("-1.234.567,89", -123_456_789), ("€ 999,99", 99_999), ("€ -0,00", 0),
            ("€ 999.999.999.999,99", 99_999_999_999_999), ("-999999999999,99", -99_999_999_999_999),
        ] as [(String, Int64)]
    )
    func parsesDutch(text: String, cents: Int64) throws {
        #expect(try Money(parsingDutch: text).cents == cents)
    }

    @Test(
        "The Dutch parser rejects wrong grouping and other forms, naming the input",
        arguments: [
            "9.5116,00", "95.116.00", "95,116.00", "€95.116,00", "€  95.116,00", "- € 12,00", "-€ 12,00", "€ 12",
            "12,5", "12,500", "1.23,00", "1.2345,00", "0.123,00", "012,00", "€ ", "", ",50", "1.,00", ".123,00",
            "€ 1 000,00", "12,50 ", "€ +12,00", "€ 1.234.56,00", "EUR 12,00", "1234.567,00", "€ --12,00",
            "12.50", "€\u{00A0}12,00", "1.000.,00", "€ 1..000,00",
        ]
    )
    func rejectsMalformedDutch(input: String) {
        let error = #expect(throws: MoneyError.self) { try Money(parsingDutch: input) }
        #expect(error == .malformed(input: input, expected: Expected.dutchAmount))
        #expect(error?.description.contains("\"\(input)\"") == true)
    }

    @Test(
        "Well-formed amounts beyond the range are an overflow, not a parse error",
        arguments: ["1000000000000.00", "-1000000000000.00", "99999999999999999999999999.99", "9223372036854775807.00"]
    )
    func outOfRangeJSON(input: String) {
        #expect(throws: MoneyError.overflow) { try Money(parsing: input) }
    }

    @Test(
        "Well-formed Dutch amounts beyond the range are an overflow",
        arguments: ["€ 1.000.000.000.000,00", "€ -1.000.000.000.000,00", "1000000000000,00"]
    )
    func outOfRangeDutch(input: String) {
        #expect(throws: MoneyError.overflow) { try Money(parsingDutch: input) }
    }

    /// The amounts the round-trip sweep covers: the edges, every length of integer part, and many pseudo-random values.
    static func sweepAmounts() -> [Int64] {
        var cents: [Int64] = [0, 1, -1, 99, -99, 100, -100, 101, -101, 999, 1000, 99_999, 100_000]
        cents += [Money.maximumCents, -Money.maximumCents, Money.maximumCents - 1, -Money.maximumCents + 1]
        var power: Int64 = 1000  // 10^3 euros: four integer digits
        for _ in 4...12 {
            let euros = power
            cents += [euros * 100, -euros * 100, (euros * 10 - 1) * 100 + 99, -((euros * 10 - 1) * 100 + 99)]
            cents += [
                euros * 100 + 1, -(euros * 100 + 1), (euros + euros / 3) * 100 + 34, -((euros + euros / 7) * 100 + 5),
            ]
            power *= 10
        }
        var generator = SplitMix64(state: 20_240_101)
        for _ in 0..<5_000 { cents.append(generator.signedValue(upTo: Money.maximumCents)) }
        return cents
    }

    /// An independent rendering of the Dutch form, built with ordinary string operations, to check the fast printer.
    static func referenceDutch(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        var integer = String(magnitude / 100)
        var grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer.removeLast(3)
        }
        let decimals = magnitude % 100 < 10 ? "0\(magnitude % 100)" : "\(magnitude % 100)"
        return "€ " + (cents < 0 ? "-" : "") + integer + grouped + "," + decimals
    }

    @Test("Both forms round-trip over a deterministic sweep of amounts")
    func roundTrips() throws {
        let amounts = Self.sweepAmounts()
        #expect(amounts.count > 5_000)
        for cents in amounts {
            let amount = try Money(cents: cents)
            let json = amount.jsonString
            let dutch = amount.dutchString
            #expect(try Money(parsing: json) == amount, "\(json)")
            #expect(try Money(parsingDutch: dutch) == amount, "\(dutch)")
            #expect(dutch == Self.referenceDutch(cents))
            // The Dutch parser also takes the text without the euro sign, and without thousands dots.
            let withoutSign = String(dutch.dropFirst(2))
            #expect(try Money(parsingDutch: withoutSign) == amount, "\(withoutSign)")
            let ungrouped = String(json.map { $0 == "." ? "," : $0 })
            #expect(try Money(parsingDutch: ungrouped) == amount, "\(ungrouped)")
            // The JSON form is the integer part, a dot and two decimals, and nothing else.
            #expect(json == (cents < 0 ? "-" : "") + "\(cents.magnitude / 100)." + dutch.suffix(2))
        }
    }

    @Test("a change in Dutch carries a plus when positive", arguments: [
        (Int64(125_000), "€ +1.250,00"), (-30_000, "€ -300,00"), (0, "€ 0,00"), (1, "€ +0,01"),
    ])
    func signedDutch(cents: Int64, text: String) throws {
        #expect(try Money(cents: cents).dutchSignedString == text)
    }
}
