@testable import HTTP
import Testing

/// What the parser made of some bytes: a request, a refusal's code, or nothing yet.
enum Parsed: Equatable {
    case request(method: String, path: String, body: String)
    case refused(Int)
    case incomplete
}

/// Feeds `bytes` to a new parser at once and, separately, one byte at a time; both must agree.
func parse(_ bytes: [UInt8], limits: HTTPParser.Limits = HTTPParser.Limits()) -> Parsed {
    var whole = HTTPParser(limits: limits)
    whole.append(bytes)
    let first = summary(whole.next())
    var trickled = HTTPParser(limits: limits)
    var second = Parsed.incomplete
    for byte in bytes where second == .incomplete {
        trickled.append([byte])
        second = summary(trickled.next())
    }
    #expect(first == second, "whole: \(first), byte by byte: \(second)")
    return first
}

func parse(_ text: String, limits: HTTPParser.Limits = HTTPParser.Limits()) -> Parsed {
    parse(Array(text.utf8), limits: limits)
}

func summary(_ outcome: HTTPParser.Outcome) -> Parsed {
    switch outcome {
    case .incomplete: .incomplete
    case .refused(let status): .refused(status.code)
    case .request(let request): .request(method: request.method.rawValue, path: request.path, body: String(decoding: request.body, as: UTF8.self))
    }
}

@Suite("HTTP parser: valid requests")
struct ParserValidTests {
    @Test("a GET with headers: method, decoded path and query, version, headers in order and by any case")
    func get() throws {
        var parser = HTTPParser()
        parser.append(Array("GET /offertes/a%20b%2Fc/?q=x+y&leeg&n=%C3%A9 HTTP/1.1\r\nHost: localhost\r\nX-One: 1\r\nx-one:  2 \r\nAccept: */*\r\n\r\n".utf8))
        guard case .request(let request) = parser.next() else { Issue.record("no request"); return }
        #expect(request.method == .get)
        #expect(request.pathSegments == ["offertes", "a b/c", ""])
        #expect(request.path == "/offertes/a b/c/")
        #expect(request.query == [QueryItem(name: "q", value: "x y"), QueryItem(name: "leeg", value: ""), QueryItem(name: "n", value: "é")])
        #expect(request.version == .http11)
        #expect(request.headers["HOST"] == "localhost")
        #expect(request.headers.values(for: "X-ONE") == ["1", "2"])
        #expect(request.headers.fields.map(\.name) == ["Host", "X-One", "x-one", "Accept"])
        #expect(request.keepAlive)
        #expect(parser.isIdle)
    }

    @Test("a POST body by Content-Length, and a second request pipelined after it")
    func postThenPipelined() {
        var parser = HTTPParser()
        parser.append(Array("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab=cdGET /y HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".utf8))
        #expect(summary(parser.next()) == .request(method: "POST", path: "/x", body: "ab=cd"))
        guard case .request(let second) = parser.next() else { Issue.record("no second request"); return }
        #expect(second.path == "/y")
        #expect(!second.keepAlive)
        #expect(summary(parser.next()) == .incomplete)
    }

    @Test("byte by byte the same as at once; a partial request is incomplete; leading empty lines are skipped")
    func incremental() {
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc") == .request(method: "POST", path: "/", body: "abc"))
        #expect(parse("\r\n\r\nGET / HTTP/1.0\r\n\r\n") == .request(method: "GET", path: "/", body: ""))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n") == .incomplete)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nab") == .incomplete)
    }

    @Test("HTTP/1.0 keeps the connection only when asked; equal repeated Content-Length is accepted; leading zeros")
    func versionsAndLengths() {
        var parser = HTTPParser()
        parser.append(Array("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n".utf8))
        guard case .request(let request) = parser.next() else { Issue.record("no request"); return }
        #expect(request.keepAlive && request.version == .http10)
        #expect(parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok") == .request(method: "PUT", path: "/", body: "ok"))
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0002\r\n\r\nok") == .request(method: "POST", path: "/", body: "ok"))
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n") == .request(method: "POST", path: "/", body: ""))
    }
}

@Suite("HTTP parser: limits")
struct ParserLimitTests {
    @Test("request line: 8 KiB passes, one byte more is 414, even before its end has come")
    func requestLine() {
        let path = "/" + String(repeating: "a", count: 8192 - "GET / HTTP/1.1".utf8.count)
        #expect(parse("GET \(path) HTTP/1.1\r\nHost: h\r\n\r\n") == .request(method: "GET", path: path, body: ""))
        #expect(parse("GET \(path)a HTTP/1.1\r\nHost: h\r\n\r\n") == .refused(414))
        #expect(parse("GET /" + String(repeating: "a", count: 9000)) == .refused(414))
    }

    @Test("100 header fields pass, 101 are 431")
    func headerCount() {
        let fields = (1...100).map { "X-\($0): v\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\n\(fields)\r\n".replacing("X-1: v", with: "Host: h", maxReplacements: 1)) == .request(method: "GET", path: "/", body: ""))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n\(fields)\r\n") == .refused(431))
    }

    @Test("16 KiB of header fields pass, more is 431, even before the empty line has come")
    func headerBlock() {
        let filler = String(repeating: "v", count: 16384 - "Host: h\r\nX: \r\n\r\n".utf8.count)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)\r\n\r\n") == .request(method: "GET", path: "/", body: ""))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)v\r\n\r\n") == .refused(431))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "v", count: 17000)) == .refused(431))
    }

    @Test("a body at the limit passes; one byte more is 413 at once; a huge Content-Length is 413")
    func body() {
        let limits = HTTPParser.Limits(bodyLimit: 10)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits) == .request(method: "POST", path: "/", body: "0123456789"))
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", limits: limits) == .refused(413))
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999999\r\n\r\n") == .refused(413))
    }
}

@Suite("HTTP parser: malformed requests")
struct ParserMalformedTests {
    /// A request with `line` as its request line and `fields` as its header fields.
    func request(_ line: String = "GET / HTTP/1.1", _ fields: String = "Host: h\r\n") -> String { "\(line)\r\n\(fields)\r\n" }

    @Test("bad request lines: 400, unknown methods 501, other versions 505", arguments: [
        ("GET  / HTTP/1.1", 400), ("GET / HTTP/1.1 ", 400), (" GET / HTTP/1.1", 400), ("GET /", 400), ("G@T / HTTP/1.1", 400),
        ("GET\t/ HTTP/1.1", 400), ("BREW / HTTP/1.1", 501), ("TRACE / HTTP/1.1", 501), ("CONNECT h:443 HTTP/1.1", 501),
        ("get / HTTP/1.1", 501), ("GET / HTTP/2.0", 505), ("GET / HTTP/0.9", 505), ("GET / HTTP/1.10", 400), ("GET / http/1.1", 400),
        ("GET / HTTP/1", 400), ("GET / HTTPS/1.1", 400), ("GET * HTTP/1.1", 400), ("GET http://h/ HTTP/1.1", 400),
        ("GET /a#b HTTP/1.1", 400), ("GET /%zz HTTP/1.1", 400), ("GET /%4 HTTP/1.1", 400), ("GET /%00 HTTP/1.1", 400),
        ("GET /%ff HTTP/1.1", 400), ("GET /a/../b HTTP/1.1", 400), ("GET /%2e%2E/etc HTTP/1.1", 400), ("GET /./ HTTP/1.1", 400),
        ("GET /?q=%C3 HTTP/1.1", 400), ("GET /\u{7F} HTTP/1.1", 400), ("GET /é HTTP/1.1", 400),
    ])
    func requestLines(line: String, status: Int) {
        #expect(parse(request(line)) == .refused(status), "\(line)")
    }

    @Test("bad header fields: 400", arguments: [
        "Host: h\r\n folded\r\n", "Host: h\r\n\tfolded\r\n", "Host : h\r\n", "Host: h\r\nX Y: z\r\n", "Host: h\r\n: z\r\n",
        "Host: h\r\nX-A\r\n", "Host: h\r\nX: a\u{0}b\r\n", "Host: h\r\nX: a\u{1}b\r\n", "Host: h\r\nX: a\u{7F}\r\n", "", "Host: a\r\nHost: b\r\n",
        "Host: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n", "Host: h\r\nContent-Length: 3, 4\r\n", "Host: h\r\nContent-Length: -1\r\n",
        "Host: h\r\nContent-Length: +3\r\n", "Host: h\r\nContent-Length: 0x3\r\n", "Host: h\r\nContent-Length:\r\n", "Host: h\r\nContent-Length: 1 2\r\n",
    ])
    func fields(fields: String) {
        #expect(parse(request("GET / HTTP/1.1", fields)) == .refused(400), "\(fields.debugDescription)")
    }

    @Test("bare CR and bare LF anywhere in the head: 400")
    func lineEndings() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n") == .refused(400))
        #expect(parse("GET / HTTP/1.1\nHost: h\r\n\r\n") == .refused(400))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\nX: y\r\n\r\n") == .refused(400))
        #expect(parse("GET /\r HTTP/1.1\r\nHost: h\r\n\r\n") == .refused(400))
        #expect(parse("GET / HTTP/1.1\n\n") == .refused(400))
    }

    @Test("a bare LF is refused as soon as it comes, before the head is complete")
    func bareLineFeedEarly() {
        #expect(parse("GET / HTTP/1.1\n") == .refused(400))
        #expect(parse("GET / HTTP/1.1\r\nHost: h\n") == .refused(400))
        #expect(parse("GET / HTTP/1.1\r\n\n") == .refused(400))
    }

    @Test("Transfer-Encoding (chunked or any) is 501; a POST, PUT or PATCH without Content-Length is 411")
    func bodyFraming() {
        #expect(parse(request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: chunked\r\n")) == .refused(501))
        #expect(parse(request("POST / HTTP/1.1", "Host: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n")) == .refused(501))
        #expect(parse(request("GET / HTTP/1.1", "Host: h\r\ntransfer-encoding: gzip\r\n")) == .refused(501))
        for method in ["POST", "PUT", "PATCH"] { #expect(parse(request("\(method) / HTTP/1.1")) == .refused(411)) }
    }

    @Test("after a refusal the parser stays refused, whatever comes")
    func staysRefused() {
        var parser = HTTPParser()
        parser.append(Array("BAD\r\n\r\n".utf8))
        #expect(summary(parser.next()) == .refused(400))
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(summary(parser.next()) == .refused(400))
    }
}
