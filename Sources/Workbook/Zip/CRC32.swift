/// The CRC-32 checksum of ZIP, PNG and Ethernet (IEEE 802.3: reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF), computed a byte at a time from a 256-entry table.
public struct CRC32: Sendable, Hashable {
    /// The checksum of the bytes added so far; 0 before any byte.
    public private(set) var value: UInt32 = 0

    /// A checksum of no bytes, ready for `update(with:)`.
    public init() {}

    /// The checksum of `bytes` in one call.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(with: bytes)
        return crc.value
    }

    /// Adds bytes to the checksum, so a long input may be fed in pieces.
    public mutating func update(with bytes: some Sequence<UInt8>) {
        var register = ~value
        for byte in bytes {
            register = CRC32.table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
        }
        value = ~register
    }

    /// The remainder of each byte value, shifted through the polynomial eight times.
    static let table: [UInt32] = (0..<256).map { index in
        var entry = UInt32(index)
        for _ in 0..<8 {
            entry = entry & 1 == 1 ? 0xEDB8_8320 ^ (entry >> 1) : entry >> 1
        }
        return entry
    }
}
