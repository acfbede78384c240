import JSON
import Testing

/// A document the parser must accept and the value it must produce.
struct ValidDocument: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: JSONValue

    var testDescription: String { name }
}

let validDocuments: [ValidDocument] = [
    ValidDocument(name: "null", text: "null", expected: .null),
    ValidDocument(name: "true", text: "true", expected: .bool(true)),
    ValidDocument(name: "false", text: "false", expected: .bool(false)),
    ValidDocument(name: "zero", text: "0", expected: number("0")),
    ValidDocument(name: "negative zero", text: "-0", expected: number("-0")),
    ValidDocument(name: "trailing zero in the fraction", text: "1.50", expected: number("1.50")),
    ValidDocument(name: "exponent", text: "1e3", expected: number("1e3")),
    ValidDocument(name: "upper-case exponent with sign", text: "1E+3", expected: number("1E+3")),
    ValidDocument(name: "negative fraction with negative exponent", text: "-12.5e-10", expected: number("-12.5e-10")),
    ValidDocument(name: "zero with fraction and exponent", text: "0.0e0", expected: number("0.0e0")),
    ValidDocument(name: "integer beyond 64 bits", text: "12345678901234567890123", expected: number("12345678901234567890123")),
    ValidDocument(name: "fraction beyond double precision", text: "0.1000000000000000000000001", expected: number("0.1000000000000000000000001")),
    ValidDocument(name: "empty string", text: #""""#, expected: .string("")),
    ValidDocument(name: "plain string", text: #""Rondleiding groep 5""#, expected: .string("Rondleiding groep 5")),
    ValidDocument(name: "every short escape", text: #""\"\\\/\b\f\n\r\t""#, expected: .string("\"\\/\u{08}\u{0C}\n\r\t")),
    ValidDocument(name: "unicode escape", text: #""caf\u00e9""#, expected: .string("café")),
    ValidDocument(name: "upper-case unicode escape", text: #""\u00C9""#, expected: .string("É")),
    ValidDocument(name: "escaped NUL", text: #""a\u0000b""#, expected: .string("a\u{0}b")),
    ValidDocument(name: "surrogate pair", text: #""\ud83d\ude00""#, expected: .string("😀")),
    ValidDocument(name: "surrogate pair in upper case between text", text: #""x\uD834\uDD1Ey""#, expected: .string("x𝄞y")),
    ValidDocument(name: "raw UTF-8", text: "\"café 😀 ∑ ß\"", expected: .string("café 😀 ∑ ß")),
    ValidDocument(name: "escape after UTF-8", text: #""é\n😀""#, expected: .string("é\n😀")),
    ValidDocument(name: "DEL and U+2028 unescaped", text: "\"a\u{7F}b\u{2028}c\"", expected: .string("a\u{7F}b\u{2028}c")),
    ValidDocument(name: "empty array", text: "[]", expected: .array([])),
    ValidDocument(name: "empty array with whitespace", text: "[ \n\t ]", expected: .array([])),
    ValidDocument(name: "empty object", text: "{}", expected: .object(JSONObject())),
    ValidDocument(name: "empty object with whitespace", text: "{\r\n}", expected: .object(JSONObject())),
    ValidDocument(name: "whitespace around the value", text: " \t\r\n 1 \n\t", expected: number("1")),
    ValidDocument(name: "array of scalars", text: "[1, \"a\", true, false, null, -0.5]", expected: [1, "a", true, false, .null, number("-0.5")]),
    ValidDocument(name: "nested empty containers", text: "[[], {}, [[]], {\"a\": {}}]", expected: [[], [:], [[]], ["a": [:]]]),
    ValidDocument(
        name: "tariff-like object",
        text: """
            {
              "code": "RL-01",
              "tiers": [
                {"from": 0, "to": 25, "price": 12.50},
                {"from": 26, "to": null, "price": 1e3}
              ],
              "active": true
            }
            """,
        expected: [
            "code": "RL-01",
            "tiers": [
                ["from": 0, "to": 25, "price": number("12.50")],
                ["from": 26, "to": .null, "price": number("1e3")],
            ],
            "active": true,
        ]
    ),
    ValidDocument(name: "keys that need escapes", text: #"{"a b": 1, "\"q\"": 2, "": 3}"#, expected: ["a b": 1, "\"q\"": 2, "": 3]),
    ValidDocument(name: "CRLF line endings", text: "{\r\n  \"a\": [\r\n    1\r\n  ]\r\n}\r\n", expected: ["a": [1]]),
]

@Suite("Parsing valid documents")
struct ParserValidDocumentTests {
    @Test("parses from a String", arguments: validDocuments)
    func parsesText(_ document: ValidDocument) throws {
        #expect(try JSONParser.parse(document.text) == document.expected)
    }

    @Test("parses from bytes", arguments: validDocuments)
    func parsesBytes(_ document: ValidDocument) throws {
        #expect(try JSONParser.parse(Array(document.text.utf8)) == document.expected)
    }

    @Test("number literals keep their exact text", arguments: [
        "-0", "1.50", "1e3", "1E+3", "12345678901234567890123", "0.1000000000000000000000001", "-1.0e-0",
    ])
    func numberText(_ literal: String) throws {
        let value = try JSONParser.parse("[\(literal)]")
        #expect(value.arrayValue?.first?.numberValue?.text == literal)
    }

    @Test("object members keep the order they were written in")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"zeta": 1, "alpha": 2, "mid": {"y": 1, "x": 2}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["zeta", "alpha", "mid"])
        #expect(object["mid"]?.objectValue?.keys == ["y", "x"])
    }

    @Test("keys that are equal in Swift but differ in normalisation are both kept when not in one object")
    func normalisationInSeparateObjects() throws {
        let value = try JSONParser.parse("[{\"caf\u{E9}\": 1}, {\"cafe\u{301}\": 2}]")
        let first = try #require(value.arrayValue?[0].objectValue?.keys.first)
        let second = try #require(value.arrayValue?[1].objectValue?.keys.first)
        #expect(Array(first.utf8) == [0x63, 0x61, 0x66, 0xC3, 0xA9])
        #expect(Array(second.utf8) == [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
    }

    @Test("the boundaries of each UTF-8 sequence length are accepted", arguments: [
        ([0xC2, 0x80], "\u{80}"),
        ([0xDF, 0xBF], "\u{7FF}"),
        ([0xE0, 0xA0, 0x80], "\u{800}"),
        ([0xED, 0x9F, 0xBF], "\u{D7FF}"),
        ([0xEE, 0x80, 0x80], "\u{E000}"),
        ([0xEF, 0xBF, 0xBF], "\u{FFFF}"),
        ([0xF0, 0x90, 0x80, 0x80], "\u{10000}"),
        ([0xF4, 0x8F, 0xBF, 0xBF], "\u{10FFFF}"),
    ] as [([UInt8], String)])
    func utf8Boundaries(_ encoded: [UInt8], _ expected: String) throws {
        let bytes: [UInt8] = [0x22] + encoded + [0x22]
        #expect(try JSONParser.parse(bytes) == .string(expected))
    }

    @Test("a UTF-8 byte order mark at the start is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)) == ["a": 1])
        #expect(try JSONParser.parse("\u{FEFF}[1]") == [1])
    }
}
