// Byte-level helpers shared by every parser and printer in the module. They read and write UTF-8
// bytes directly, so that parsing an amount allocates nothing and printing allocates at most the
// resulting String.

/// The bytes the parsers and printers compare against, named so that byte-level code reads as text.
enum Byte {
    static let zero = UInt8(ascii: "0")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let space = UInt8(ascii: " ")
    static let slash = UInt8(ascii: "/")
    static let percent = UInt8(ascii: "%")
    /// The euro sign "€" (U+20AC) takes three bytes in UTF-8.
    static let euroSign: (UInt8, UInt8, UInt8) = (0xE2, 0x82, 0xAC)
}

/// The value of an ASCII decimal digit, or nil for any other byte, so that non-ASCII digits are rejected.
@inline(__always)
func decimalDigit(_ byte: UInt8) -> UInt8? {
    byte >= Byte.zero && byte <= Byte.zero + 9 ? byte - Byte.zero : nil
}

/// Powers of ten from 10^0 to 10^18, every scale a 64-bit decimal can have.
let powersOfTen: [Int64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
    1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
]

/// 10 to the power `exponent` in 128 bits, or nil when it does not fit (beyond 10^38).
func powerOfTen128(_ exponent: Int) -> Int128? {
    guard exponent >= 0 && exponent <= 38 else { return nil }
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
}

/// What a byte-level parser found; turned into a typed error outside the closure that reads the bytes.
enum ParseOutcome<Value> {
    case value(Value)
    case malformed
    case overflow
    case divisionByZero

    /// Returns the parsed value, or throws the matching error, naming the input when it was malformed.
    func get(input: String, expected: String) throws(MoneyError) -> Value {
        switch self {
        case .value(let value): return value
        case .malformed: throw .malformed(input: input, expected: expected)
        case .overflow: throw .overflow
        case .divisionByZero: throw .divisionByZero
        }
    }
}

/// Runs `body` over the UTF-8 bytes of `text`; native strings are read in place, without copying.
@inline(__always)
func withUTF8Bytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var text = text
    return text.withUTF8(body)
}

/// A plain decimal literal as written, split into the parts the quantity, percentage and fraction parsers need.
struct DecimalLiteral {
    /// Whether the literal started with a minus sign.
    var isNegative = false
    /// The digits before the dot, as an integer.
    var integerPart: Int128 = 0
    /// The digits after the dot without trailing zeros, as an integer.
    var fractionPart: Int128 = 0
    /// How many digits after the dot remain once trailing zeros are dropped.
    var significantFractionDigits = 0
    /// How many digits after the dot were written, trailing zeros included.
    var writtenFractionDigits = 0
    /// Whether a part did not fit in 128 bits; the literal is well formed but out of range.
    var isTooLarge = false
    /// The index just after the literal.
    var end = 0
}

/// Reads `-?(0|[1-9][0-9]*)(\.[0-9]+)?` at `start`; nil when no literal of that shape starts there.
///
/// The sign and the fraction can be switched off for grammars that do not allow them. Reading stops at
/// the first byte that cannot continue the literal, so callers decide what may follow it.
func scanDecimalLiteral(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, allowingSign: Bool, allowingFraction: Bool
) -> DecimalLiteral? {
    var literal = DecimalLiteral()
    var index = start
    if allowingSign && index < bytes.count && bytes[index] == Byte.minus {
        literal.isNegative = true
        index += 1
    }

    let integerStart = index
    while index < bytes.count, let digit = decimalDigit(bytes[index]) {
        if !literal.isTooLarge {
            let (shifted, shiftOverflowed) = literal.integerPart.multipliedReportingOverflow(by: 10)
            let (next, addOverflowed) = shifted.addingReportingOverflow(Int128(digit))
            if shiftOverflowed || addOverflowed { literal.isTooLarge = true } else { literal.integerPart = next }
        }
        index += 1
    }
    let integerDigits = index - integerStart
    // A leading zero is only allowed as the whole integer part, so that "007" cannot hide a typing error.
    guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != Byte.zero else { return nil }

    if allowingFraction && index < bytes.count && bytes[index] == Byte.dot {
        index += 1
        let fractionStart = index
        // Zeros are only multiplied in once a non-zero digit follows them, so trailing zeros never overflow.
        var pendingZeros = 0
        while index < bytes.count, let digit = decimalDigit(bytes[index]) {
            if digit == 0 {
                pendingZeros += 1
            } else if !literal.isTooLarge {
                var next = literal.fractionPart
                var overflowed = false
                for _ in 0...pendingZeros where !overflowed {
                    (next, overflowed) = next.multipliedReportingOverflow(by: 10)
                }
                if !overflowed { (next, overflowed) = next.addingReportingOverflow(Int128(digit)) }
                if overflowed {
                    literal.isTooLarge = true
                } else {
                    literal.fractionPart = next
                    literal.significantFractionDigits += pendingZeros + 1
                    pendingZeros = 0
                }
            }
            index += 1
        }
        literal.writtenFractionDigits = index - fractionStart
        // A dot must be followed by at least one digit: "1." is a typing error, not a whole number.
        guard literal.writtenFractionDigits > 0 else { return nil }
    }
    literal.end = index
    return literal
}

/// How `renderDecimal` lays out a number: the separators and the fixed text around it.
struct DecimalStyle {
    /// The byte between the integer part and the decimals.
    var decimalSeparator: UInt8
    /// Whether the integer part is grouped by thousands with dots, as Dutch text does.
    var groupsThousands: Bool
    /// Whether the text starts with "€ ", before any minus sign.
    var hasEuroPrefix: Bool
    /// Whether the text ends with " %".
    var hasPercentSuffix: Bool

    /// The machine form: a dot and no grouping, as in JSON.
    static let plain = DecimalStyle(
        decimalSeparator: Byte.dot, groupsThousands: false, hasEuroPrefix: false, hasPercentSuffix: false)
    /// The Dutch form of a number: a decimal comma and thousands dots.
    static let dutch = DecimalStyle(
        decimalSeparator: Byte.comma, groupsThousands: true, hasEuroPrefix: false, hasPercentSuffix: false)
    /// The Dutch form of money: the Dutch number after "€ ".
    static let dutchMoney = DecimalStyle(
        decimalSeparator: Byte.comma, groupsThousands: true, hasEuroPrefix: true, hasPercentSuffix: false)
    /// The Dutch form of a percentage: the Dutch number before " %".
    static let dutchPercentage = DecimalStyle(
        decimalSeparator: Byte.comma, groupsThousands: true, hasEuroPrefix: false, hasPercentSuffix: true)
}

/// Prints `magnitude / 10^scale` with exactly `scale` decimals, building the bytes on the stack first.
///
/// `scale` must lie in 0...18; every caller passes a scale of at most 12.
func renderDecimal(magnitude: UInt64, scale: Int, isNegative: Bool, style: DecimalStyle) -> String {
    // The longest text is "€ -" + 20 digits + 6 group dots + separator + 18 decimals + " %", well below 64 bytes.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
        // The text is written backwards, from the last byte, because digits come out least significant first.
        var position = buffer.count
        func prepend(_ byte: UInt8) {
            position -= 1
            buffer[position] = byte
        }

        if style.hasPercentSuffix {
            prepend(Byte.percent)
            prepend(Byte.space)
        }
        var remaining = magnitude
        if scale > 0 {
            for _ in 0..<scale {
                prepend(Byte.zero + UInt8(remaining % 10))
                remaining /= 10
            }
            prepend(style.decimalSeparator)
        }
        var integerDigits = 0
        repeat {
            if style.groupsThousands && integerDigits > 0 && integerDigits % 3 == 0 { prepend(Byte.dot) }
            prepend(Byte.zero + UInt8(remaining % 10))
            remaining /= 10
            integerDigits += 1
        } while remaining > 0
        if isNegative { prepend(Byte.minus) }
        if style.hasEuroPrefix {
            prepend(Byte.space)
            prepend(Byte.euroSign.2)
            prepend(Byte.euroSign.1)
            prepend(Byte.euroSign.0)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
    }
}

/// The greatest common divisor of two magnitudes by Stein's binary method, which needs only shifts and subtractions.
func greatestCommonDivisor(_ first: UInt128, _ second: UInt128) -> UInt128 {
    if first == 0 { return second }
    if second == 0 { return first }
    // Most fractions in pricing are small; 64-bit arithmetic is faster for them.
    if first <= UInt128(UInt64.max) && second <= UInt128(UInt64.max) {
        return UInt128(
            greatestCommonDivisor(UInt64(truncatingIfNeeded: first), UInt64(truncatingIfNeeded: second)))
    }
    var smaller = first
    var larger = second
    let commonShift = (smaller | larger).trailingZeroBitCount
    smaller >>= smaller.trailingZeroBitCount
    repeat {
        larger >>= larger.trailingZeroBitCount
        if smaller > larger { swap(&smaller, &larger) }
        larger -= smaller
    } while larger != 0
    return smaller << commonShift
}

/// The greatest common divisor of two 64-bit magnitudes by Stein's binary method.
func greatestCommonDivisor(_ first: UInt64, _ second: UInt64) -> UInt64 {
    if first == 0 { return second }
    if second == 0 { return first }
    var smaller = first
    var larger = second
    let commonShift = (smaller | larger).trailingZeroBitCount
    smaller >>= smaller.trailingZeroBitCount
    repeat {
        larger >>= larger.trailingZeroBitCount
        if smaller > larger { swap(&smaller, &larger) }
        larger -= smaller
    } while larger != 0
    return smaller << commonShift
}

/// The greatest common divisor of two 128-bit integers, as a positive Int128 (or 0 when both are 0).
///
/// Neither argument may be `Int128.min`; the module never stores that value, so that negation is always safe.
func greatestCommonDivisor(_ first: Int128, _ second: Int128) -> Int128 {
    Int128(greatestCommonDivisor(first.magnitude, second.magnitude))
}
