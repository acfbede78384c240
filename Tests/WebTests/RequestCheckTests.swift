#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization
import Testing
import TestSupport
@testable import Web

@Suite("Host and Origin checks, safe download paths, login rate limiting")
struct RequestCheckTests {
    static let policy = OriginPolicy(allowedHosts: ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "Catalogue.Example.org"])

    @Test("Allowed hosts, in any case, with the port an entry names", arguments: [
        "localhost:8080", "LOCALHOST:8080", "localhost.:8080", "127.0.0.1:8080", "[::1]:8080", "[::1]:8080",
        "catalogue.example.org", "catalogue.example.org:443", "CATALOGUE.EXAMPLE.ORG:8443",
    ])
    func hostsAllowed(host: String) {
        #expect(RequestCheckTests.policy.hostAllowed(host))
    }

    @Test("Foreign and malformed hosts are refused (DNS rebinding, smuggling)", arguments: [
        "", "evil.example", "evil.example:8080", "localhost", "localhost:8081", "localhost:08080", "localhost:+8080",
        "localhost:", "localhost:80800", "localhost:99999", "127.0.0.1", "127.0.0.2:8080", "::1:8080", "[::1]",
        "[::1]:8081", "[::1%eth0]:8080", "[::1:8080", "user@localhost:8080", "localhost:8080/x", "localhost:8080 ",
        " localhost:8080", "localhost:8080,evil.example", "localhost\r\n:8080", "local host:8080", "localhost..:8080",
        "-localhost:8080", "catalogue.example.org.evil.example", "evil.example#catalogue.example.org",
        "[0:0:0:0:0:0:0:1]:8080", "2130706433:8080",
    ])
    func hostsRefused(host: String) {
        #expect(!RequestCheckTests.policy.hostAllowed(host))
    }

    @Test("An origin must be the host itself, over http or https")
    func origins() {
        let policy = RequestCheckTests.policy
        #expect(policy.originAllowed("http://localhost:8080", for: "localhost:8080"))
        #expect(policy.originAllowed("http://LOCALHOST:8080", for: "localhost:8080"))
        #expect(policy.originAllowed("http://[::1]:8080", for: "[::1]:8080"))
        #expect(policy.originAllowed("https://catalogue.example.org", for: "catalogue.example.org"))
        #expect(policy.originAllowed("https://catalogue.example.org:443", for: "catalogue.example.org"))
        #expect(policy.originAllowed("https://catalogue.example.org", for: "catalogue.example.org:443"))
        #expect(!policy.originAllowed("http://catalogue.example.org", for: "catalogue.example.org:443"))
        #expect(!policy.originAllowed("http://127.0.0.1:8080", for: "localhost:8080"))
        #expect(!policy.originAllowed("http://evil.example:8080", for: "localhost:8080"))
        #expect(!policy.originAllowed("http://localhost:8080", for: "evil.example:8080"))
        #expect(!policy.originAllowed("http://evil.example", for: "evil.example"))
        #expect(!policy.originAllowed("null", for: "localhost:8080"))
        #expect(!policy.originAllowed("", for: "localhost:8080"))
        #expect(!policy.originAllowed("file://localhost:8080", for: "localhost:8080"))
        #expect(!policy.originAllowed("http://localhost:8080/", for: "localhost:8080"))
        #expect(!policy.originAllowed("http://user@localhost:8080", for: "localhost:8080"))
        #expect(!policy.originAllowed("http://localhost:8081", for: "localhost:8080"))
        #expect(!policy.originAllowed("HTTP://localhost:8080", for: "localhost:8080"))
    }

    @Test("Malformed allow-list entries allow nothing")
    func malformedEntries() {
        let policy = OriginPolicy(allowedHosts: ["", "evil example", "*"])
        #expect(!policy.hostAllowed("evil"))
        #expect(!policy.hostAllowed("*"))
        // Entries that contain an allowed host inside bad syntax must not allow that host either.
        let wrapped = OriginPolicy(allowedHosts: ["localhost:8080/x", "user@localhost:8080", " localhost:8080", "localhost:8080,evil"])
        #expect(!wrapped.hostAllowed("localhost:8080"))
        #expect(OriginPolicy(allowedHosts: ["localhost:8080"]).hostAllowed("localhost:8080"), "the same host, well formed, is allowed")
    }

    /// A download folder with a file, a subfolder, links inside and out, and a secret beside it.
    static func downloadFolder() -> (root: String, outside: String) {
        let base = temporaryDirectory(prefix: "catalogue-safepath")
        let root = base + "/downloads"
        mkdir(root, 0o755)
        mkdir(root + "/2026", 0o755)
        writeFile(root + "/offer.pdf", "pdf")
        writeFile(root + "/2026/agreement.pdf", "pdf")
        writeFile(base + "/secret.txt", "secret")
        symlink("../secret.txt", root + "/leak.txt")
        symlink(base, root + "/up")
        symlink("2026/agreement.pdf", root + "/latest.pdf")
        symlink("/etc/passwd", root + "/passwd")
        return (root, base)
    }

    @Test("Files in the folder and links that stay inside are joined")
    func safeJoins() throws {
        let (root, _) = RequestCheckTests.downloadFolder()
        let real = try SafePath.join(root: root, relative: "offer.pdf")
        #expect(real.hasSuffix("/downloads/offer.pdf"))
        #expect(try SafePath.join(root: root, relative: "2026/agreement.pdf").hasSuffix("/downloads/2026/agreement.pdf"))
        #expect(try SafePath.join(root: root, relative: "latest.pdf").hasSuffix("/downloads/2026/agreement.pdf"))
        #expect(try SafePath.join(root: root + "/", relative: "offer.pdf") == real)
    }

    @Test("Traversal, absolute paths, NUL, percent-encoding, backslashes and escaping links are refused")
    func hostileJoins() {
        let (root, _) = RequestCheckTests.downloadFolder()
        let cases: [(String, SafePath.Refusal)] = [
            ("", .badSegment), ("../secret.txt", .badSegment), ("2026/../../secret.txt", .badSegment),
            ("./offer.pdf", .badSegment), ("2026//agreement.pdf", .badSegment), ("2026/", .badSegment), ("..", .badSegment),
            ("/etc/passwd", .absolute), ("offer.pdf\0.png", .forbiddenCharacter), ("%2e%2e/secret.txt", .forbiddenCharacter),
            ("%2E%2E%2Fsecret.txt", .forbiddenCharacter), ("..%2fsecret.txt", .forbiddenCharacter),
            ("%252e%252e/secret.txt", .forbiddenCharacter), ("..\\secret.txt", .forbiddenCharacter),
            ("2026\\agreement.pdf", .forbiddenCharacter), ("offer.pdf\n", .forbiddenCharacter),
            ("leak.txt", .escapesRoot), ("up/secret.txt", .escapesRoot), ("passwd", .escapesRoot), ("missing.pdf", .missing),
            ("offer.pdf/x", .missing),
        ]
        for (relative, refusal) in cases {
            #expect(throws: refusal, "\(relative)") { try SafePath.join(root: root, relative: relative) }
        }
        #expect(throws: SafePath.Refusal.badRoot) { try SafePath.join(root: "downloads", relative: "offer.pdf") }
        #expect(throws: SafePath.Refusal.badRoot) { try SafePath.join(root: root + "/nope", relative: "offer.pdf") }
    }

    @Test("Five failures per fifteen minutes, sliding; success clears; other keys unaffected")
    func rateLimit() {
        let clock = TestClock()
        var limiter = LoginRateLimiter(clock: { clock.now })
        for attempt in 0..<5 {
            #expect(limiter.allows("anna"), "attempt \(attempt + 1)")
            limiter.recordFailure("anna")
            clock.advance(10)
        }
        #expect(!limiter.allows("anna"))
        #expect(limiter.allows("bert"))
        #expect(limiter.retryAfter("anna") == 900 - 50)
        clock.advance(849)
        #expect(!limiter.allows("anna"))
        clock.advance(1)
        #expect(limiter.allows("anna"))
        #expect(limiter.retryAfter("anna") == 0)
        limiter.recordFailure("anna")
        #expect(!limiter.allows("anna"))
        limiter.recordSuccess("anna")
        #expect(limiter.allows("anna"))
        #expect(limiter.trackedKeys == 0)
    }

    @Test("A flood of names keeps the table bounded")
    func rateLimitBounded() {
        let clock = TestClock()
        var limiter = LoginRateLimiter(limit: 2, window: 60, maximumKeys: 100, clock: { clock.now })
        for index in 0..<1000 {
            limiter.recordFailure("user\(index)")
            clock.advance(0.001)
        }
        #expect(limiter.trackedKeys <= 100)
        limiter.recordFailure("user999")
        #expect(!limiter.allows("user999"))
    }
}

/// A clock the test moves by hand, in seconds.
final class TestClock: Sendable {
    private let seconds = Mutex<Double>(0)

    /// The time now.
    var now: Double { seconds.withLock { $0 } }

    /// Moves the time on.
    func advance(_ interval: Double) {
        seconds.withLock { $0 += interval }
    }
}
