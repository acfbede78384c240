import Testing
@testable import Workbook

@Suite("CRC-32 gives the IEEE checksums")
struct CRC32Tests {
    @Test(
        "Known vectors",
        arguments: [
            ("", 0x0000_0000), ("a", 0xE8B7_BE43), ("123456789", 0xCBF4_3926),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ] as [(String, UInt32)]
    )
    func knownVectors(text: String, checksum: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == checksum)
    }

    @Test("Feeding the bytes in pieces gives the checksum of the whole")
    func incremental() {
        var crc = CRC32()
        crc.update(with: Array("1234".utf8))
        crc.update(with: [UInt8]())
        crc.update(with: Array("56789".utf8))
        #expect(crc.value == 0xCBF4_3926)
        #expect(CRC32.table.count == 256 && CRC32.table[1] == 0x7707_3096 && CRC32.table[255] == 0x2D02_EF8D)
    }
}

@Suite("The ZIP writer stores entries that every reader opens, and refuses what ZIP32 cannot hold")
struct ZipArchiveTests {
    /// A small archive with an empty entry, a nested path and a name that is not ASCII.
    func sampleArchive() throws -> ZipArchive {
        var archive = ZipArchive()
        try archive.add(name: "mimetype", bytes: Array("hello, zip\n".utf8))
        try archive.add(name: "empty.txt", bytes: [])
        try archive.add(name: "xl/worksheets/sheet1.xml", bytes: Array(repeating: UInt8(ascii: "x"), count: 70_000))
        try archive.add(name: "Begroting €.txt", bytes: Array("€ 1.234,56".utf8))
        return archive
    }

    @Test("The layout is as the format describes: local headers, central directory, end record")
    func structure() throws {
        let bytes = try sampleArchive().bytes()
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        // The first local header: version 2.0, no flags, stored, 00:00, 1980-01-01.
        #expect(Array(bytes[4..<14]) == [20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0])
        let end = Array(bytes.suffix(22))
        #expect(Array(end.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
        #expect(end[8] == 4 && end[10] == 4)
        let expectedData = 11 + 0 + 70_000 + "€ 1.234,56".utf8.count
        let names = ["mimetype", "empty.txt", "xl/worksheets/sheet1.xml", "Begroting €.txt"].map(\.utf8.count).reduce(0, +)
        #expect(bytes.count == 4 * (30 + 46) + 2 * names + expectedData + 22)
    }

    @Test("The same entries give the same bytes")
    func deterministic() throws {
        #expect(try sampleArchive().bytes() == sampleArchive().bytes())
        #expect(try ZipArchive().bytes() == [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
    }

    @Test("unzip -t finds no errors", .enabled(if: executableOnPath("unzip") != nil, "unzip is not installed"))
    func unzipTests() throws {
        let path = try writeTemporaryFile(sampleArchive().bytes(), named: "sample.zip")
        let result = try #require(runTool(executableOnPath("unzip")!, ["-t", path]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No errors detected in compressed data"), "\(result.output)")
        #expect(result.output.contains("testing: xl/worksheets/sheet1.xml"), "\(result.output)")
    }

    @Test("Python's zipfile reads every entry back", .enabled(if: executableOnPath("python3") != nil, "python3 is not installed"))
    func pythonReadsBack() throws {
        let path = try writeTemporaryFile(sampleArchive().bytes(), named: "sample.zip")
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                for info in z.infolist():
                    print(info.filename, info.file_size, info.compress_type, info.date_time, len(z.read(info)))
            """
        let result = try #require(runTool(executableOnPath("python3")!, ["-c", script, path]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == """
            mimetype 11 0 (1980, 1, 1, 0, 0, 0) 11
            empty.txt 0 0 (1980, 1, 1, 0, 0, 0) 0
            xl/worksheets/sheet1.xml 70000 0 (1980, 1, 1, 0, 0, 0) 70000
            Begroting €.txt 12 0 (1980, 1, 1, 0, 0, 0) 12

            """)
    }

    @Test("Invalid and repeated names are refused", arguments: ["", "/etc/passwd", "a\\b", "a/../b", "..", "a//b", "nul\u{0}"])
    func invalidNames(name: String) {
        var archive = ZipArchive()
        #expect(throws: ZipError.invalidName(name)) { try archive.add(name: name, bytes: []) }
        #expect(archive.entries.isEmpty)
    }

    @Test("A repeated name is refused")
    func duplicateName() throws {
        var archive = ZipArchive()
        try archive.add(name: "a.xml", bytes: [1])
        #expect(throws: ZipError.duplicateName("a.xml")) { try archive.add(name: "a.xml", bytes: [2]) }
        #expect(archive.entries.count == 1)
    }

    @Test("More entries than ZIP32 can count are refused, with an error rather than a trap")
    func tooManyEntries() throws {
        var archive = ZipArchive()
        for index in 0..<ZipLimits.maximumEntries { try archive.add(name: "\(index)", bytes: []) }
        #expect(throws: ZipError.tooManyEntries(65_535)) { try archive.add(name: "last", bytes: []) }
        #expect(try archive.bytes().count > 65_534 * 76)
    }

    @Test("Sizes and offsets of 4 GiB and more are refused")
    func sizeLimits() throws {
        let limit = 0xFFFF_FFFE
        let fits = try ZipArchive.layout([(nameLength: 1, size: limit - 31 - 47 - 22)])
        #expect(fits == ArchiveLayout(centralDirectoryOffset: limit - 47 - 22, centralDirectorySize: 47, totalSize: limit))
        // An entry starting beyond 4 GiB, and a central directory starting there.
        #expect(throws: ZipError.archiveTooLarge(size: limit + 31)) {
            try ZipArchive.layout([(nameLength: 1, size: limit), (nameLength: 1, size: 0)])
        }
        #expect(throws: ZipError.archiveTooLarge(size: 0x1_0000_0000 + 47 + 22)) {
            try ZipArchive.layout([(nameLength: 1, size: 0x1_0000_0000 - 31)])
        }
        #expect(throws: ZipError.tooManyEntries(65_535)) {
            try ZipArchive.layout(Array(repeating: (nameLength: 1, size: 0), count: 65_535))
        }
    }

    @Test("Errors explain themselves")
    func descriptions() {
        #expect(ZipError.tooManyEntries(70_000).description.contains("65534"))
        #expect(ZipError.entryTooLarge(name: "big", size: 5_000_000_000).description.contains("\"big\""))
    }
}
