/// Byte encodings and comparisons the security code shares: hex, Base64 (standard, padded) and
/// base64url (unpadded), and a comparison whose time does not depend on where bytes differ.
public enum Bytes {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Whether `left` and `right` are equal, looking at every byte whatever the first difference,
    /// so the time taken tells nothing about how much of a secret was guessed right. Only the
    /// lengths, which are public (a digest's), can end it early.
    public static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Lowercase hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            digits.append(hexDigits[Int(byte >> 4)])
            digits.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The bytes of hex text (either case), or nil when it is not an even number of hex digits.
    public static func fromHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Standard Base64 with `=` padding (RFC 4648 section 4).
    public static func base64(_ bytes: [UInt8]) -> String {
        encode(bytes, alphabet: base64Alphabet, padded: true)
    }

    /// base64url without padding (RFC 4648 section 5): safe in URLs, cookies and form fields.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        encode(bytes, alphabet: base64URLAlphabet, padded: false)
    }

    /// The bytes of standard, padded Base64, or nil when the text is not exactly that.
    public static func fromBase64(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var body = characters[...]
        var padding = 0
        while padding < 2, body.last == UInt8(ascii: "=") {
            body.removeLast()
            padding += 1
        }
        guard let bytes = decode(Array(body), alphabet: base64Alphabet) else { return nil }
        return base64(bytes) == text ? bytes : nil
    }

    /// The bytes of unpadded base64url, or nil when the text is not exactly that.
    public static func fromBase64URL(_ text: String) -> [UInt8]? {
        guard let bytes = decode(Array(text.utf8), alphabet: base64URLAlphabet) else { return nil }
        return base64URL(bytes) == text ? bytes : nil
    }

    private static func encode(_ bytes: [UInt8], alphabet: [UInt8], padded: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 { group = group << 8 | UInt32(offset < count ? bytes[index + offset] : 0) }
            for position in 0...count { output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3f)]) }
            if padded { for _ in count..<3 { output.append(UInt8(ascii: "=")) } }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded characters; the caller checks the result re-encodes to its input, which
    /// refuses non-canonical trailing bits.
    private static func decode(_ characters: [UInt8], alphabet: [UInt8]) -> [UInt8]? {
        guard characters.count % 4 != 1 else { return nil }
        var values = [Int](repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() { values[Int(character)] = value }
        var bytes: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            let value = values[Int(character)]
            guard value >= 0 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return bytes
    }
}
