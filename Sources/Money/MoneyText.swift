// The two text forms of money: the strict JSON form used in tariff files and the API ("95116.00"),
// and the Dutch form printed on quotes and agreements ("€ 95.116,00").

extension Money {
    /// The largest whole number of euros in range; parsers stop accumulating digits beyond it.
    private static let maximumEuros = Money.maximumCents / 100

    /// Parses the JSON form: an optional minus, whole euros without leading zeros, a dot and exactly two decimals.
    public init(parsing text: String) throws(MoneyError) {
        let outcome = withUTF8Bytes(of: text) { Money.scanJSON($0) }
        self.init(uncheckedCents: try outcome.get(input: text, expected: ExpectedForm.jsonAmount))
    }

    /// Parses the Dutch form, such as "€ 95.116,00", "-12,00" or "95116,00"; "€ " and thousands dots are optional.
    public init(parsingDutch text: String) throws(MoneyError) {
        let outcome = withUTF8Bytes(of: text) { Money.scanDutch($0) }
        self.init(uncheckedCents: try outcome.get(input: text, expected: ExpectedForm.dutchAmount))
    }

    /// The JSON form: a minus for negative amounts, a dot and exactly two decimals, such as "95116.00" or "-3.50".
    public var jsonString: String {
        renderDecimal(magnitude: cents.magnitude, scale: 2, isNegative: cents < 0, style: .plain)
    }

    /// The Dutch form of a change, with a plus when positive: "€ +1.250,00", "€ -300,00", "€ 0,00".
    public var dutchSignedString: String {
        cents > 0 ? "€ +" + dutchString.dropFirst(2) : dutchString
    }

    /// The Dutch form: "€ ", a minus when negative, thousands dots and a decimal comma, such as "€ -1.234,50".
    public var dutchString: String {
        renderDecimal(magnitude: cents.magnitude, scale: 2, isNegative: cents < 0, style: .dutchMoney)
    }

    /// Reads `-?(0|[1-9][0-9]*)\.[0-9]{2}` as cents; well-formed text beyond the range is an overflow.
    private static func scanJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseOutcome<Int64> {
        var reader = EuroReader(bytes: bytes)
        reader.readSign()
        guard reader.readPlainEuros() else { return .malformed }
        return reader.finish(decimalSeparator: Byte.dot)
    }

    /// Reads an optional "€ ", an optional minus, euros with or without correct thousands dots, a comma, two decimals.
    private static func scanDutch(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseOutcome<Int64> {
        var reader = EuroReader(bytes: bytes)
        reader.readEuroPrefix()
        reader.readSign()
        guard reader.readGroupedEuros() else { return .malformed }
        return reader.finish(decimalSeparator: Byte.comma)
    }

    /// A cursor over the bytes of an amount that accumulates whole euros without ever overflowing.
    private struct EuroReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var isNegative = false
        var euros: Int64 = 0
        /// Set once the euros exceed the range; digits are still read so that malformed text is reported as such.
        var isTooLarge = false

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The digit at the cursor, if there is one.
        private var currentDigit: UInt8? {
            index < bytes.count ? decimalDigit(bytes[index]) : nil
        }

        /// Adds one digit to the euros; stops accumulating past the range, so the Int64 can never overflow.
        private mutating func accumulate(_ digit: UInt8) {
            guard !isTooLarge else { return }
            euros = euros * 10 + Int64(digit)
            if euros > Money.maximumEuros { isTooLarge = true }
        }

        /// Skips "€ " when the text starts with it.
        mutating func readEuroPrefix() {
            let sign = Byte.euroSign
            if bytes.count >= 4 && bytes[0] == sign.0 && bytes[1] == sign.1 && bytes[2] == sign.2
                && bytes[3] == Byte.space
            {
                index = 4
            }
        }

        /// Skips a minus sign and remembers it.
        mutating func readSign() {
            if index < bytes.count && bytes[index] == Byte.minus {
                isNegative = true
                index += 1
            }
        }

        /// Reads a run of digits and returns how many there were.
        private mutating func readDigits() -> Int {
            let start = index
            while let digit = currentDigit {
                accumulate(digit)
                index += 1
            }
            return index - start
        }

        /// Reads whole euros without separators; false when there are none or when there is a leading zero.
        mutating func readPlainEuros() -> Bool {
            let start = index
            let count = readDigits()
            return count == 1 || (count > 1 && bytes[start] != Byte.zero)
        }

        /// Reads whole euros either without separators or grouped by thousands with dots, each group complete.
        mutating func readGroupedEuros() -> Bool {
            let start = index
            guard readPlainEuros() else { return false }
            guard index < bytes.count && bytes[index] == Byte.dot else { return true }
            // With dots present the first group has one to three digits and no leading zero ("0.500" is not 500).
            let firstGroupLength = index - start
            guard firstGroupLength <= 3 && bytes[start] != Byte.zero else { return false }
            while index < bytes.count && bytes[index] == Byte.dot {
                index += 1
                for _ in 0..<3 {
                    guard let digit = currentDigit else { return false }
                    accumulate(digit)
                    index += 1
                }
            }
            return true
        }

        /// Reads the separator and exactly two decimals at the end of the text, then combines the parts into cents.
        func finish(decimalSeparator: UInt8) -> ParseOutcome<Int64> {
            guard index + 3 == bytes.count, bytes[index] == decimalSeparator,
                let tens = decimalDigit(bytes[index + 1]), let units = decimalDigit(bytes[index + 2])
            else { return .malformed }
            guard !isTooLarge else { return .overflow }
            // The euros are at most 999 999 999 999 here, so the cents stay within Money.maximumCents.
            let magnitude = euros * 100 + Int64(tens) * 10 + Int64(units)
            return .value(isNegative ? -magnitude : magnitude)
        }
    }
}
