/// Host and Origin checks against an allow list, against DNS rebinding (a foreign name that
/// resolves to the workspace's address) and cross-site requests.
///
/// Allowed hosts are written like a `Host` header: `localhost:8080`, `127.0.0.1:8080`,
/// `[::1]:8080`, or without a port to allow any port. Names compare without case and without
/// one trailing dot.
public struct OriginPolicy: Sendable {
    /// A parsed authority: the host in lower case (an IPv6 address without its brackets) and
    /// the port when one was written.
    struct Authority: Hashable, Sendable {
        let host: String
        let port: Int?
    }

    private let allowed: [Authority]

    /// A policy allowing `allowedHosts`; entries that are not a valid host are left out.
    public init(allowedHosts: [String]) {
        allowed = allowedHosts.compactMap(OriginPolicy.parseAuthority)
    }

    /// Whether a request's `Host` header names an allowed host (and port, when the entry has
    /// one). A missing, empty or malformed header is refused.
    public func hostAllowed(_ hostHeader: String) -> Bool {
        guard let authority = OriginPolicy.parseAuthority(hostHeader) else { return false }
        return allows(authority)
    }

    /// Whether a request's `Origin` header is the workspace itself: `http` or `https`, the same
    /// host and port as the `Host` header (default ports filled in from the scheme), and that
    /// host allowed. `null`, other schemes, paths, user info and other hosts are refused.
    public func originAllowed(_ origin: String, for host: String) -> Bool {
        let scheme: String, defaultPort: Int
        if origin.hasPrefix("http://") {
            (scheme, defaultPort) = ("http://", 80)
        } else if origin.hasPrefix("https://") {
            (scheme, defaultPort) = ("https://", 443)
        } else {
            return false
        }
        guard let originAuthority = OriginPolicy.parseAuthority(String(origin.dropFirst(scheme.count))),
              let hostAuthority = OriginPolicy.parseAuthority(host),
              allows(hostAuthority)
        else { return false }
        return originAuthority.host == hostAuthority.host
            && (originAuthority.port ?? defaultPort) == (hostAuthority.port ?? defaultPort)
    }

    private func allows(_ authority: Authority) -> Bool {
        allowed.contains { entry in entry.host == authority.host && (entry.port == nil || entry.port == authority.port) }
    }

    /// `host`, `host:port`, `[ipv6]` or `[ipv6]:port`; nil for anything else (spaces, user
    /// info, paths, several hosts, zone ids, a port out of range or written oddly).
    static func parseAuthority(_ text: String) -> Authority? {
        guard !text.isEmpty, text.utf8.count <= 262 else { return nil }
        var rest = Substring(text.lowercased())
        let host: String
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let address = rest[rest.index(after: rest.startIndex)..<close]
            guard isIPv6Literal(address) else { return nil }
            host = String(address)
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(of: ":") ?? rest.endIndex
            var name = rest[..<end]
            if name.hasSuffix(".") { name = name.dropLast() }
            guard isHostName(name) else { return nil }
            host = String(name)
            rest = rest[end...]
        }
        if rest.isEmpty { return Authority(host: host, port: nil) }
        guard rest.first == ":" else { return nil }
        let digits = rest.dropFirst()
        guard (1...5).contains(digits.count), digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.first != "0", let port = Int(digits), port <= 65535
        else { return nil }
        return Authority(host: host, port: port)
    }

    /// Letters, digits, `-` and `.` in labels of 1 to 63 characters, at most 253 in all.
    private static func isHostName(_ name: Substring) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || byte == UInt8(ascii: "-")
                }
        }
    }

    /// Hex digits, `:` and `.` (an embedded IPv4 address), with at least two colons; no zone id.
    private static func isIPv6Literal(_ address: Substring) -> Bool {
        (2...45).contains(address.utf8.count) && address.utf8.filter { $0 == UInt8(ascii: ":") }.count >= 2
            && address.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
            }
    }
}
