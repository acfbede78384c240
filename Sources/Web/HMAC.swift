import Support

/// HMAC-SHA256 (RFC 2104 with SHA-256, FIPS 198-1) over the project's own `SHA256`, checked
/// against the RFC 4231 test vectors.
///
/// The key's inner and outer pads are hashed once when the value is made; every message then
/// costs only its own blocks, which keeps PBKDF2's hundreds of thousands of rounds affordable.
public struct HMACSHA256: Sendable {
    /// SHA-256's block size in bytes.
    public static let blockSize = 64
    /// The length of an authentication code in bytes.
    public static let codeLength = 32

    private let inner: SHA256
    private let outer: SHA256

    /// Prepares the key: hashed first when longer than a block, then padded with zeros.
    public init(key: [UInt8]) {
        var block = key
        if block.count > HMACSHA256.blockSize {
            var hasher = SHA256()
            hasher.update(block)
            block = hasher.finalize()
        }
        block += [UInt8](repeating: 0, count: HMACSHA256.blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte authentication code of `message`.
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var innerHash = inner
        innerHash.update(message)
        var outerHash = outer
        outerHash.update(innerHash.finalize())
        return outerHash.finalize()
    }

    /// The 32-byte authentication code of `message` under `key`.
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        HMACSHA256(key: key).authenticationCode(for: message)
    }

    /// Whether `code` is the authentication code of `message`, compared in constant time.
    public func isValid(_ code: [UInt8], for message: [UInt8]) -> Bool {
        Bytes.constantTimeEqual(authenticationCode(for: message), code)
    }
}

/// PBKDF2 (RFC 8018 section 5.2) with HMAC-SHA256 as its pseudorandom function, checked against
/// the published PBKDF2-HMAC-SHA256 vectors.
public enum PBKDF2 {
    /// The key derived from `password` and `salt` in `iterations` rounds, `keyLength` bytes long.
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, keyLength: Int) -> [UInt8] {
        precondition(iterations >= 1, "PBKDF2 needs at least one iteration")
        precondition(keyLength >= 1, "PBKDF2 derives at least one byte")
        let prf = HMACSHA256(key: password)
        var derived: [UInt8] = []
        derived.reserveCapacity(keyLength)
        var blockIndex: UInt32 = 1
        while derived.count < keyLength {
            let indexBytes = (0..<4).map { UInt8(truncatingIfNeeded: blockIndex >> UInt32(24 - 8 * $0)) }
            var u = prf.authenticationCode(for: salt + indexBytes)
            var block = u
            for _ in 1..<iterations {
                u = prf.authenticationCode(for: u)
                for index in 0..<block.count { block[index] ^= u[index] }
            }
            derived += block.prefix(keyLength - derived.count)
            blockIndex += 1
        }
        return derived
    }
}
