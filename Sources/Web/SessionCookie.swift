/// The session cookie: `Set-Cookie` values that keep the session id from scripts (`HttpOnly`),
/// from other sites' requests (`SameSite=Strict`) and, behind TLS, from plain HTTP (`Secure`),
/// and reading the id back from a `Cookie` header.
public struct SessionCookie: Sendable, Hashable {
    /// The cookie's name.
    public let name: String
    /// Whether the cookie is only sent over HTTPS.
    public let secure: Bool

    /// The default cookie name.
    public static let defaultName = "catalogue_session"

    /// A session cookie called `name` (letters, digits, `_` and `-` only), `Secure` when `secure`.
    public init(name: String = SessionCookie.defaultName, secure: Bool = false) {
        precondition(!name.isEmpty && name.utf8.allSatisfy(SessionCookie.isTokenByte), "not a plain cookie name: \(name)")
        self.name = name
        self.secure = secure
    }

    /// The `Set-Cookie` value that sets the session id `value`, which must be base64url text (as
    /// `SecureRandom.token()` makes), so it cannot carry `;`, spaces or line breaks. `maxAge` in
    /// seconds makes it outlive the browser session; nil leaves it a session cookie.
    public func setCookie(_ value: String, maxAge: Int? = nil) -> String {
        precondition(!value.isEmpty && value.utf8.allSatisfy(SessionCookie.isTokenByte), "a session id must be base64url text")
        return attributes(pair: "\(name)=\(value)", maxAge: maxAge)
    }

    /// The `Set-Cookie` value that removes the cookie (on logout).
    public func clearCookie() -> String {
        attributes(pair: "\(name)=", maxAge: 0)
    }

    private func attributes(pair: String, maxAge: Int?) -> String {
        var parts = [pair, "Path=/", "HttpOnly", "SameSite=Strict"]
        if let maxAge { parts.append("Max-Age=\(max(0, maxAge))") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    /// The session id in a request's `Cookie` header, or nil when there is none, when the cookie
    /// occurs more than once (a sign of a cookie planted by another site), or when it is not
    /// base64url text.
    public func value(inCookieHeader header: String) -> String? {
        var found: [Substring] = []
        for pair in header.split(separator: ";") {
            let trimmed = pair.drop { $0 == " " }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            if trimmed[..<equals] == name { found.append(trimmed[trimmed.index(after: equals)...]) }
        }
        guard found.count == 1, let value = found.first, !value.isEmpty,
              value.utf8.allSatisfy(SessionCookie.isTokenByte)
        else { return nil }
        return String(value)
    }

    /// Letters, digits, `-` and `_`: the base64url alphabet.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
