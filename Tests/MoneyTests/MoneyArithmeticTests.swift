import Money
import Testing

@Suite("Money arithmetic is exact, for positive and negative amounts")
struct MoneyArithmeticTests {
    @Test("Amounts are built from cents or whole euros")
    func construction() throws {
        #expect(try Money(cents: 1250).cents == 1250)
        #expect(try Money(cents: -1250).cents == -1250)
        #expect(try Money.euros(12).cents == 1200)
        #expect(try Money.euros(-12).cents == -1200)
        #expect(try Money.euros(0) == Money.zero)
        #expect(Money.zero.cents == 0)
        #expect(Money.maximumCents == 99_999_999_999_999)
        #expect(try Money(cents: Money.maximumCents).cents == 99_999_999_999_999)
        #expect(try Money(cents: -Money.maximumCents).cents == -99_999_999_999_999)
        #expect(try Money.euros(999_999_999_999).cents == 99_999_999_999_900)
    }

    @Test(
        "Adding and subtracting work for every sign combination",
        arguments: [
            // left, right, sum, difference
            ("10.00", "3.50", "13.50", "6.50"),
            ("10.00", "-3.50", "6.50", "13.50"),
            ("-10.00", "3.50", "-6.50", "-13.50"),
            ("-10.00", "-3.50", "-13.50", "-6.50"),
            ("3.50", "10.00", "13.50", "-6.50"),
            ("0.00", "-0.01", "-0.01", "0.01"),
            ("999999999999.98", "0.01", "999999999999.99", "999999999999.97"),
            ("-999999999999.98", "-0.01", "-999999999999.99", "-999999999999.97"),
        ]
    )
    func addingAndSubtracting(left: String, right: String, sum: String, difference: String) throws {
        #expect(try money(left).adding(money(right)) == money(sum))
        #expect(try money(left).subtracting(money(right)) == money(difference))
    }

    @Test(
        "Negation flips the sign and keeps the magnitude",
        arguments: [
            ("3.50", "-3.50"), ("-3.50", "3.50"), ("0.00", "0.00"), ("0.01", "-0.01"),
            ("999999999999.99", "-999999999999.99"), ("-999999999999.99", "999999999999.99"),
        ]
    )
    func negation(amount: String, negated: String) throws {
        #expect(try money(amount).negated() == money(negated))
        #expect(try money(amount).negated().negated() == money(amount))
    }

    @Test(
        "Multiplying by a whole count is exact for every sign",
        arguments: [
            ("3.50", 3, "10.50"), ("-3.50", 3, "-10.50"), ("3.50", -3, "-10.50"), ("-3.50", -3, "10.50"),
            ("3.50", 0, "0.00"), ("-3.50", 0, "0.00"), ("11889.50", 8, "95116.00"), ("11889.50", 6, "71337.00"),
            ("0.01", 99_999_999_999_999, "999999999999.99"), ("-0.01", 99_999_999_999_999, "-999999999999.99"),
        ] as [(String, Int64, String)]
    )
    func multiplyingByCount(amount: String, count: Int64, product: String) throws {
        #expect(try money(amount).multiplied(by: count) == money(product))
        // A whole quantity gives the same result through the quantity path.
        #expect(try money(amount).multiplied(by: Quantity(count)) == money(product))
    }

    @Test("Sums are exact, including negative lines and an empty list")
    func sums() throws {
        let lines = try ["10.00", "-3.50", "0.01", "-0.02", "11889.50"].map { text throws(MoneyError) in try money(text)
        }
        #expect(try Money.sum(lines) == money("11895.99"))
        #expect(try Money.sum([Money]()) == Money.zero)
        #expect(try Money.sum([money("-1.25"), money("-2.50")]) == money("-3.75"))
        // The running total may leave the range as long as the final total is back inside it.
        let maximum = try Money(cents: Money.maximumCents)
        #expect(try Money.sum([maximum, maximum, maximum.negated()]) == maximum)
        #expect(try Money.sum(repeatElement(money("0.01"), count: 10_000)) == money("100.00"))
    }

    @Test("The exact value of an amount is its cents as a fraction")
    func exactValue() throws {
        #expect(try money("-3.50").exact == Rational(-350))
        #expect(try money("95116.00").exact == Rational(9_511_600))
        #expect(Money.zero.exact == Rational.zero)
        #expect(try money("-3.50").exact.denominator == 1)
    }

    @Test("An exact product with a quantity keeps every digit")
    func exactProducts() throws {
        #expect(
            try money("19.35").multipliedExactly(by: quantity("1.021"))
                == Rational(numerator: 1_975_635, denominator: 1000))
        #expect(
            try money("-19.35").multipliedExactly(by: quantity("1.021"))
                == Rational(numerator: -1_975_635, denominator: 1000))
        #expect(try money("11889.50").multipliedExactly(by: quantity("3")) == Rational(3_566_850))
        #expect(
            try money("0.01").multipliedExactly(by: quantity("-0.000001"))
                == Rational(numerator: -1, denominator: 1_000_000))
    }

    @Test("Amounts order by value and are equal and hash alike when their cents are equal")
    func orderingAndHashing() throws {
        let amounts = try ["0.01", "-0.01", "0.00", "-999999999999.99", "999999999999.99", "-3.50"].map {
            text throws(MoneyError) in try money(text)
        }
        #expect(
            amounts.sorted().map(\.jsonString) == [
                "-999999999999.99", "-3.50", "-0.01", "0.00", "0.01", "999999999999.99",
            ])
        #expect(try money("-0.01") < money("0.00"))
        #expect(try money("-1.00") < money("-0.99"))
        #expect(try money("-0.00") == Money.zero)
        #expect(try Set([money("1.50"), Money(cents: 150), money("-1.50")]).count == 2)
    }

    @Test("Every amount describes itself in the JSON form")
    func describing() throws {
        #expect(try money("-3.50").description == "-3.50")
        #expect(try "\(money("95116.00"))" == "95116.00")
    }
}
