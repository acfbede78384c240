import JSON
import Testing

/// Bytes that are not valid UTF-8, with what the message must say and where it must point.
struct InvalidEncoding: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let fragment: String
    let line: Int
    let column: Int
    let path: String

    init(_ name: String, _ bytes: [UInt8], _ fragment: String, line: Int = 1, column: Int, path: String = "$") {
        self.name = name
        self.bytes = bytes
        self.fragment = fragment
        self.line = line
        self.column = column
        self.path = path
    }

    var testDescription: String { name }
}

private let quote: UInt8 = 0x22

let invalidEncodings: [InvalidEncoding] = [
    InvalidEncoding("0xFF as the whole file", [0xFF], "byte 0xFF never occurs in UTF-8", column: 1),
    InvalidEncoding("0xFE in a string", [quote, 0xFE, quote], "byte 0xFE never occurs in UTF-8", column: 2),
    InvalidEncoding("0xF5 lead byte", [quote, 0xF5, 0x80, 0x80, 0x80, quote], "byte 0xF5 never occurs in UTF-8", column: 2),
    InvalidEncoding("stray continuation byte between elements", Array("[".utf8) + [0x80] + Array("]".utf8),
                    "byte 0x80 is a continuation byte without a leading byte", column: 2, path: "[0]"),
    InvalidEncoding("continuation byte after a complete character", [quote, 0xC3, 0xA9, 0xA9, quote],
                    "byte 0xA9 is a continuation byte without a leading byte", column: 3),
    InvalidEncoding("overlong two-byte slash", [quote, 0xC0, 0xAF, quote], "byte 0xC0 starts an overlong encoding", column: 2),
    InvalidEncoding("overlong two-byte with 0xC1", [quote, 0xC1, 0xBF, quote], "byte 0xC1 starts an overlong encoding", column: 2),
    InvalidEncoding("overlong three-byte", [quote, 0xE0, 0x80, 0xAF, quote], "bytes 0xE0 0x80 start an overlong encoding", column: 2),
    InvalidEncoding("overlong four-byte", [quote, 0xF0, 0x80, 0x80, 0xAF, quote], "bytes 0xF0 0x80 start an overlong encoding", column: 2),
    InvalidEncoding("encoded high surrogate", [quote, 0xED, 0xA0, 0x80, quote], "bytes 0xED 0xA0 start an encoded UTF-16 surrogate", column: 2),
    InvalidEncoding("encoded low surrogate", [quote, 0xED, 0xBF, 0xBF, quote], "bytes 0xED 0xBF start an encoded UTF-16 surrogate", column: 2),
    InvalidEncoding("value above U+10FFFF", [quote, 0xF4, 0x90, 0x80, 0x80, quote], "bytes 0xF4 0x90 start a value above U+10FFFF", column: 2),
    InvalidEncoding("two-byte sequence cut by a quote", [quote, 0xC3, quote], "the sequence starting with byte 0xC3 is incomplete", column: 2),
    InvalidEncoding("three-byte sequence cut by a quote", [quote, 0xE2, 0x82, quote], "the sequence starting with byte 0xE2 is incomplete", column: 2),
    InvalidEncoding("four-byte sequence cut by the end of the file", [quote, 0xF0, 0x9F, 0x98], "the sequence starting with byte 0xF0 is incomplete", column: 2),
    InvalidEncoding("lead byte as the last byte", [quote, 0xE2], "the sequence starting with byte 0xE2 is incomplete", column: 2),
    InvalidEncoding("Latin-1 e-acute in a key", Array(#"{"caf"#.utf8) + [0xE9] + Array(#"": 1}"#.utf8),
                    "the sequence starting with byte 0xE9 is incomplete", column: 6),
    InvalidEncoding("Windows-1252 e-acute in a value on line 2", Array("{\n  \"name\": \"caf".utf8) + [0xE9] + Array("\"\n}".utf8),
                    "the sequence starting with byte 0xE9 is incomplete", line: 2, column: 15, path: "name"),
    InvalidEncoding("invalid byte after the top-level value", Array("[1]".utf8) + [0xFF], "byte 0xFF never occurs in UTF-8", column: 4),
    InvalidEncoding("invalid byte right after a backslash", [quote, 0x5C, 0xFF, quote], "byte 0xFF never occurs in UTF-8", column: 3),
    InvalidEncoding("invalid byte where a key is expected", Array("{".utf8) + [0xC0, 0x80] + Array("}".utf8),
                    "byte 0xC0 starts an overlong encoding", column: 2),
    InvalidEncoding("UTF-16 little-endian byte order mark", [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], "it starts with a UTF-16 byte order mark", column: 1),
    InvalidEncoding("UTF-16 big-endian byte order mark", [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], "it starts with a UTF-16 byte order mark", column: 1),
]

@Suite("Text encoding")
struct ParserEncodingTests {
    @Test("invalid UTF-8 is reported at the first byte of the malformed sequence", arguments: invalidEncodings)
    func invalidUTF8(_ encoding: InvalidEncoding) throws {
        let error = try #require(syntaxError(parsing: encoding.bytes))
        #expect(error.message.hasPrefix("the file is not valid UTF-8 at this position: "), "message: \(error.message)")
        #expect(error.message.contains(encoding.fragment), "message: \(error.message)")
        #expect(error.line == encoding.line)
        #expect(error.column == encoding.column)
        #expect(error.path.description == encoding.path)
    }

    @Test("a byte order mark is not counted in the columns of the first line")
    func byteOrderMarkColumns() throws {
        let error = try #require(syntaxError(parsing: [0xEF, 0xBB, 0xBF] + Array("[1,]".utf8)))
        #expect(error.message == "trailing comma before ']'")
        #expect(error.line == 1)
        #expect(error.column == 3)
    }

    @Test("a file that holds only a byte order mark is empty")
    func onlyByteOrderMark() throws {
        let error = try #require(syntaxError(parsing: [0xEF, 0xBB, 0xBF]))
        #expect(error.message == "the file is empty")
        let whitespace = try #require(syntaxError(parsing: [0xEF, 0xBB, 0xBF, 0x20, 0x0A]))
        #expect(whitespace.message == "the file contains only whitespace")
    }

    @Test("a byte order mark anywhere but the start is an unexpected character")
    func byteOrderMarkElsewhere() throws {
        let second = try #require(syntaxError(parsing: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("[]".utf8)))
        #expect(second.message == "expected a value, found '\u{FEFF}' (U+FEFF)")
        #expect(second.column == 1)
        let inside = try #require(syntaxError(parsing: "[\u{FEFF}]"))
        #expect(inside.message == "expected a value, found '\u{FEFF}' (U+FEFF)")
        #expect(inside.column == 2)
        #expect(inside.path.description == "[0]")
    }

    @Test("a non-ASCII character outside a string is named with its code point")
    func nonASCIIOutsideString() throws {
        let error = try #require(syntaxError(parsing: "[\"a\" é]"))
        #expect(error.message == "expected ',' or ']' after an array element, found 'é' (U+00E9)")
        #expect(error.column == 6)
    }
}
