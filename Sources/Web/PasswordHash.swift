/// A stored password: PBKDF2-HMAC-SHA256 with a per-user random salt, written as one printable
/// line, `pbkdf2-sha256$600000$<salt, Base64>$<hash, Base64>`, for the accounts table.
///
/// New hashes take at least `minimumIterations` (OWASP's 2023 advice for PBKDF2-HMAC-SHA256); a
/// stored hash with fewer is still read and checked, and `needsRehash` says to store it anew
/// after the next successful login.
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    /// The algorithm's name in the stored form.
    public static let algorithm = "pbkdf2-sha256"
    /// The iterations of a new hash.
    public static let defaultIterations = 600_000
    /// The fewest iterations a new hash may take.
    public static let minimumIterations = 600_000
    /// The most iterations a stored hash may ask for, so a tampered row cannot stall the server.
    public static let maximumIterations = 100_000_000
    /// The length of a new salt in bytes.
    public static let saltLength = 16
    /// The length of the derived hash in bytes (one SHA-256 block of output).
    public static let hashLength = 32

    /// PBKDF2's iteration count.
    public let iterations: Int
    /// The per-user random salt.
    public let salt: [UInt8]
    /// The derived key.
    public let hash: [UInt8]

    /// Why a password hash could not be made or read.
    public enum Failure: Error, Equatable, Sendable {
        /// Fewer iterations than `minimumIterations` for a new hash.
        case tooFewIterations(Int)
        /// A stored form that is not `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
        case malformed
    }

    /// A new hash of `password` with a fresh random salt.
    public init(hashing password: String, iterations: Int = PasswordHash.defaultIterations) throws(Failure) {
        guard iterations >= PasswordHash.minimumIterations else { throw .tooFewIterations(iterations) }
        self.init(password: password, salt: SecureRandom.bytes(PasswordHash.saltLength), iterations: iterations)
    }

    /// The hash of `password` with a given salt and any iteration count: for tests with known
    /// values and small counts; the server makes hashes with `init(hashing:)`.
    public init(password: String, salt: [UInt8], iterations: Int) {
        precondition((1...PasswordHash.maximumIterations).contains(iterations), "iterations out of range")
        self.iterations = iterations
        self.salt = salt
        hash = PBKDF2.sha256(password: Array(password.utf8), salt: salt, iterations: iterations, keyLength: PasswordHash.hashLength)
    }

    /// Reads the stored form. The numbers must be plain decimal, the salt 8 to 64 bytes and the
    /// hash 32 bytes, both canonical Base64.
    public init(parsing stored: String) throws(Failure) {
        let fields = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == PasswordHash.algorithm,
              fields[1].allSatisfy({ $0.isASCII && $0.isNumber }), fields[1].count <= 9, fields[1].first != "0",
              let iterations = Int(fields[1]), (1...PasswordHash.maximumIterations).contains(iterations),
              let salt = Bytes.fromBase64(String(fields[2])), (8...64).contains(salt.count),
              let hash = Bytes.fromBase64(String(fields[3])), hash.count == PasswordHash.hashLength
        else { throw .malformed }
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// The stored form: `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
    public var encoded: String {
        "\(PasswordHash.algorithm)$\(iterations)$\(Bytes.base64(salt))$\(Bytes.base64(hash))"
    }

    /// The stored form.
    public var description: String { encoded }

    /// Whether `password` is the one this hash was made from; the hashes are compared in
    /// constant time.
    public func verify(_ password: String) -> Bool {
        let candidate = PBKDF2.sha256(password: Array(password.utf8), salt: salt, iterations: iterations, keyLength: hash.count)
        return Bytes.constantTimeEqual(candidate, hash)
    }

    /// Whether the hash takes fewer iterations than a new one would, so it should be stored anew
    /// once the password is known again.
    public var needsRehash: Bool { iterations < PasswordHash.minimumIterations }
}
