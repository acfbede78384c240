/// Strict UTF-8 checking (Unicode Table 3-7) that says what is wrong, because a hand-edited file saved in
/// Latin-1 or Windows-1252 should produce a message pointing at the offending character, not a generic failure.
enum UTF8Validation {
    /// The outcome of checking the sequence that starts at an offset.
    enum SequenceCheck {
        case valid(length: Int)
        case invalid(reason: String)
    }

    /// The start of every message about malformed UTF-8, so callers and tests can recognise the category.
    static let messagePrefix = "the file is not valid UTF-8 at this position: "

    /// Checks the sequence whose first byte is at `offset`; overlong forms, encoded surrogates, values above
    /// U+10FFFF, stray continuation bytes, truncated sequences and bytes 0xF5 to 0xFF are all rejected.
    static func check(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> SequenceCheck {
        let lead = input[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F:
            return .valid(length: 1)
        case 0x80...0xBF:
            return .invalid(reason: "byte \(hexadecimal(lead)) is a continuation byte without a leading byte")
        case 0xC0, 0xC1:
            return .invalid(reason: "byte \(hexadecimal(lead)) starts an overlong encoding")
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xE1...0xEF:
            length = 3
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default:
            return .invalid(reason: "byte \(hexadecimal(lead)) never occurs in UTF-8")
        }
        let truncated = SequenceCheck.invalid(reason: "the sequence starting with byte \(hexadecimal(lead)) is incomplete")
        guard offset + 1 < input.count else { return truncated }
        let second = input[offset + 1]
        if !secondRange.contains(second) {
            guard isContinuation(second) else { return truncated }
            // A continuation byte outside the narrowed range is exactly one of the three forbidden forms.
            let pair = "bytes \(hexadecimal(lead)) \(hexadecimal(second))"
            switch lead {
            case 0xE0, 0xF0: return .invalid(reason: "\(pair) start an overlong encoding")
            case 0xED: return .invalid(reason: "\(pair) start an encoded UTF-16 surrogate")
            default: return .invalid(reason: "\(pair) start a value above U+10FFFF")
            }
        }
        for next in 2..<length {
            guard offset + next < input.count, isContinuation(input[offset + next]) else { return truncated }
        }
        return .valid(length: length)
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// A byte as `0xAB`, the way hex editors show it.
    static func hexadecimal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0" + digits : "0x" + digits
    }
}
