/// A request method. The parser accepts GET, HEAD, POST, PUT, DELETE, OPTIONS and PATCH; any
/// other well-formed method is answered 501 before a handler sees it.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET", head = "HEAD", post = "POST", put = "PUT", delete = "DELETE", options = "OPTIONS", patch = "PATCH"
}

/// The protocol version of a request: HTTP/1.0 or HTTP/1.1 (others are answered 505).
public enum HTTPVersion: String, Sendable, Hashable {
    case http10 = "HTTP/1.0", http11 = "HTTP/1.1"
}

/// One query parameter, decoded (`+` is a space, `%XX` a byte), in the order of the query.
public struct QueryItem: Sendable, Hashable {
    /// The decoded name.
    public var name: String
    /// The decoded value; empty when the item has no `=`.
    public var value: String

    /// An item `name=value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A complete request as the parser delivers it: the target already checked and decoded.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The request target exactly as received (origin form: path and query).
    public var rawTarget: String
    /// The path's segments, each percent-decoded on its own (so an encoded `/` stays inside its
    /// segment); never `.` or `..`, never a NUL, always valid UTF-8. `/` is `[]`; `/a/` is `["a", ""]`.
    public var pathSegments: [String]
    /// The query's items in order; empty without a query.
    public var query: [QueryItem]
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields in order.
    public var headers: HTTPHeaders
    /// The body's bytes (Content-Length of them; empty without a body).
    public var body: [UInt8]

    /// A request built by hand (tests, in-process routing); `target` is decoded like a received one.
    /// Nil when the target is not a valid origin-form target.
    public init?(method: HTTPMethod, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        guard let decoded = RequestTarget(Array(target.utf8)) else { return nil }
        self.init(method: method, target: decoded, version: version, headers: headers, body: body)
    }

    init(method: HTTPMethod, target: RequestTarget, version: HTTPVersion, headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.rawTarget = target.raw
        self.pathSegments = target.segments
        self.query = target.query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The decoded path: `/` followed by the segments joined with `/`.
    public var path: String { "/" + pathSegments.joined(separator: "/") }

    /// The value of the first query item named `name`, or nil.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Whether the connection may stay open after this request: HTTP/1.1 unless it says
    /// `Connection: close`, HTTP/1.0 only when it says `Connection: keep-alive`.
    public var keepAlive: Bool {
        if headers.hasToken("close", in: "Connection") { return false }
        return version == .http11 || headers.hasToken("keep-alive", in: "Connection")
    }
}

/// An origin-form request target checked and decoded: visible ASCII only, starting with `/`, no
/// fragment, every `%` followed by two hex digits, decoded segments valid UTF-8 without NUL and
/// never `.` or `..`.
struct RequestTarget {
    let raw: String
    let segments: [String]
    let query: [QueryItem]

    init?(_ bytes: [UInt8]) {
        guard bytes.first == UInt8(ascii: "/"), bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") }) else { return nil }
        let questionMark = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
        var segments: [String] = []
        for part in bytes[1..<questionMark].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let segment = percentDecoded(part, plusIsSpace: false), segment != ".", segment != ".." else { return nil }
            segments.append(segment)
        }
        if segments == [""] { segments = [] }
        var query: [QueryItem] = []
        if questionMark < bytes.endIndex {
            for item in bytes[(questionMark + 1)...].split(separator: UInt8(ascii: "&")) {
                let equals = item.firstIndex(of: UInt8(ascii: "=")) ?? item.endIndex
                guard let name = percentDecoded(item[..<equals], plusIsSpace: true),
                      let value = percentDecoded(equals < item.endIndex ? item[(equals + 1)...] : [], plusIsSpace: true) else { return nil }
                query.append(QueryItem(name: name, value: value))
            }
        }
        self.raw = String(decoding: bytes, as: UTF8.self)
        self.segments = segments
        self.query = query
    }
}

/// `bytes` with `%XX` decoded (and `+` as a space when asked), as a string; nil for a bad escape,
/// a NUL, or bytes that are not valid UTF-8.
func percentDecoded(_ bytes: some Collection<UInt8>, plusIsSpace: Bool) -> String? {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        if byte == UInt8(ascii: "%") {
            let first = bytes.index(after: index)
            guard first < bytes.endIndex, bytes.index(after: first) < bytes.endIndex,
                  let high = hexValue(bytes[first]), let low = hexValue(bytes[bytes.index(after: first)]) else { return nil }
            output.append(high << 4 | low)
            index = bytes.index(index, offsetBy: 3)
        } else {
            output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
    }
    guard !output.contains(0) else { return nil }
    return String(validating: output, as: UTF8.self)
}

/// The value of a hexadecimal digit, or nil.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
