import Money
import Testing

@Suite("Quantities are exact, normalized decimals")
struct QuantityTests {
    @Test(
        "Plain decimal literals parse to normalized units and scale",
        arguments: [
            ("40", 40, 0), ("2.5", 25, 1), ("-1.25", -125, 2), ("0.000001", 1, 6), ("-0.000001", -1, 6), ("0", 0, 0),
            ("-0", 0, 0), ("0.0", 0, 0), ("2.50", 25, 1), ("34093", 34_093, 0), ("1.000000", 1, 0),
            ("100.100", 1001, 1), ("0.5", 5, 1), ("10", 10, 0), ("-212", -212, 0),
            ("123456.654321", 123_456_654_321, 6),
            ("9223372036854775807", Int64.max, 0), ("-9223372036854775807", -Int64.max, 0),
            ("9223372036854.775807", Int64.max, 6),
        ] as [(String, Int64, Int)]
    )
    func parsesValid(text: String, units: Int64, scale: Int) throws {
        let value = try Quantity(parsing: text)
        #expect(value.units == units)
        #expect(value.scale == scale)
        #expect(value.isInteger == (scale == 0))
    }

    @Test(
        "Anything but a plain decimal with at most six decimals is rejected, naming the input",
        arguments: [
            "", "+1", "007", "01", "00.5", "-01", "2.", ".5", "-.5", "1e3", "1E3", "1e-3", "2.5000000", "0.0000001",
            "2,5", " 2", "2 ", "--1", "-", "1.2.3", "abc", "½", "1_000", "0x10", "∞", "1/2", "34.093,5", "٣",
        ]
    )
    func rejectsMalformed(input: String) {
        let error = #expect(throws: MoneyError.self) { try Quantity(parsing: input) }
        #expect(error == .malformed(input: input, expected: Expected.quantity))
        #expect(error?.description.contains("\"\(input)\"") == true)
    }

    @Test("Equal values are equal and hash alike, however they were written")
    func normalization() throws {
        #expect(try quantity("2.50") == quantity("2.5"))
        #expect(try quantity("40.000") == Quantity(40))
        #expect(try Quantity(units: 250, scale: 2) == quantity("2.5"))
        #expect(try Quantity(units: 4000, scale: 2) == Quantity(40))
        #expect(try Quantity(units: 0, scale: 6) == Quantity(0))
        let fromUnits = try Quantity(units: -1250, scale: 3)
        #expect(fromUnits.units == -125)
        #expect(fromUnits.scale == 2)
        #expect(
            try Set([quantity("2.50"), quantity("2.5"), Quantity(units: 25, scale: 1), quantity("2.05")]).count == 2)
    }

    @Test(
        "Quantities print in the plain and the Dutch form",
        arguments: [
            ("34093", "34093", "34.093"), ("2.5", "2.5", "2,5"), ("-1.25", "-1.25", "-1,25"),
            ("0.000001", "0.000001", "0,000001"), ("-0.000001", "-0.000001", "-0,000001"),
            ("1234567.5", "1234567.5", "1.234.567,5"), ("-34093", "-34093", "-34.093"), ("0", "0", "0"),
            ("999", "999", "999"), ("1000", "1000", "1.000"), ("2.50", "2.5", "2,5"),
            ("-1000000", "-1000000", "-1.000.000"),
        ]
    )
    func printing(text: String, plain: String, dutch: String) throws {
        let value = try quantity(text)
        #expect(value.plainString == plain)
        #expect(value.dutchString == dutch)
        #expect(value.description == plain)
        #expect(try quantity(value.plainString) == value)
    }

    @Test("Twelve-decimal products print all their decimals")
    func printingTwelveDecimals() throws {
        let tiny = try quantity("0.000001").multiplied(by: quantity("-0.000003"))
        #expect(tiny.plainString == "-0.000000000003")
        #expect(tiny.dutchString == "-0,000000000003")
    }

    @Test(
        "A quantity is an exact reduced fraction",
        arguments: [
            ("2.5", 5, 2), ("-1.25", -5, 4), ("40", 40, 1), ("0.000001", 1, 1_000_000), ("0", 0, 1), ("1.0375", 83, 80),
        ] as [(String, Int128, Int128)]
    )
    func rationalValue(text: String, numerator: Int128, denominator: Int128) throws {
        let value = try quantity(text).rational
        #expect(value.numerator == numerator)
        #expect(value.denominator == denominator)
    }

    @Test(
        "Products of quantities are exact and normalized",
        arguments: [
            ("2.5", "1.5", "3.75"), ("0.5", "0.2", "0.1"), ("-2.5", "4", "-10"), ("-1.25", "-1.25", "1.5625"),
            ("212", "40", "8480"), ("0", "-2.5", "0"), ("0.000001", "1000000", "1"), ("2.5", "0.4", "1"),
        ]
    )
    func products(left: String, right: String, product: String) throws {
        #expect(try quantity(left).multiplied(by: quantity(right)) == quantity(product))
        #expect(try quantity(right).multiplied(by: quantity(left)) == quantity(product))
    }

    @Test("A product that needs twelve decimals keeps them all")
    func twelveDecimalProduct() throws {
        let product = try quantity("0.123457").multiplied(by: quantity("0.000003"))
        #expect(product.units == 370_371)
        #expect(product.scale == 12)
        #expect(try product.rational == Rational(numerator: 370_371, denominator: 1_000_000_000_000))
    }

    @Test("Quantities order by value across scales")
    func ordering() throws {
        #expect(try quantity("2.5") < quantity("2.51"))
        #expect(try quantity("-1") < quantity("0.000001"))
        #expect(try quantity("9.999999") < quantity("10"))
        #expect(try quantity("-2.5") < quantity("-2.49"))
        #expect(try !(quantity("2.50") < quantity("2.5")))
        let sorted = try ["10", "-0.5", "2.25", "0", "-12", "2.2"].map { text throws(MoneyError) in try quantity(text) }
            .sorted()
        #expect(sorted.map(\.plainString) == ["-12", "-0.5", "0", "2.2", "2.25", "10"])
    }
}
