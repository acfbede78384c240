#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// An HTTP/1.1 server over POSIX sockets: one thread per connection up to a maximum, keep-alive,
/// the limits of `HTTPParser`, and a time limit per request (a client that has not sent a whole
/// request within it gets 408 and is closed; an idle keep-alive connection is closed silently).
/// Started once with `start()`, stopped once with `stop()`.
public final class HTTPServer: Sendable {
    /// Where to listen and how much to allow.
    public struct Configuration: Sendable {
        /// The IPv4 address to bind; loopback by default.
        public var host: String
        /// The port; 0 lets the system choose a free one (read it from `port` after `start()`).
        public var port: UInt16
        /// Connections served at once; one more is answered 503 and closed.
        public var maxConnections: Int
        /// Time a client has to send a whole request (and to take an answer), in milliseconds;
        /// also how long an idle keep-alive connection stays open.
        public var requestTimeoutMilliseconds: Int
        /// The request limits.
        public var limits: HTTPParser.Limits

        /// 127.0.0.1:8080, 64 connections, 10 seconds per request, the parser's default limits.
        public init(host: String = "127.0.0.1", port: UInt16 = 8080, maxConnections: Int = 64,
                    requestTimeoutMilliseconds: Int = 10_000, limits: HTTPParser.Limits = HTTPParser.Limits()) {
            self.host = host
            self.port = port
            self.maxConnections = maxConnections
            self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
            self.limits = limits
        }
    }

    /// What the threads share.
    private struct State {
        var listener: Int32 = -1
        var wakeRead: Int32 = -1
        var wakeWrite: Int32 = -1
        var port: UInt16 = 0
        var started = false
        var stopping = false
        var accepting = false
        var connections = 0
    }

    /// The configuration it was made with.
    public let configuration: Configuration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let state = Mutex(State())

    /// A server that answers every request with `handler` (called on the connection's thread,
    /// possibly on several threads at once).
    public init(configuration: Configuration = Configuration(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The port it listens on (the chosen one when configured with 0); 0 before `start()`.
    public var port: UInt16 { state.withLock { $0.port } }

    /// Binds, listens and starts accepting on a thread of its own; returns at once.
    public func start() throws(HTTPServerError) {
        guard !state.withLock({ $0.started }) else { throw HTTPServerError("the server was already started") }
        let (listener, port) = try Sockets.listen(host: configuration.host, port: configuration.port, backlog: 128)
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            close(listener)
            throw HTTPServerError("pipe: " + Sockets.lastError())
        }
        for descriptor in pipeEnds { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
        state.withLock { state in
            (state.listener, state.port, state.wakeRead, state.wakeWrite) = (listener, port, wakeRead, wakeWrite)
            (state.started, state.accepting) = (true, true)
        }
        guard Sockets.spawnThread({ self.acceptLoop(listener: listener, wake: wakeRead) }) else {
            state.withLock { $0.accepting = false }
            stop()
            throw HTTPServerError("could not start the accepting thread")
        }
    }

    /// Stops accepting, lets every request in flight finish (each connection closes after its
    /// current answer; idle ones close at once), and returns when all connections are closed.
    public func stop() {
        let wake: Int32? = state.withLock { state in
            guard state.started, !state.stopping else { return nil }
            state.stopping = true
            return state.wakeWrite
        }
        guard let wake else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(wake, &byte, 1)
        while state.withLock({ $0.accepting || $0.connections > 0 }) {
            var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
            nanosleep(&pause, nil)
        }
        state.withLock { state in
            for descriptor in [state.listener, state.wakeRead, state.wakeWrite] where descriptor >= 0 { close(descriptor) }
            (state.listener, state.wakeRead, state.wakeWrite) = (-1, -1, -1)
        }
    }

    /// Whether `stop()` has been called (a handler may finish early; answers then close their connection).
    public var isStopping: Bool { state.withLock { $0.stopping } }

    /// Accepts connections until `stop()` writes to the wake pipe.
    private func acceptLoop(listener: Int32, wake: Int32) {
        while Sockets.wait(for: listener, wake: wake, milliseconds: -1) == .readable {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EMFILE || errno == ENFILE {
                    var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
                    nanosleep(&pause, nil)
                }
                continue
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            admit(client)
        }
        state.withLock { $0.accepting = false }
    }

    /// Serves `client` on a thread of its own, or answers 503 when the maximum is reached.
    private func admit(_ client: Int32) {
        Sockets.configure(client, sendTimeoutMilliseconds: configuration.requestTimeoutMilliseconds)
        let admitted = state.withLock { state in
            guard state.connections < configuration.maxConnections else { return false }
            state.connections += 1
            return true
        }
        guard admitted else {
            var busy = HTTPResponse.refusal(.serviceUnavailable)
            busy.headers.add("Retry-After", "1")
            _ = Sockets.write(client, busy.serialized(keepAlive: false))
            Sockets.lingeringClose(client)
            return
        }
        let wake = state.withLock { $0.wakeRead }
        let started = Sockets.spawnThread {
            self.serve(client, wake: wake)
            self.state.withLock { $0.connections -= 1 }
        }
        if !started {
            close(client)
            state.withLock { $0.connections -= 1 }
        }
    }
}

extension HTTPServer {
    /// Reads requests from `client` and answers them until the client closes, a request asks to
    /// close, a request is refused, the time runs out or the server stops; then closes `client`.
    private func serve(_ client: Int32, wake: Int32) {
        var parser = HTTPParser(limits: configuration.limits)
        var buffer = [UInt8](repeating: 0, count: 16384)
        var deadline = Sockets.now() + configuration.requestTimeoutMilliseconds
        var watchedWake = wake
        var served = 0
        while true {
            switch parser.next() {
            case .request(let request):
                let response = handler(request)
                let keepAlive = request.keepAlive && !isStopping
                guard Sockets.write(client, response.serialized(keepAlive: keepAlive, headOnly: request.method == .head)), keepAlive else {
                    return Sockets.lingeringClose(client)
                }
                served += 1
                deadline = Sockets.now() + configuration.requestTimeoutMilliseconds
            case .refused(let status):
                _ = Sockets.write(client, HTTPResponse.refusal(status).serialized(keepAlive: false))
                return Sockets.lingeringClose(client)
            case .incomplete:
                if parser.isIdle && isStopping { return Sockets.lingeringClose(client) }
                if parser.awaitsContinue {
                    _ = Sockets.write(client, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                    parser.continueSent()
                }
                switch Sockets.wait(for: client, wake: watchedWake, milliseconds: max(0, deadline - Sockets.now())) {
                case .woken:
                    watchedWake = -1
                case .timedOut:
                    if !(parser.isIdle && served > 0) {
                        _ = Sockets.write(client, HTTPResponse.refusal(.requestTimeout).serialized(keepAlive: false))
                    }
                    return Sockets.lingeringClose(client)
                case .readable:
                    let count = Sockets.read(client, into: &buffer)
                    guard count > 0 else { return Sockets.lingeringClose(client) }
                    parser.append(buffer[0..<count])
                }
            }
        }
    }
}
