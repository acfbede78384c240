import Money

// Small helpers so that tables in the tests can be written as the text a tariff file would contain.

/// Parses the JSON form of an amount; tests use it to write amounts the way tariff files do.
func money(_ text: String) throws(MoneyError) -> Money {
    try Money(parsing: text)
}

/// Parses a quantity literal.
func quantity(_ text: String) throws(MoneyError) -> Quantity {
    try Quantity(parsing: text)
}

/// Parses a fraction literal.
func fraction(_ text: String) throws(MoneyError) -> Rational {
    try Rational(parsingFraction: text)
}

/// The forms the parsers promise in their errors; they are part of the public contract, so they are spelled out here.
enum Expected {
    static let jsonAmount = "a decimal with a dot and exactly two decimals, like \"95116.00\""
    static let dutchAmount =
        "a Dutch amount with a comma, exactly two decimals and optional thousands dots, like \"€ 95.116,00\""
    static let quantity = "a decimal number with a dot and at most six decimals, like \"2.5\" or \"34093\""
    static let percentage = "a percentage with at most two decimals, like 3.75"
    static let fraction = "a fraction like \"2/3\", a whole number like \"1\" or a decimal like \"0.5\""
}

/// A deterministic pseudo-random generator (SplitMix64), so that sweeps cover many values yet always the same ones.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in -limit...limit, with every magnitude of digits about equally likely.
    mutating func signedValue(upTo limit: Int64) -> Int64 {
        let digits = Int(next() % 15) + 1
        var bound: UInt64 = 1
        for _ in 0..<digits { bound *= 10 }
        let magnitude = Int64(min(next() % bound, UInt64(limit)))
        return next() % 2 == 0 ? magnitude : -magnitude
    }
}
