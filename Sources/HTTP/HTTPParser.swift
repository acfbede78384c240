/// An incremental HTTP/1.1 request parser: bytes go in as they arrive, complete requests or a
/// refusal come out. It never traps, whatever the bytes.
///
/// What it accepts and what it answers otherwise:
/// - the request line `METHOD SP origin-target SP HTTP/1.x CRLF`, at most `requestLineLimit`
///   bytes (longer: 414); a method that is a token but not one of `HTTPMethod` is 501, any other
///   malformed method 400; `HTTP/<digit>.<digit>` other than 1.0 and 1.1 is 505; a target that is
///   not origin form or decodes badly (see `RequestTarget`) is 400;
/// - at most `headerCountLimit` fields and `headerBlockLimit` bytes of fields (more: 431); every
///   line ends in CRLF (a bare CR or a bare LF is 400); a line starting with a space or tab
///   (obs-fold), a name that is not a token, a space before the colon, or a control character in
///   a value is 400; HTTP/1.1 needs exactly one Host (else 400);
/// - a body only by Content-Length: digits only, repeated fields or lists only with one value
///   (else 400), larger than `bodyLimit` is 413; POST, PUT and PATCH without Content-Length are
///   411; any Transfer-Encoding (chunked included) is 501, which no browser form ever needs.
/// After a refusal the connection is to be closed: the parser stays refused.
public struct HTTPParser {
    /// The limits a request must keep.
    public struct Limits: Sendable {
        /// Bytes of the request line, without its CRLF.
        public var requestLineLimit: Int
        /// Bytes of the header fields, their CRLFs and the empty line included.
        public var headerBlockLimit: Int
        /// Number of header fields.
        public var headerCountLimit: Int
        /// Bytes of a body.
        public var bodyLimit: Int

        /// 8 KiB request line, 16 KiB and 100 header fields, bodies of at most `bodyLimit` (1 MiB).
        public init(requestLineLimit: Int = 8192, headerBlockLimit: Int = 16384, headerCountLimit: Int = 100, bodyLimit: Int = 1 << 20) {
            self.requestLineLimit = requestLineLimit
            self.headerBlockLimit = headerBlockLimit
            self.headerCountLimit = headerCountLimit
            self.bodyLimit = bodyLimit
        }
    }

    /// What `next()` found.
    public enum Outcome: Sendable {
        /// More bytes are needed.
        case incomplete
        /// A whole request; the bytes after it stay for the next one.
        case request(HTTPRequest)
        /// The bytes cannot be a valid request: answer this status and close.
        case refused(HTTPStatus)
    }

    /// The limits in force.
    public let limits: Limits
    private var buffer: [UInt8] = []
    private var pendingBody: (request: HTTPRequest, length: Int)?
    private var refusal: HTTPStatus?
    /// Where the request line's LF is, once it has come.
    private var requestLineEnd: Int?
    /// Whether `100 Continue` was sent for the pending body.
    private var continueAnswered = false
    /// How much of the buffer has been searched for the end of the request line or of the head.
    private var scanned = 0

    /// A parser with `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Whether the head of a request with a body asked `Expect: 100-continue` and its body has not
    /// begun: the server then sends `100 Continue` once and calls `continueSent()`.
    public var awaitsContinue: Bool {
        guard let pendingBody, !continueAnswered, buffer.isEmpty else { return false }
        return pendingBody.request.headers.hasToken("100-continue", in: "Expect")
    }

    /// Records that `100 Continue` was sent for the pending request.
    public mutating func continueSent() { continueAnswered = true }

    /// Whether no byte of a next request has arrived yet.
    public var isIdle: Bool { buffer.isEmpty && pendingBody == nil }

    /// Adds bytes that arrived.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard refusal == nil else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, a refusal, or `.incomplete`.
    public mutating func next() -> Outcome {
        if let refusal { return .refused(refusal) }
        let outcome = pendingBody == nil ? nextHead() : nextBody()
        if case .refused(let status) = outcome {
            refusal = status
            buffer = []
            pendingBody = nil
            (requestLineEnd, scanned) = (nil, 0)
        }
        return outcome
    }

    /// Reads a request's head when it is complete, checking the limits on what has come so far.
    /// The search resumes where the last one stopped, so bytes arriving one at a time cost no more
    /// than all at once.
    private mutating func nextHead() -> Outcome {
        if requestLineEnd == nil {
            while buffer.count >= 2, buffer[0] == 0x0D, buffer[1] == 0x0A {
                buffer.removeFirst(2)
                scanned = 0
            }
            guard let lineFeed = buffer[scanned...].firstIndex(of: 0x0A) else {
                scanned = buffer.count
                return buffer.count > limits.requestLineLimit + 1 ? .refused(.uriTooLong) : .incomplete
            }
            guard lineFeed > 0, buffer[lineFeed - 1] == 0x0D else { return .refused(.badRequest) }
            requestLineEnd = lineFeed
            scanned = lineFeed + 1
        }
        let lineFeed = requestLineEnd ?? 0
        guard lineFeed <= limits.requestLineLimit + 1 else { return .refused(.uriTooLong) }
        let end: Int?
        do { end = try endOfHead(from: lineFeed + 1) } catch { return .refused(error.status) }
        guard let headEnd = end else {
            scanned = max(scanned, buffer.count)
            return buffer.count - (lineFeed + 1) > limits.headerBlockLimit ? .refused(.requestHeaderFieldsTooLarge) : .incomplete
        }
        guard headEnd - (lineFeed + 1) <= limits.headerBlockLimit else { return .refused(.requestHeaderFieldsTooLarge) }
        let head = RequestHead.parse(buffer[0..<headEnd], limits: limits)
        buffer.removeFirst(headEnd)
        (requestLineEnd, scanned) = (nil, 0)
        switch head {
        case .failure(let refusal): return .refused(refusal.status)
        case .success(let (request, length)):
            if length == 0 { return .request(request) }
            pendingBody = (request, length)
            return nextBody()
        }
    }

    /// The index just after the empty line that ends the head, searching from `start` (the start
    /// of the first header line) but not again before `scanned`, or nil when it has not arrived.
    /// A LF without its CR is refused as soon as it comes (400), not when the limit is reached.
    private func endOfHead(from start: Int) throws(Refusal) -> Int? {
        if buffer.count >= start + 2, buffer[start] == 0x0D, buffer[start + 1] == 0x0A { return start + 2 }
        var index = max(start, scanned)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                guard buffer[index - 1] == 0x0D else { throw Refusal(.badRequest) }
                if index >= start + 3, buffer[index - 2] == 0x0A, buffer[index - 3] == 0x0D { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// Completes the pending request when its whole body has arrived.
    private mutating func nextBody() -> Outcome {
        guard let (request, length) = pendingBody, buffer.count >= length else { return .incomplete }
        var complete = request
        complete.body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        pendingBody = nil
        continueAnswered = false
        return .request(complete)
    }
}

/// A refusal as an error, so the head's parsing can use `throws`.
struct Refusal: Error {
    let status: HTTPStatus
    init(_ status: HTTPStatus) { self.status = status }
}
