import HTTP
import Testing

@Suite("HTTP messages: headers, responses, requests built by hand")
struct MessageTests {
    @Test("headers keep their order, are found in any case, set replaces all in the first's place, remove removes all")
    func headers() {
        var headers = HTTPHeaders()
        headers.add("Set-Cookie", "a=1")
        headers.add("X", "x")
        headers.add("set-cookie", "b=2")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        headers.set("Set-Cookie", "c=3")
        #expect(headers.fields == [HTTPHeader(name: "Set-Cookie", value: "c=3"), HTTPHeader(name: "X", value: "x")])
        headers.remove("x")
        #expect(headers.count == 1 && !headers.contains("X"))
        #expect(HTTPHeaders([HTTPHeader(name: "Connection", value: "Upgrade, CLOSE")]).hasToken("close", in: "connection"))
    }

    @Test("a response is written with Content-Length and Connection; fields that could split it are left out")
    func serialization() {
        var response = HTTPResponse.html("<p>é</p>", status: .notFound)
        response.headers.add("X-Bad", "a\r\nSet-Cookie: evil=1")
        response.headers.add("Bad Name", "v")
        response.headers.add("Content-Length", "999")
        response.headers.add("X-Good", "ok")
        let text = String(decoding: response.serialized(keepAlive: true), as: UTF8.self)
        #expect(text == "HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nX-Good: ok\r\nContent-Length: 9\r\nConnection: keep-alive\r\n\r\n<p>é</p>")
        let head = String(decoding: HTTPResponse.text("abc").serialized(keepAlive: false, headOnly: true), as: UTF8.self)
        #expect(head.hasSuffix("Content-Length: 3\r\nConnection: close\r\n\r\n"))
        let empty = HTTPResponse(status: .noContent, body: Array("ignored".utf8)).serialized(keepAlive: true)
        #expect(String(decoding: empty, as: UTF8.self) == "HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n")
        let redirect = HTTPResponse.redirect(to: "/offertes/1")
        #expect(redirect.status == .seeOther && redirect.headers["location"] == "/offertes/1")
    }

    @Test("a request built by hand decodes its target like a received one, and refuses what the parser refuses")
    func handMade() throws {
        let request = try #require(HTTPRequest(method: .get, target: "/gemeenten/midden-drenthe?jaar=2026"))
        #expect(request.pathSegments == ["gemeenten", "midden-drenthe"] && request.queryValue("jaar") == "2026")
        #expect(HTTPRequest(method: .get, target: "/../etc/passwd") == nil)
        #expect(HTTPRequest(method: .get, target: "relative") == nil)
        #expect(HTTPRequest(method: .get, target: "/")?.pathSegments == [])
    }
}
