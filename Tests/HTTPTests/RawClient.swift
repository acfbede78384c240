#if canImport(Glibc)
import Glibc
#endif
import HTTP
import Synchronization
import Testing

/// A response as the test client read it off the socket.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    /// The first value of the header `name` (any case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// A blocking TCP client of our own, written with Glibc, reading with a generous 15-second timeout.
final class RawClient {
    let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; nil when the connection is refused.
    init?(port: UInt16) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Sends all of `bytes`; false when the server has gone.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Says no more will be sent.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Whether the last read saw the server close the connection (rather than time out).
    private(set) var closedByServer = false

    /// Reads more bytes into `pending`; false at the end or on a timeout.
    private func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count == 0 { closedByServer = true }
        guard count > 0 else { return false }
        pending += buffer[0..<count]
        return true
    }

    /// The next response (head and Content-Length body); nil when the connection ends first.
    func readResponse(headOnly: Bool = false) -> RawResponse? {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = (0..<max(0, pending.count - 3)).first { pending[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }.map { $0 + 4 }
            if headEnd == nil && !fill() { return nil }
        }
        let lines = String(decoding: pending[0..<headEnd!], as: UTF8.self).split(separator: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        let length = headOnly ? 0 : Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
        while pending.count < headEnd! + length { guard fill() else { return nil } }
        let body = String(decoding: pending[headEnd!..<headEnd! + length], as: UTF8.self)
        pending.removeFirst(headEnd! + length)
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (a read sees the end, not a timeout or more data).
    func isClosedByServer() -> Bool {
        guard pending.isEmpty else { return false }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) == 0
    }

    /// Everything until the server closes; a read that times out instead is a failed expectation,
    /// so "the server closed it" is what a caller checks, never merely "nothing more came".
    func readUntilClosed(sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
        while fill() {}
        #expect(closedByServer, "the server did not close the connection (the read timed out)", sourceLocation: sourceLocation)
        defer { pending = [] }
        return pending
    }
}

/// A server on a free loopback port answering `METHOD path body` as text, started for a test.
func startServer(_ configuration: HTTPServer.Configuration = HTTPServer.Configuration(port: 0),
                 handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = echo) throws -> HTTPServer {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    return server
}

/// The echoing handler: `METHOD path body`.
@Sendable func echo(_ request: HTTPRequest) -> HTTPResponse {
    .text("\(request.method.rawValue) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
}

/// Sleeps `milliseconds`.
func pause(milliseconds: Int) {
    var time = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    nanosleep(&time, nil)
}

/// Waits (polling, at most `seconds`) until `condition` holds; whether it did.
func eventually(seconds: Int = 15, _ condition: () -> Bool) -> Bool {
    for _ in 0..<(seconds * 100) {
        if condition() { return true }
        pause(milliseconds: 10)
    }
    return condition()
}

/// A request for `path` with a Host header, and any extra header lines.
func get(_ path: String = "/", _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: localhost\r\n\(extra)\r\n"
}
