#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The POSIX calls the server makes, each retried on EINTR, none raising SIGPIPE.
enum Sockets {
    /// How a wait for input ended.
    enum Wait {
        case readable, woken, timedOut
    }

    /// A listening IPv4 TCP socket bound to `host`:`port` (SO_REUSEADDR; non-blocking, so an
    /// accept after a vanished connection cannot hang the accepting thread), and the port it got.
    static func listen(host: String, port: UInt16, backlog: Int32) throws(HTTPServerError) -> (Int32, UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw HTTPServerError("\(host) is not an IPv4 address") }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw HTTPServerError("socket: " + lastError()) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(descriptor, backlog) == 0 else {
            let message = "\(host):\(port): " + lastError()
            close(descriptor)
            throw HTTPServerError(message)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `descriptor` has input, `wake` (when not -1) is readable, or `milliseconds` pass
    /// (-1: no limit).
    static func wait(for descriptor: Int32, wake: Int32, milliseconds: Int) -> Wait {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            let result = poll(&fds, wake >= 0 ? 2 : 1, Int32(clamping: milliseconds))
            if result < 0 && errno == EINTR { continue }
            if result < 0 { return .readable }
            if result == 0 { return .timedOut }
            return wake >= 0 && fds[1].revents != 0 ? .woken : .readable
        }
    }

    /// Reads what is there into `buffer`: the count, 0 at end of input, -1 on an error.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }

    /// Writes all of `bytes`; false when the peer is gone or the send timeout passed.
    static func write(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Closes a connection after a final answer without losing it: stops sending, reads and drops
    /// what the client still sends for a short while (so the kernel does not reset the connection
    /// over unread input and discard the answer), then closes.
    static func lingeringClose(_ descriptor: Int32) {
        shutdown(descriptor, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<64 {
            guard case .readable = wait(for: descriptor, wake: -1, milliseconds: 250), read(descriptor, into: &scratch) > 0 else { break }
        }
        close(descriptor)
    }

    /// A send and receive timeout of `milliseconds` on `descriptor`, and no Nagle delay.
    static func configure(_ descriptor: Int32, sendTimeoutMilliseconds milliseconds: Int) {
        var timeout = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Milliseconds of a monotonic clock.
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    /// The text of `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }

    /// Runs `body` on a new detached thread; false when none could be made.
    static func spawnThread(_ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}

/// A thread's closure, carried through pthread_create's pointer.
private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Why the server could not start.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public let description: String
    init(_ description: String) { self.description = description }
}
