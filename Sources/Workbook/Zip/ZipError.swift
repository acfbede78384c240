/// Why a ZIP archive cannot be written: a bad entry name, or more than the classic (ZIP32)
/// format can describe. ZIP64 is never written, so the archive opens in every reader.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is empty, absolute, contains a backslash, a NUL or a `..` part, or is longer than 65 535 bytes.
    case invalidName(String)
    /// Two entries have the same name.
    case duplicateName(String)
    /// More entries than the 65 534 a ZIP32 end record may count.
    case tooManyEntries(Int)
    /// An entry of 4 GiB or more, which needs ZIP64.
    case entryTooLarge(name: String, size: Int)
    /// An entry or the central directory would start at 4 GiB or later, which needs ZIP64.
    case archiveTooLarge(size: Int)

    /// A plain English explanation.
    public var description: String {
        switch self {
        case .invalidName(let name):
            "\"\(name)\" is not a valid ZIP entry name: it must be a relative path of 1 to 65535 bytes without backslashes, NUL or \"..\""
        case .duplicateName(let name):
            "the ZIP archive already has an entry \"\(name)\""
        case .tooManyEntries(let count):
            "\(count) entries are more than the \(ZipLimits.maximumEntries) a ZIP archive without ZIP64 can hold"
        case .entryTooLarge(let name, let size):
            "the entry \"\(name)\" has \(size) bytes, more than the \(ZipLimits.maximumSize) a ZIP archive without ZIP64 can hold"
        case .archiveTooLarge(let size):
            "the archive would reach \(size) bytes, more than the \(ZipLimits.maximumSize) a ZIP archive without ZIP64 can address"
        }
    }
}

/// The limits of the classic ZIP format. The all-ones values mean "see the ZIP64 record", so they
/// are excluded too.
enum ZipLimits {
    /// The most entries an end record can count.
    static let maximumEntries = 0xFFFE
    /// The largest size or offset a 32-bit field can hold.
    static let maximumSize = 0xFFFF_FFFE
    /// The longest name a 16-bit length field can describe.
    static let maximumNameLength = 0xFFFF
}
