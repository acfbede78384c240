import HTTP
import Testing

/// A small deterministic generator (SplitMix64), so a failing case can be found again by its number.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Malformed requests made from valid ones. The first kinds are broken for sure (the parser must
/// refuse them); the random ones may happen to stay valid or incomplete.
enum RequestFuzzer {
    static let seeds: [String] = [
        "GET /catalogus?jaar=2026 HTTP/1.1\r\nHost: localhost:8080\r\nAccept: text/html\r\nCookie: s=1\r\n\r\n",
        "POST /offertes/1/regels HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 19\r\n\r\nservice=dbos-po&n=2",
        "HEAD / HTTP/1.0\r\n\r\n",
    ]

    /// Every status the parser may refuse a request with.
    static let refusals: Set<Int> = [400, 408, 411, 413, 414, 431, 501, 505]

    /// Case `number`: its bytes and whether it is surely malformed.
    static func make(_ number: Int) -> (bytes: [UInt8], surelyBroken: Bool) {
        var random = SplitMix(state: UInt64(number) &* 7919)
        var bytes = Array(seeds[(number / 12) % seeds.count].utf8)
        let headEnd = (bytes.firstRange(of: Array("\r\n\r\n".utf8))?.lowerBound ?? 4)
        let inHead = { (random: inout SplitMix) in Int.random(in: 1..<headEnd, using: &random) }
        switch number % 12 {
        case 0: bytes.insert(0x0D, at: inHead(&random)); return (bytes, true)
        case 1: bytes.insert(UInt8.random(in: 0...8, using: &random), at: inHead(&random)); return (bytes, true)
        case 2: bytes.insert(contentsOf: Array("\r\n folded".utf8), at: headEnd); return (bytes, true)
        case 3: bytes.insert(contentsOf: Array("\r\nContent-Length: 7\r\nContent-Length: 8".utf8), at: headEnd); return (bytes, true)
        case 4: bytes.insert(contentsOf: Array("\r\nTransfer-Encoding: chunked".utf8), at: headEnd); return (bytes, true)
        case 5: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "a"), count: Int.random(in: 8200...20000, using: &random)), at: 5)
            return (bytes, true)
        case 6: bytes.insert(contentsOf: (0...Int.random(in: 100...300, using: &random)).flatMap { Array("\r\nX-\($0): v".utf8) }, at: headEnd)
            return (bytes, true)
        case 7: bytes.insert(contentsOf: Array("\r\nContent-Length: \(Int.random(in: 4097...Int.max, using: &random))".utf8), at: headEnd)
            return (bytes, true)
        default: return (randomMutation(bytes, &random), false)
        }
    }

    /// One to eight random changes: flipped, inserted, deleted or duplicated bytes, random garbage.
    static func randomMutation(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let at = Int.random(in: 0...max(0, bytes.count - 1), using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &random)))
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 40)], at: at)
            case 4: bytes.insert(contentsOf: (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            default: bytes.insert(contentsOf: Array([" ", "\r", "\n", ":", "%", "\t", "\r\n", "\r\n\r\n"].randomElement(using: &random)!.utf8), at: at)
            }
        }
        return bytes
    }
}

@Suite("HTTP fuzz: malformed requests")
struct HTTPFuzzTests {
    @Test("20 000 malformed requests to the parser, whole and in random pieces: no crash, only the refusal statuses")
    func parserFuzz() {
        var counts: [String: Int] = [:]
        for number in 0..<20_000 {
            let (bytes, surelyBroken) = RequestFuzzer.make(number)
            var parser = HTTPParser(limits: HTTPParser.Limits(bodyLimit: 4096))
            var random = SplitMix(state: UInt64(number))
            var offset = 0
            var outcome = HTTPParser.Outcome.incomplete
            feeding: while offset < bytes.count {
                let piece = number % 2 == 0 ? bytes.count : Int.random(in: 1...64, using: &random)
                parser.append(bytes[offset..<min(bytes.count, offset + piece)])
                offset += piece
                while true {
                    outcome = parser.next()
                    guard case .request = outcome else { break }
                }
                if case .refused = outcome { break feeding }
            }
            switch outcome {
            case .refused(let status):
                #expect(RequestFuzzer.refusals.contains(status.code), "case \(number): \(status)")
                counts["\(status.code)", default: 0] += 1
            case .incomplete, .request:
                #expect(!surelyBroken, "case \(number) was not refused: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                counts["accepted or incomplete", default: 0] += 1
            }
        }
        print("HTTP parser fuzz, 20 000 cases: \(counts.sorted { $0.key < $1.key })")
    }

    @Test("400 malformed requests over real sockets: answered with a refusal status or closed, and a good request still works")
    func socketFuzz() throws {
        let server = try startServer(HTTPServer.Configuration(requestTimeoutMilliseconds: 2000, limits: HTTPParser.Limits(bodyLimit: 4096)))
        defer { server.stop() }
        var counts: [String: Int] = [:]
        for number in 0..<400 {
            let (bytes, surelyBroken) = RequestFuzzer.make(number * 37 + 1)
            let client = try #require(RawClient(port: server.port), "case \(number): the server stopped accepting")
            client.send(bytes)
            client.finishSending()
            let answer = String(decoding: client.readUntilClosed(), as: UTF8.self)
            let statuses = answer.split(separator: "\r\n").filter { $0.hasPrefix("HTTP/1.1 ") }.compactMap { Int($0.dropFirst(9).prefix(3)) }
            let last = statuses.last.map(String.init) ?? "closed without an answer"
            counts[last, default: 0] += 1
            if let final = statuses.last, final != 200 { #expect(RequestFuzzer.refusals.contains(final), "case \(number): \(final)") }
            if surelyBroken { #expect(statuses.last.map { RequestFuzzer.refusals.contains($0) } == true, "case \(number): \(last)") }
        }
        let client = try #require(RawClient(port: server.port))
        client.send(get("/na-de-fuzz"))
        #expect(client.readResponse()?.body == "GET /na-de-fuzz ")
        print("HTTP socket fuzz, 400 cases: \(counts.sorted { $0.key < $1.key })")
    }
}

extension HTTPFuzzTests {
    @Test("40 requests cut short and left open at once: each gets 408 and is closed; a good request still works")
    func truncatedFuzz() throws {
        let server = try startServer(HTTPServer.Configuration(requestTimeoutMilliseconds: 300))
        defer { server.stop() }
        var random = SplitMix(state: 14)
        let clients = try (0..<40).map { number in
            let seed = Array(RequestFuzzer.seeds[number % RequestFuzzer.seeds.count].utf8)
            let client = try #require(RawClient(port: server.port))
            client.send(Array(seed[0..<Int.random(in: 1..<(seed.count - 1), using: &random)]))
            return client
        }
        for client in clients {
            let answer = String(decoding: client.readUntilClosed(), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(answer.debugDescription)")
        }
        let client = try #require(RawClient(port: server.port))
        client.send(get("/daarna"))
        #expect(client.readResponse()?.body == "GET /daarna ")
    }
}
