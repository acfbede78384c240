/// A response header: its name and value.
public struct HeaderField: Sendable, Hashable {
    /// The header's name, e.g. `Content-Security-Policy`.
    public let name: String
    /// The header's value.
    public let value: String

    /// A header with a name and a value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The headers every answer of the web workspace carries: a strict Content-Security-Policy
/// (only the workspace's own scripts, styles, images and forms; no framing, no `<base>`, no
/// plugins; inline script only with the page's nonce), no MIME sniffing, no referrer, no
/// framing, no caching of pages, and a browsing context of its own.
public enum SecurityHeaders {
    /// How an answer may be cached.
    public enum Caching: Sendable {
        /// Pages and downloads, which show contracts and prices: never stored (`no-store`).
        case noStore
        /// The workspace's own static files (CSS, JS): stored, but checked each time.
        case revalidate
    }

    /// The Content-Security-Policy, with `'nonce-…'` for inline script when `scriptNonce` is
    /// given. A nonce must be base64 or base64url text (as `SecureRandom.token()` makes); any
    /// other text is refused, so it can never add a directive.
    public static func contentSecurityPolicy(scriptNonce: String? = nil) -> String {
        var script = "script-src 'self'"
        if let scriptNonce {
            precondition(isNonce(scriptNonce), "a CSP nonce must be base64 or base64url text")
            script += " 'nonce-\(scriptNonce)'"
        }
        return [
            "default-src 'self'", script, "style-src 'self'", "img-src 'self'", "object-src 'none'",
            "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'",
        ].joined(separator: "; ")
    }

    /// The headers for an answer, in a fixed order.
    public static func fields(scriptNonce: String? = nil, caching: Caching = .noStore) -> [HeaderField] {
        [
            HeaderField(name: "Content-Security-Policy", value: contentSecurityPolicy(scriptNonce: scriptNonce)),
            HeaderField(name: "X-Content-Type-Options", value: "nosniff"),
            HeaderField(name: "Referrer-Policy", value: "no-referrer"),
            HeaderField(name: "X-Frame-Options", value: "DENY"),
            HeaderField(name: "Cross-Origin-Opener-Policy", value: "same-origin"),
            HeaderField(name: "Cross-Origin-Resource-Policy", value: "same-origin"),
            HeaderField(name: "Cache-Control", value: caching == .noStore ? "no-store" : "no-cache"),
        ]
    }

    /// Whether `text` can stand in `'nonce-…'`: 16 to 128 base64 or base64url characters.
    static func isNonce(_ text: String) -> Bool {
        (16...128).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="): true
            default: false
            }
        }
    }
}
