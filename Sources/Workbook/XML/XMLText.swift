/// Escaping of text for XML 1.0 element content and attribute values.
///
/// The five markup characters become entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`), in text
/// and in attributes alike. Characters XML 1.0 does not allow at all (the C0 controls other than
/// tab, line feed and carriage return, U+FFFE and U+FFFF) are never written: each becomes U+FFFD,
/// the replacement character, so the loss is visible. Characters a parser would normalize are
/// written as character references: a carriage return always, and in attributes also tab and line
/// feed, so they read back as they were.
public enum XMLText {
    /// The text as element content.
    public static func escapedText(_ text: String) -> String {
        escaped(text, inAttribute: false)
    }

    /// The text as an attribute value, for either kind of quotes.
    public static func escapedAttribute(_ text: String) -> String {
        escaped(text, inAttribute: true)
    }

    /// Whether XML 1.0 allows the character anywhere in a document (its production `Char`).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text with every character XML 1.0 does not allow replaced by U+FFFD; what an escaped
    /// text reads back as.
    public static func replacingDisallowedCharacters(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isAllowed(scalar) ? scalar : replacementCharacter)
        }
        return String(result)
    }

    private static let replacementCharacter: Unicode.Scalar = "\u{FFFD}"

    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscaping($0, inAttribute: inAttribute) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : replacementCharacter)
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar, inAttribute: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'", "\r": true
        case "\t", "\n": inAttribute
        default: !isAllowed(scalar)
        }
    }
}
