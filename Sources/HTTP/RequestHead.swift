/// The parsing of a complete request head (request line, fields, the empty line), see `HTTPParser`.
enum RequestHead {
    /// The request without its body and the body's length, or the status to refuse it with.
    static func parse(_ head: ArraySlice<UInt8>, limits: HTTPParser.Limits) -> Result<(HTTPRequest, Int), Refusal> {
        do throws(Refusal) {
            var lines = try splitLines(head)
            guard lines.count >= 2, lines.removeLast().isEmpty else { throw Refusal(.badRequest) }
            let (method, target, version) = try requestLine(lines.removeFirst())
            guard lines.count <= limits.headerCountLimit else { throw Refusal(.requestHeaderFieldsTooLarge) }
            let headers = HTTPHeaders(try lines.map(field))
            let length = try bodyLength(headers, method: method, version: version, limit: limits.bodyLimit)
            return .success((HTTPRequest(method: method, target: target, version: version, headers: headers, body: []), length))
        } catch {
            return .failure(error)
        }
    }

    /// The lines of `head` without their CRLF; a CR not followed by LF or a LF not preceded by CR is 400.
    static func splitLines(_ head: ArraySlice<UInt8>) throws(Refusal) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            let byte = head[index]
            if byte == 0x0D {
                guard index + 1 < head.endIndex, head[index + 1] == 0x0A else { throw Refusal(.badRequest) }
                lines.append(head[start..<index])
                index += 2
                start = index
            } else if byte == 0x0A {
                throw Refusal(.badRequest)
            } else {
                index += 1
            }
        }
        guard start == head.endIndex else { throw Refusal(.badRequest) }
        return lines
    }

    /// `METHOD SP target SP version`, each part checked.
    static func requestLine(_ line: ArraySlice<UInt8>) throws(Refusal) -> (HTTPMethod, RequestTarget, HTTPVersion) {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw Refusal(.badRequest) }
        let version = try self.version(parts[2])
        guard let method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self)) else { throw Refusal(.notImplemented) }
        guard let target = RequestTarget(Array(parts[1])) else { throw Refusal(.badRequest) }
        return (method, target, version)
    }

    /// HTTP/1.0 or HTTP/1.1; another `HTTP/d.d` is 505, anything else 400.
    static func version(_ bytes: ArraySlice<UInt8>) throws(Refusal) -> HTTPVersion {
        let text = String(decoding: bytes, as: UTF8.self)
        if let version = HTTPVersion(rawValue: text) { return version }
        let digits = Array(bytes.dropFirst(5))
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let isVersion = text.hasPrefix("HTTP/") && digits.count == 3 && digits[1] == UInt8(ascii: ".") && isDigit(digits[0]) && isDigit(digits[2])
        throw Refusal(isVersion ? .httpVersionNotSupported : .badRequest)
    }

    /// `name: value`: a token name directly followed by the colon, a value of visible characters,
    /// spaces, tabs and obs-text, trimmed. A line starting with a space or tab (obs-fold) is 400.
    static func field(_ line: ArraySlice<UInt8>) throws(Refusal) -> HTTPHeader {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
              line[..<colon].allSatisfy(isTokenByte) else { throw Refusal(.badRequest) }
        let value = line[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { throw Refusal(.badRequest) }
        let text = trimmed(Substring(String(decoding: value, as: UTF8.self)))
        return HTTPHeader(name: String(decoding: line[..<colon], as: UTF8.self), value: String(text))
    }

    /// The body's length from Content-Length, after the checks on Host, Transfer-Encoding and
    /// Content-Length described on `HTTPParser`.
    static func bodyLength(_ headers: HTTPHeaders, method: HTTPMethod, version: HTTPVersion, limit: Int) throws(Refusal) -> Int {
        let hosts = headers.values(for: "Host")
        guard hosts.count <= 1, version == .http10 || hosts.count == 1 else { throw Refusal(.badRequest) }
        guard !headers.contains("Transfer-Encoding") else { throw Refusal(.notImplemented) }
        let lengths = headers.values(for: "Content-Length").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(trimmed) }
        guard let first = lengths.first else {
            if [.post, .put, .patch].contains(method) { throw Refusal(.lengthRequired) }
            return 0
        }
        guard !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), lengths.allSatisfy({ $0 == first }) else {
            throw Refusal(.badRequest)
        }
        let significant = first.drop { $0 == "0" }
        guard significant.count <= 18, let length = Int(significant.isEmpty ? "0" : significant), length <= limit else {
            throw Refusal(.contentTooLarge)
        }
        return length
    }
}
