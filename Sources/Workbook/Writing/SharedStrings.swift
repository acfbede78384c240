/// The shared string table: each distinct text once, numbered in the order of first use, which
/// cells refer to by number.
struct SharedStrings {
    /// The distinct texts, by index.
    private(set) var texts: [String] = []
    private var indexes: [String: Int] = [:]
    /// How many cells refer to the table.
    private(set) var references = 0

    /// The index of a text, adding it when new, and counts the reference.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        texts.append(text)
        indexes[text] = texts.count - 1
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var xml: String {
        var xml = PartXML.declaration
        xml += "<sst xmlns=\"\(PartXML.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">"
        for text in texts {
            xml += "<si>" + SharedStrings.textElement(text) + "</si>"
        }
        return xml + "</sst>"
    }

    /// A `<t>` element for a cell text: escaped for XML, Excel's own `_xHHHH_` escapes protected,
    /// and marked to keep its spaces, tabs and line breaks when it has any at its ends or inside.
    static func textElement(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let keepsWhitespace = [scalars.first, scalars.last].contains { $0.map(isWhitespace) ?? false }
            || scalars.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let escaped = XMLText.escapedText(protectingExcelEscapes(text))
        return keepsWhitespace ? "<t xml:space=\"preserve\">\(escaped)</t>" : "<t>\(escaped)</t>"
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Excel reads `_x0041_` in a cell's text as the character U+0041; a text that holds such a
    /// sequence literally gets its underscore escaped as `_x005F_`, so it reads back as written.
    static func protectingExcelEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", isExcelEscape(scalars, at: index) {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
    private static func isExcelEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 7 <= scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
