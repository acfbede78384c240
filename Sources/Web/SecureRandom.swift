#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random bytes from the kernel's cryptographic generator (`/dev/urandom`), for salts, session
/// ids, CSRF tokens and nonces. Swift's `SystemRandomNumberGenerator` would do as well; reading
/// the device directly makes the source plain and refuses to go on when it cannot be read.
public enum SecureRandom {
    /// `count` random bytes. Stops the program when the kernel's generator cannot be read: a
    /// server that cannot make unguessable secrets must not answer.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0)
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { fatalError("cannot open /dev/urandom") }
        defer { close(descriptor) }
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { fatalError("cannot read /dev/urandom") }
            filled += got
        }
        return bytes
    }

    /// A fresh unguessable token: 32 random bytes as unpadded base64url (43 characters), for
    /// session ids and nonces.
    public static func token(byteCount: Int = 32) -> String {
        Bytes.base64URL(bytes(byteCount))
    }
}
