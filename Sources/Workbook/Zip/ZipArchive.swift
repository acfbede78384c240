/// A ZIP archive written in memory: stored (uncompressed) entries in the order they were added,
/// each with its CRC-32, a central directory and an end record.
///
/// The output is deterministic: every entry carries the same DOS timestamp (1980-01-01 00:00),
/// no extra fields, no comments and no file attributes, so the same entries in the same order
/// give the same bytes on every machine. Anything beyond the classic ZIP32 limits is refused
/// with a `ZipError`; ZIP64 is never written.
public struct ZipArchive: Sendable {
    /// One file in the archive.
    public struct Entry: Sendable, Equatable {
        /// The path inside the archive, with forward slashes (`xl/workbook.xml`).
        public let name: String
        /// The file's contents, stored as they are.
        public let bytes: [UInt8]
    }

    /// The entries, in the order they are written.
    public private(set) var entries: [Entry] = []
    private var names: Set<String> = []

    /// An empty archive.
    public init() {}

    /// Adds a file; refuses an invalid or repeated name, a 4 GiB file and a 65 535th entry.
    public mutating func add(name: String, bytes: [UInt8]) throws(ZipError) {
        guard ZipArchive.isValidName(name) else { throw .invalidName(name) }
        guard !names.contains(name) else { throw .duplicateName(name) }
        guard entries.count < ZipLimits.maximumEntries else { throw .tooManyEntries(entries.count + 1) }
        guard bytes.count <= ZipLimits.maximumSize else { throw .entryTooLarge(name: name, size: bytes.count) }
        names.insert(name)
        entries.append(Entry(name: name, bytes: bytes))
    }

    /// The archive's bytes; refuses an archive whose offsets would not fit in 32 bits.
    public func bytes() throws(ZipError) -> [UInt8] {
        let layout = try ZipArchive.layout(entries.map { (nameLength: $0.name.utf8.count, size: $0.bytes.count) })
        var output: [UInt8] = []
        output.reserveCapacity(layout.totalSize)
        var records: [CentralRecord] = []
        for entry in entries {
            let record = CentralRecord(entry: entry, offset: output.count)
            record.appendLocalHeader(to: &output)
            output += entry.bytes
            records.append(record)
        }
        for record in records { record.appendCentralHeader(to: &output) }
        output.appendLittleEndian(UInt32(0x0605_4B50))  // end of central directory
        output.appendLittleEndian(UInt16(0))  // this disk
        output.appendLittleEndian(UInt16(0))  // the disk where the central directory starts
        output.appendLittleEndian(UInt16(entries.count))  // entries on this disk
        output.appendLittleEndian(UInt16(entries.count))  // entries in all
        output.appendLittleEndian(UInt32(layout.centralDirectorySize))
        output.appendLittleEndian(UInt32(layout.centralDirectoryOffset))
        output.appendLittleEndian(UInt16(0))  // comment length
        return output
    }

    /// Where the central directory goes and how large the archive is, for entries of the given
    /// name lengths and sizes; refuses any offset or size that ZIP32 cannot hold. Separate from
    /// `bytes()` so the limits can be checked without gigabytes of data.
    static func layout(_ entries: [(nameLength: Int, size: Int)]) throws(ZipError) -> ArchiveLayout {
        guard entries.count <= ZipLimits.maximumEntries else { throw .tooManyEntries(entries.count) }
        var offset = 0
        var centralDirectorySize = 0
        for entry in entries {
            guard offset <= ZipLimits.maximumSize else { throw .archiveTooLarge(size: offset) }
            offset += CentralRecord.localHeaderSize + entry.nameLength + entry.size
            centralDirectorySize += CentralRecord.centralHeaderSize + entry.nameLength
        }
        let totalSize = offset + centralDirectorySize + 22
        guard offset <= ZipLimits.maximumSize, centralDirectorySize <= ZipLimits.maximumSize else {
            throw .archiveTooLarge(size: totalSize)
        }
        return ArchiveLayout(centralDirectoryOffset: offset, centralDirectorySize: centralDirectorySize, totalSize: totalSize)
    }

    /// A relative path of 1 to 65 535 UTF-8 bytes, without backslashes, NUL, empty or `..` parts.
    static func isValidName(_ name: String) -> Bool {
        let count = name.utf8.count
        guard count > 0, count <= ZipLimits.maximumNameLength, !name.hasPrefix("/") else { return false }
        guard !name.utf8.contains(0), !name.contains("\\") else { return false }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.dropLast().contains(where: \.isEmpty) && !parts.contains("..")
    }
}

/// The positions `ZipArchive.bytes()` writes at.
struct ArchiveLayout: Equatable {
    /// Where the central directory starts: the size of all local headers and data.
    let centralDirectoryOffset: Int
    /// The size of the central directory.
    let centralDirectorySize: Int
    /// The size of the whole archive.
    let totalSize: Int
}

/// What the local header and the central directory say about one entry.
private struct CentralRecord {
    /// The fixed part of a local header, before the name.
    static let localHeaderSize = 30
    /// The fixed part of a central directory header, before the name.
    static let centralHeaderSize = 46
    /// 1980-01-01, the earliest DOS date: day 1, month 1, year 0 (from 1980).
    static let dosDate: UInt16 = (1 << 5) | 1
    /// 00:00:00.
    static let dosTime: UInt16 = 0

    /// The name's UTF-8 bytes.
    let name: [UInt8]
    /// The CRC-32 of the data.
    let crc: UInt32
    /// The data's size, stored and uncompressed alike.
    let size: UInt32
    /// Where the local header starts.
    let offset: UInt32
    /// Bit 11 says the name is UTF-8; set only when it is not plain ASCII.
    let flags: UInt16

    /// The record of an entry whose local header starts at `offset`.
    init(entry: ZipArchive.Entry, offset: Int) {
        name = Array(entry.name.utf8)
        crc = CRC32.checksum(entry.bytes)
        size = UInt32(entry.bytes.count)  // checked by `add` and `layout`
        self.offset = UInt32(offset)
        flags = name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11
    }

    /// The version, flags, method, time, date, checksum, sizes and name length both headers share.
    private func appendCommonFields(to output: inout [UInt8]) {
        output.appendLittleEndian(UInt16(20))  // version needed to extract: 2.0
        output.appendLittleEndian(flags)
        output.appendLittleEndian(UInt16(0))  // method: stored
        output.appendLittleEndian(CentralRecord.dosTime)
        output.appendLittleEndian(CentralRecord.dosDate)
        output.appendLittleEndian(crc)
        output.appendLittleEndian(size)  // compressed size
        output.appendLittleEndian(size)  // uncompressed size
        output.appendLittleEndian(UInt16(name.count))
        output.appendLittleEndian(UInt16(0))  // extra field length
    }

    /// The header in front of the entry's data.
    func appendLocalHeader(to output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(0x0403_4B50))
        appendCommonFields(to: &output)
        output += name
    }

    /// The entry's record in the central directory, which points back at its local header.
    func appendCentralHeader(to output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(0x0201_4B50))
        output.appendLittleEndian(UInt16(20))  // made by: MS-DOS (no Unix permissions), version 2.0
        appendCommonFields(to: &output)
        output.appendLittleEndian(UInt16(0))  // comment length
        output.appendLittleEndian(UInt16(0))  // disk number
        output.appendLittleEndian(UInt16(0))  // internal attributes
        output.appendLittleEndian(UInt32(0))  // external attributes
        output.appendLittleEndian(offset)
        output += name
    }
}

extension [UInt8] {
    /// Appends an integer's bytes, least significant first, as every ZIP field is stored.
    mutating func appendLittleEndian<Value: FixedWidthInteger & UnsignedInteger>(_ value: Value) {
        for shift in stride(from: 0, to: Value.bitWidth, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
