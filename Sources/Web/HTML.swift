/// A fragment of HTML whose type enforces escaping: every plain `String` interpolated into it is
/// escaped (`&`, `<`, `>`, `"`, `'`, and control characters replaced), numbers are written as
/// they are, and only other `HTML` values pass through unchanged.
///
///     let page: HTML = "<p>\(userText)</p>"   // userText is escaped
///
/// There is no initialiser from a run-time `String` except `HTML(unsafeTrusted:)`, named so that
/// a reviewer sees every place where markup is trusted; literals are `StaticString`s, so only
/// source text can be a literal.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to write into a response.
    public private(set) var rendered: String

    /// Markup that is trusted as it is: constant markup of the program's own, never text that came
    /// from a request, a file or the database.
    public init(unsafeTrusted markup: String) {
        rendered = markup
    }

    /// An empty fragment.
    public init() {
        rendered = ""
    }

    /// A literal without interpolations: source text, trusted.
    public init(stringLiteral literal: StaticString) {
        rendered = literal.description
    }

    /// A literal with interpolations, escaped as `StringInterpolation` describes.
    public init(stringInterpolation interpolation: StringInterpolation) {
        rendered = interpolation.rendered
    }

    /// The markup.
    public var description: String { rendered }

    /// `text` escaped for HTML text and for attribute values in double or single quotes.
    public init(escaping text: String) {
        rendered = HTML.escape(text)
    }

    /// The fragments one after another, with `separator` between them.
    public static func joined(_ parts: [HTML], separator: HTML = HTML()) -> HTML {
        HTML(unsafeTrusted: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    /// Two fragments one after the other.
    public static func + (left: HTML, right: HTML) -> HTML {
        HTML(unsafeTrusted: left.rendered + right.rendered)
    }

    /// Appends a fragment.
    public static func += (left: inout HTML, right: HTML) {
        left.rendered += right.rendered
    }

    /// An attribute with a leading space, ` name="value"`, the value escaped. The name is source
    /// text and must be a plain attribute name (letters, digits, `-`, `_`, `:`); an `on…` event
    /// handler is refused, as the Content-Security-Policy would refuse to run it anyway. In a URL
    /// attribute (`href`, `src`, `action`, `formaction`) a value with a scheme other than `http`,
    /// `https` or `mailto` (`javascript:`, `data:`, …) is replaced by `#`.
    public static func attribute(_ name: StaticString, _ value: String) -> HTML {
        let nameText = name.description
        precondition(isPlainAttributeName(nameText), "not a plain attribute name: \(nameText)")
        let isURL = ["href", "src", "action", "formaction"].contains(nameText.lowercased())
        let safeValue = isURL && !isSafeURL(value) ? "#" : value
        return HTML(unsafeTrusted: " \(nameText)=\"\(escape(safeValue))\"")
    }

    /// Whether `url` is relative (no scheme before its first `/`, `?` or `#`) or has the scheme
    /// `http`, `https` or `mailto`. Browsers ignore tabs and line breaks inside a scheme and spaces
    /// and controls before it, so those make a URL unsafe too.
    static func isSafeURL(_ url: String) -> Bool {
        let scalars = url.unicodeScalars
        if let first = scalars.first, first.value <= 0x20 { return false }
        guard let colon = scalars.firstIndex(of: ":") else { return true }
        let beforeColon = scalars[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        let scheme = String(beforeColon).lowercased()
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }

    /// A boolean attribute with a leading space (` checked`) when `present`, nothing otherwise.
    public static func attribute(_ name: StaticString, present: Bool) -> HTML {
        let nameText = name.description
        precondition(isPlainAttributeName(nameText), "not a plain attribute name: \(nameText)")
        return present ? HTML(unsafeTrusted: " \(nameText)") : HTML()
    }

    /// Whether `name` is an attribute name `attribute` accepts.
    static func isPlainAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        if name.lowercased().hasPrefix("on") { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == ":"
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, and control
    /// characters (other than tab, line feed and carriage return) and noncharacters replaced by
    /// U+FFFD, so the text can stand in element content and in quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
                let isNoncharacter = scalar.properties.isNoncharacterCodePoint
                escaped.unicodeScalars.append(isControl || isNoncharacter ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }

    /// The interpolation of an `HTML` literal: literal segments are trusted source text, a
    /// `String` is escaped, a number is written in its plain decimal form, `HTML` is kept.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        /// The markup so far.
        var rendered = ""

        /// Reserves room for the literal.
        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// Source text of the literal, trusted.
        public mutating func appendLiteral(_ literal: StaticString) {
            rendered += literal.description
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) {
            rendered += HTML.escape(text)
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: Substring) {
            rendered += HTML.escape(String(text))
        }

        /// A fragment of HTML, as it is.
        public mutating func appendInterpolation(_ html: HTML) {
            rendered += html.rendered
        }

        /// Fragments of HTML one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { rendered += part.rendered }
        }

        /// An integer in decimal.
        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) {
            rendered += String(number)
        }

        /// A floating-point number as Swift writes it (digits, `.`, `-`, `e`, `inf`, `nan`).
        public mutating func appendInterpolation(_ number: Double) {
            rendered += HTML.escape(String(number))
        }
    }
}
