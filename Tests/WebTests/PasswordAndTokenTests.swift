import Testing
@testable import Web

@Suite("Password hashes, CSRF tokens, session cookies and security headers")
struct PasswordAndTokenTests {
    static let salt: [UInt8] = Array(0..<16)

    @Test("A hash with a known salt has the stored form Python's hashlib gives, and reads back")
    func knownStoredForm() throws {
        let hash = PasswordHash(password: "correct horse battery staple", salt: PasswordAndTokenTests.salt, iterations: 1000)
        #expect(hash.encoded == "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=")
        let read = try PasswordHash(parsing: hash.encoded)
        #expect(read == hash)
        #expect(read.verify("correct horse battery staple"))
        #expect(!read.verify("correct horse battery stapl"))
        #expect(!read.verify(""))
        #expect(read.needsRehash)
        let utf8 = PasswordHash(password: "wachtwoord-ë", salt: PasswordAndTokenTests.salt, iterations: 3)
        #expect(Bytes.base64(utf8.hash) == "x1oxTuoPuVAdaPGY8zZdJqRCf9PUQugtjeNpJ6btx6g=")
    }

    /// The one test at the full iteration count (two PBKDF2 runs of 600 000 rounds; slow in a
    /// debug build): a new hash, and a stored hash made by Python's hashlib verified.
    @Test("A new hash takes the default 600 000 iterations and a fresh 16-byte salt; a stored one verifies")
    func defaultIterations() throws {
        let hash = try PasswordHash(hashing: "correct horse")
        #expect(hash.iterations == 600_000)
        #expect(hash.salt.count == 16 && hash.salt != PasswordAndTokenTests.salt)
        #expect(hash.hash.count == 32)
        #expect(hash.encoded.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(!hash.needsRehash)
        #expect(try PasswordHash(parsing: hash.encoded) == hash)
        let stored = try PasswordHash(parsing: "pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$lqWQTC4IyNpCMF28xdfPGOrSY21J9ZUmtgbyZpYoFHM=")
        #expect(stored.verify("correct horse"))
    }

    @Test("Fewer iterations than the minimum are refused for a new hash")
    func minimumIterations() {
        #expect(throws: PasswordHash.Failure.tooFewIterations(599_999)) { try PasswordHash(hashing: "x", iterations: 599_999) }
        #expect(throws: PasswordHash.Failure.tooFewIterations(0)) { try PasswordHash(hashing: "x", iterations: 0) }
    }

    @Test("Malformed stored forms are refused", arguments: [
        "", "pbkdf2-sha256", "pbkdf2-sha1$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$0$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$01000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$+1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$999999999$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$1000$AAEC$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
        "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8",
        "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=$",
        "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
    ])
    func malformed(stored: String) {
        #expect(throws: PasswordHash.Failure.malformed) { try PasswordHash(parsing: stored) }
    }

    @Test("A CSRF token verifies for its own session only, and not once altered")
    func csrfBoundToSession() {
        let tokens = CSRFTokens(secret: Array(repeating: 7, count: 32))
        let token = tokens.token(forSession: "session-A")
        #expect(token.count == 86)
        #expect(tokens.verify(token, forSession: "session-A"))
        #expect(!tokens.verify(token, forSession: "session-B"))
        #expect(!tokens.verify(token, forSession: ""))
        #expect(!CSRFTokens(secret: Array(repeating: 8, count: 32)).verify(token, forSession: "session-A"))
        #expect(tokens.token(forSession: "session-A") != token)
        var altered = Array(token.utf8)
        altered[80] = altered[80] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(!tokens.verify(String(decoding: altered, as: UTF8.self), forSession: "session-A"))
        for hostile in ["", "x", String(token.dropLast()), token + "A", token + "=", String(repeating: "A", count: 86)] {
            #expect(!tokens.verify(hostile, forSession: "session-A"))
        }
    }

    @Test("A CSRF token is the nonce and the HMAC of label, session length, session and nonce")
    func csrfKnownValue() {
        let secret = [UInt8](repeating: 7, count: 32), nonce = [UInt8](repeating: 1, count: 32)
        let tokens = CSRFTokens(secret: secret)
        let token = tokens.token(forSession: "abc", nonce: nonce)
        let message = Array("catalogue-csrf-v1\0".utf8) + [0, 0, 0, 3] + Array("abc".utf8) + nonce
        #expect(token == Bytes.base64URL(nonce + HMACSHA256.authenticationCode(for: message, key: secret)))
        #expect(tokens.verify(token, forSession: "abc"))
    }

    @Test("Session cookies: HttpOnly, SameSite=Strict, Path=/, Secure when asked; hostile values refused")
    func sessionCookies() {
        let plain = SessionCookie()
        #expect(plain.setCookie("abc_-9") == "catalogue_session=abc_-9; Path=/; HttpOnly; SameSite=Strict")
        let secure = SessionCookie(name: "sid", secure: true)
        #expect(secure.setCookie("abc", maxAge: 3600) == "sid=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure")
        #expect(secure.clearCookie() == "sid=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure")
        #expect(plain.value(inCookieHeader: "a=1; catalogue_session=tok-en_1; b=2") == "tok-en_1")
        #expect(plain.value(inCookieHeader: "catalogue_session=one; catalogue_session=two") == nil)
        #expect(plain.value(inCookieHeader: "catalogue_session=\"x\"") == nil)
        #expect(plain.value(inCookieHeader: "catalogue_session=") == nil)
        #expect(plain.value(inCookieHeader: "xcatalogue_session=abc") == nil)
        #expect(plain.value(inCookieHeader: "") == nil)
    }

    @Test("Every answer's security headers, in order")
    func securityHeaders() {
        let fields = SecurityHeaders.fields()
        let csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        #expect(fields == [
            HeaderField(name: "Content-Security-Policy", value: csp),
            HeaderField(name: "X-Content-Type-Options", value: "nosniff"),
            HeaderField(name: "Referrer-Policy", value: "no-referrer"),
            HeaderField(name: "X-Frame-Options", value: "DENY"),
            HeaderField(name: "Cross-Origin-Opener-Policy", value: "same-origin"),
            HeaderField(name: "Cross-Origin-Resource-Policy", value: "same-origin"),
            HeaderField(name: "Cache-Control", value: "no-store"),
        ])
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
        let nonce = SecureRandom.token(byteCount: 16)
        let withNonce = SecurityHeaders.fields(scriptNonce: nonce, caching: .revalidate)
        #expect(withNonce[0].value.contains("script-src 'self' 'nonce-\(nonce)'; "))
        #expect(withNonce.last == HeaderField(name: "Cache-Control", value: "no-cache"))
        #expect(SecurityHeaders.isNonce(nonce))
        #expect(!SecurityHeaders.isNonce("abcdefghijklmnop'; script-src *"))
        #expect(!SecurityHeaders.isNonce("short"))
        for field in withNonce {
            #expect(!field.value.contains("\r") && !field.value.contains("\n"))
        }
    }
}
