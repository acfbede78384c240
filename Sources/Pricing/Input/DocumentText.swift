import Catalogue
import JSON

/// The rule for free text that passes into documents and the store: names, titles, descriptions.
///
/// Such text may hold no control character (U+0000–U+001F and U+007F: a NUL cut a stored name
/// short, a line break or tab breaks a table row) and no bidirectional override or isolate
/// (U+202A–U+202E, U+2066–U+2069), which can make a document show text in another order than
/// the one it holds.
public enum DocumentText {
    /// Why `text` cannot be a name, title or description, or nil when it can. The message names
    /// the character but does not repeat the text, which would carry the character along.
    public static func problem(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "expected text without control characters, found \(codePoint(scalar))"
            }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                return "expected text without bidirectional override or isolate characters, found \(codePoint(scalar))"
            }
        }
        return nil
    }

    /// "U+0000".
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension ObjectReader {
    /// A string field that passes into documents: a name, title or description. Reports, at the
    /// field's path, text that breaks `DocumentText`'s rule.
    func documentText(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if let problem = DocumentText.problem(in: text) {
            collector.report(path.appending(key), problem)
            return nil
        }
        return text
    }
}
