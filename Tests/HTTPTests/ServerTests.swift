#if canImport(Glibc)
import Glibc
#endif
@testable import HTTP
import Synchronization
import Testing

@Suite("HTTP server over real sockets", .serialized)
struct ServerTests {
    @Test("binds a free loopback port, answers a GET, keeps the connection for a second request, closes on Connection: close")
    func keepAlive() throws {
        let server = try startServer()
        defer { server.stop() }
        #expect(server.port != 0)
        let client = try #require(RawClient(port: server.port))
        client.send(get("/een"))
        let first = try #require(client.readResponse())
        #expect(first.status == 200 && first.body == "GET /een " && first.header("Connection") == "keep-alive")
        #expect(first.header("Content-Type") == "text/plain; charset=utf-8")
        client.send("POST /twee HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd")
        let second = try #require(client.readResponse())
        #expect(second.status == 200 && second.body == "POST /twee abcd" && second.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test("pipelined requests are answered in order; HEAD has no body; HTTP/1.0 closes by default")
    func pipelinedHeadAndOldVersion() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try #require(RawClient(port: server.port))
        client.send(get("/a") + "HEAD /b HTTP/1.1\r\nHost: h\r\n\r\n" + "GET /c HTTP/1.0\r\n\r\n")
        #expect(client.readResponse()?.body == "GET /a ")
        let head = try #require(client.readResponse(headOnly: true))
        #expect(head.status == 200 && head.header("Content-Length") == "\("HEAD /b ".utf8.count)")
        let old = try #require(client.readResponse())
        #expect(old.body == "GET /c " && old.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent, then the answer")
    func expectContinue() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try #require(RawClient(port: server.port))
        client.send("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
        #expect(client.readResponse()?.status == 100)
        client.send("abc")
        #expect(client.readResponse()?.body == "POST /upload abc")
    }

    @Test("16 clients at once: all held open together, the handler runs for 8 of them at the same time")
    func concurrentClients() throws {
        let inside = Mutex(0)
        let most = Mutex(0)
        let server = try startServer(HTTPServer.Configuration(maxConnections: 32)) { request in
            inside.withLock { $0 += 1 }
            let now = inside.withLock { $0 }
            most.withLock { $0 = max($0, now) }
            _ = eventually(seconds: 10) { most.withLock { $0 } >= 8 }
            inside.withLock { $0 -= 1 }
            return echo(request)
        }
        defer { server.stop() }
        let clients = try (0..<16).map { _ in try #require(RawClient(port: server.port)) }
        for (index, client) in clients.enumerated() { client.send("GET /\(index) HTTP/1.1\r\nHost: h\r\n") }
        for client in clients.reversed() { client.send("\r\n") }
        for (index, client) in clients.enumerated() {
            #expect(client.readResponse()?.body == "GET /\(index) ")
        }
        #expect(most.withLock { $0 } >= 8)
    }

    @Test("a slow client gets 408 and is closed while another client is served; a silent one too")
    func slowClient() throws {
        let server = try startServer(HTTPServer.Configuration(requestTimeoutMilliseconds: 500))
        defer { server.stop() }
        let slow = try #require(RawClient(port: server.port))
        let silent = try #require(RawClient(port: server.port))
        slow.send("GET / HTTP/1.1\r\nHo")
        let fast = try #require(RawClient(port: server.port))
        fast.send(get("/snel"))
        #expect(fast.readResponse()?.body == "GET /snel ")
        for _ in 0..<3 {
            pause(milliseconds: 100)
            slow.send("s")
        }
        let timedOut = try #require(slow.readResponse())
        #expect(timedOut.status == 408 && timedOut.header("Connection") == "close")
        #expect(slow.isClosedByServer())
        #expect(silent.readResponse()?.status == 408)
    }

    @Test("an idle keep-alive connection is closed without an answer when its time is up")
    func idleKeepAlive() throws {
        let server = try startServer(HTTPServer.Configuration(requestTimeoutMilliseconds: 300))
        defer { server.stop() }
        let client = try #require(RawClient(port: server.port))
        client.send(get())
        #expect(client.readResponse()?.status == 200)
        #expect(client.readUntilClosed().isEmpty)
    }

    @Test("refusals over the socket: 413 for a large body, 431, 400; each then closed; the server goes on")
    func refusals() throws {
        let server = try startServer(HTTPServer.Configuration(limits: HTTPParser.Limits(bodyLimit: 100)))
        defer { server.stop() }
        let cases: [(String, Int)] = [
            ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n" + String(repeating: "x", count: 101), 413),
            ("GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "X: y\r\n", count: 101) + "\r\n", 431),
            ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400),
            ("GET /" + String(repeating: "a", count: 10000) + " HTTP/1.1\r\n\r\n", 414),
        ]
        for (request, status) in cases {
            let client = try #require(RawClient(port: server.port))
            client.send(request)
            let response = try #require(client.readResponse())
            #expect(response.status == status && response.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
        let client = try #require(RawClient(port: server.port))
        client.send(get())
        #expect(client.readResponse()?.status == 200)
    }

    @Test("beyond the maximum number of connections: 503, and the others still served")
    func maximum() throws {
        let server = try startServer(HTTPServer.Configuration(maxConnections: 2))
        defer { server.stop() }
        let first = try #require(RawClient(port: server.port))
        let second = try #require(RawClient(port: server.port))
        first.send(get("/1"))
        second.send(get("/2"))
        #expect(first.readResponse()?.status == 200)
        #expect(second.readResponse()?.status == 200)
        let third = try #require(RawClient(port: server.port))
        #expect(third.readResponse()?.status == 503)
        first.send(get("/1"))
        #expect(first.readResponse()?.status == 200)
    }

    @Test("32 keep-alive connections at once, 50 requests each in turns: 1 600 answers, each to its own request")
    func manyRequests() throws {
        let server = try startServer()
        defer { server.stop() }
        let clients = try (0..<32).map { _ in try #require(RawClient(port: server.port)) }
        var answered = 0
        for round in 0..<50 {
            for (index, client) in clients.enumerated() { client.send(get("/\(index)/\(round)")) }
            for (index, client) in clients.enumerated() where client.readResponse()?.body == "GET /\(index)/\(round) " { answered += 1 }
        }
        #expect(answered == 1600)
    }

    @Test("a port in use is an error naming it; a second start is refused; a host that is not IPv4 is refused")
    func startErrors() throws {
        let server = try startServer()
        defer { server.stop() }
        let second = HTTPServer(configuration: HTTPServer.Configuration(port: server.port), handler: echo)
        let inUse = #expect(throws: HTTPServerError.self) { try second.start() }
        #expect(inUse?.description.contains(String(server.port)) == true, "the error names the port: \(String(describing: inUse))")
        #expect(throws: HTTPServerError.self) { try server.start() }
        let named = HTTPServer(configuration: HTTPServer.Configuration(host: "localhost", port: 0), handler: echo)
        #expect(throws: HTTPServerError.self) { try named.start() }
    }

    @Test("stop() lets the request in flight finish, closes idle connections, and then nothing connects")
    func gracefulStop() throws {
        let entered = Mutex(false)
        let running = Mutex<HTTPServer?>(nil)
        let server = try startServer { request in
            entered.withLock { $0 = true }
            #expect(eventually { running.withLock { $0?.isStopping } == true })
            pause(milliseconds: 100)
            return echo(request)
        }
        running.withLock { $0 = server }
        let idle = try #require(RawClient(port: server.port))
        let busy = try #require(RawClient(port: server.port))
        busy.send(get("/bezig"))
        #expect(eventually { entered.withLock { $0 } })
        // stop() runs on a thread of its own: a task could wait behind tests that block the
        // cooperative pool, and the handler above waits for stop() to begin.
        let stopped = Mutex(false)
        #expect(Sockets.spawnThread { server.stop(); stopped.withLock { $0 = true } })
        let response = try #require(busy.readResponse())
        #expect(response.status == 200 && response.body == "GET /bezig " && response.header("Connection") == "close")
        #expect(eventually { stopped.withLock { $0 } })
        #expect(idle.readUntilClosed().isEmpty)
        #expect(RawClient(port: server.port) == nil)
    }
}
