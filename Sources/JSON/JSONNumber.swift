/// A JSON number kept as the exact literal text from the document, never converted through a binary floating-point type.
///
/// Two numbers are equal when their texts are equal, so `1.50` and `1.5` are different values:
/// the written form of an amount is data for a pricing engine and must survive a round trip.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal text exactly as written, for example `-0`, `1.50` or `1e3`.
    public let text: String

    /// Creates a number from text the caller has already checked against the JSON number grammar.
    ///
    /// Precondition: `validatedText` is a valid JSON number literal; this is checked only in debug builds
    /// because the parser calls this for every number it reads.
    public init(validatedText: String) {
        assert(JSONNumber.isValidLiteral(validatedText), "not a valid JSON number literal: \(validatedText)")
        self.text = validatedText
    }

    /// Creates a number from text when it is a valid JSON number literal, otherwise returns nil.
    public init?(text: String) {
        guard JSONNumber.isValidLiteral(text) else { return nil }
        self.text = text
    }

    /// Creates a number that writes the integer in plain decimal digits.
    public init(integer: Int64) {
        self.text = String(integer)
    }

    /// Creates a number from bytes the parser has already scanned, skipping the debug check the public initializer does.
    init(scannedText: String) {
        self.text = scannedText
    }

    /// The literal text, so that interpolating a number writes it exactly as it was read.
    public var description: String { text }

    /// True when the literal has neither a fraction nor an exponent, as in `42` or `-0`.
    public var isInteger: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value when the literal is an integer that fits in `Int64`, otherwise nil; `1e3` and `1.0` give nil.
    public var int64Value: Int64? {
        guard isInteger else { return nil }
        var digits = Substring(text).utf8[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        // Accumulating the negative value lets Int64.min parse without overflowing on the way.
        var accumulated: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, shiftOverflow) = accumulated.multipliedReportingOverflow(by: 10)
            let (next, digitOverflow) = shifted.subtractingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if shiftOverflow || digitOverflow { return nil }
            accumulated = next
        }
        if isNegative { return accumulated }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(accumulated)
        return overflow ? nil : positive
    }

    /// Checks text against the JSON number grammar with the same scanner the parser uses.
    static func isValidLiteral(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first,
              first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            if case .number(let end) = NumberGrammar.scan(buffer, from: 0) { end == buffer.count } else { false }
        }
    }
}
