/// CSRF tokens bound to a session: each token is 32 fresh random bytes followed by the
/// HMAC-SHA256, under a server secret, of the session id and those bytes, the whole as unpadded
/// base64url. A token is only good for the session it was made for, a new one can be made for
/// every form (which also hides the secret part from compression attacks such as BREACH), and
/// nothing needs to be stored besides the secret.
public struct CSRFTokens: Sendable {
    /// The random part's length in bytes.
    public static let nonceLength = 32
    /// The form field a POST carries its token in.
    public static let fieldName = "csrf_token"

    private let mac: HMACSHA256

    /// Tokens under `secret`, which must be at least 32 bytes (e.g. `SecureRandom.bytes(32)` at
    /// start-up, so a restart invalidates every token along with the sessions).
    public init(secret: [UInt8]) {
        precondition(secret.count >= 32, "a CSRF secret needs at least 32 bytes")
        mac = HMACSHA256(key: secret)
    }

    /// A new token for the session `sessionID`.
    public func token(forSession sessionID: String) -> String {
        token(forSession: sessionID, nonce: SecureRandom.bytes(CSRFTokens.nonceLength))
    }

    /// The token for `sessionID` with a given random part: for tests.
    func token(forSession sessionID: String, nonce: [UInt8]) -> String {
        Bytes.base64URL(nonce + code(sessionID: sessionID, nonce: nonce))
    }

    /// Whether `token` was made under this secret for `sessionID`; the codes are compared in
    /// constant time. An empty session id never verifies.
    public func verify(_ token: String, forSession sessionID: String) -> Bool {
        guard !sessionID.isEmpty, token.utf8.count <= 128, let bytes = Bytes.fromBase64URL(token),
              bytes.count == CSRFTokens.nonceLength + HMACSHA256.codeLength
        else { return false }
        let nonce = Array(bytes.prefix(CSRFTokens.nonceLength))
        let expected = code(sessionID: sessionID, nonce: nonce)
        return Bytes.constantTimeEqual(Array(bytes.suffix(HMACSHA256.codeLength)), expected)
    }

    /// The code over a domain label, the session id's length and bytes, and the nonce, so no
    /// two different (session, nonce) pairs give the same message.
    private func code(sessionID: String, nonce: [UInt8]) -> [UInt8] {
        let session = Array(sessionID.utf8)
        let length = (0..<4).map { UInt8(truncatingIfNeeded: session.count >> (24 - 8 * $0)) }
        return mac.authenticationCode(for: Array("catalogue-csrf-v1\0".utf8) + length + session + nonce)
    }
}
