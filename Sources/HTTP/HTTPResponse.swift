/// An answer: a status, header fields and body bytes. The server adds Content-Length and
/// Connection itself; a field whose name or value could break the head (CR, LF, NUL, a name that
/// is not a token) is left out when written.
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields, in the order they are written.
    public var headers: HTTPHeaders
    /// The body's bytes.
    public var body: [UInt8]

    /// A response of `status` with `headers` and `body`.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Plain UTF-8 text.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([HTTPHeader(name: "Content-Type", value: "text/plain; charset=utf-8")]), body: Array(text.utf8))
    }

    /// An HTML page; `html` must already be HTML (escaping is the caller's).
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8")]), body: Array(html.utf8))
    }

    /// A redirect to `location` (303 See Other by default: after a POST, the browser GETs it).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([HTTPHeader(name: "Location", value: location)]))
    }

    /// The bytes on the wire: status line, the fields that are safe to write, Content-Length,
    /// Connection, an empty line and (unless `headOnly`) the body. A 1xx, 204 or 304 answer has
    /// neither Content-Length nor body (RFC 9110 §8.6, §15.3.5, §15.4.5).
    public func serialized(keepAlive: Bool, headOnly: Bool = false) -> [UInt8] {
        let bodiless = status.code < 200 || status.code == 204 || status.code == 304
        var head = "HTTP/1.1 \(status.code) \(status.reason.filter { $0 != "\r" && $0 != "\n" })\r\n"
        for field in headers where Self.isWritable(field) {
            let name = field.name.lowercased()
            if name == "content-length" || name == "connection" || name == "transfer-encoding" { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        if !bodiless { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + (headOnly || bodiless ? [] : body)
    }

    /// Whether a field can be written as it is: a token name, a value without control characters
    /// other than tab.
    static func isWritable(_ field: HTTPHeader) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(isTokenByte)
            && field.value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// The plain-text answer the server gives for a request it refuses (400, 408, 413 …).
    static func refusal(_ status: HTTPStatus) -> HTTPResponse {
        .text("\(status.code) \(status.reason)\n", status: status)
    }
}

/// Whether `byte` may appear in a token (a method or a field name), RFC 9110 §5.6.2.
func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        true
    default:
        Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}
