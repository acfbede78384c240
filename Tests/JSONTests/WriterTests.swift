import JSON
import Testing

/// A value with members deliberately out of order, used by the golden-output tests.
private let sample: JSONValue = [
    "name": "Rondleiding",
    "amount": number("1.50"),
    "tags": ["a", "b"],
    "empty": [:],
    "none": [],
    "nested": ["z": .null, "a": true, "list": [[], [1, number("2e3")]]],
]

/// One control character and the exact escape the writer must produce for it.
struct ControlEscape: Sendable, CustomTestStringConvertible {
    let scalar: UInt32
    let escaped: String

    var testDescription: String { "U+" + String(scalar, radix: 16, uppercase: true) }
}

/// Written out by hand rather than computed, so the test does not share logic with the writer.
let controlEscapes: [ControlEscape] = [
    ControlEscape(scalar: 0x00, escaped: #"\u0000"#), ControlEscape(scalar: 0x01, escaped: #"\u0001"#),
    ControlEscape(scalar: 0x02, escaped: #"\u0002"#), ControlEscape(scalar: 0x03, escaped: #"\u0003"#),
    ControlEscape(scalar: 0x04, escaped: #"\u0004"#), ControlEscape(scalar: 0x05, escaped: #"\u0005"#),
    ControlEscape(scalar: 0x06, escaped: #"\u0006"#), ControlEscape(scalar: 0x07, escaped: #"\u0007"#),
    ControlEscape(scalar: 0x08, escaped: #"\b"#), ControlEscape(scalar: 0x09, escaped: #"\t"#),
    ControlEscape(scalar: 0x0A, escaped: #"\n"#), ControlEscape(scalar: 0x0B, escaped: #"\u000b"#),
    ControlEscape(scalar: 0x0C, escaped: #"\f"#), ControlEscape(scalar: 0x0D, escaped: #"\r"#),
    ControlEscape(scalar: 0x0E, escaped: #"\u000e"#), ControlEscape(scalar: 0x0F, escaped: #"\u000f"#),
    ControlEscape(scalar: 0x10, escaped: #"\u0010"#), ControlEscape(scalar: 0x11, escaped: #"\u0011"#),
    ControlEscape(scalar: 0x12, escaped: #"\u0012"#), ControlEscape(scalar: 0x13, escaped: #"\u0013"#),
    ControlEscape(scalar: 0x14, escaped: #"\u0014"#), ControlEscape(scalar: 0x15, escaped: #"\u0015"#),
    ControlEscape(scalar: 0x16, escaped: #"\u0016"#), ControlEscape(scalar: 0x17, escaped: #"\u0017"#),
    ControlEscape(scalar: 0x18, escaped: #"\u0018"#), ControlEscape(scalar: 0x19, escaped: #"\u0019"#),
    ControlEscape(scalar: 0x1A, escaped: #"\u001a"#), ControlEscape(scalar: 0x1B, escaped: #"\u001b"#),
    ControlEscape(scalar: 0x1C, escaped: #"\u001c"#), ControlEscape(scalar: 0x1D, escaped: #"\u001d"#),
    ControlEscape(scalar: 0x1E, escaped: #"\u001e"#), ControlEscape(scalar: 0x1F, escaped: #"\u001f"#),
    ControlEscape(scalar: 0x7F, escaped: #"\u007f"#),
]

/// Values that must survive writing and reading back in every output form.
let roundTripValues: [JSONValue] = [
    .null,
    true,
    false,
    0,
    number("-0"),
    number("1.50"),
    number("1e3"),
    number("-12.5E-10"),
    number("12345678901234567890123"),
    "",
    "plain",
    "quote \" backslash \\ slash / tab \t newline \n return \r",
    "controls \u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}",
    "non-ASCII café ∑ 😀 \u{2028} \u{FEFF}",
    [],
    [:],
    [[], [:], [[]], ["a": [:]]],
    [1, "two", [3, [4, [5]]], ["six": 6]],
    ["z": 1, "a": 2, "m": ["y": .null, "b": [true, false]]],
    ["odd key": 1, "\"quoted\"": 2, "": 3, "caf\u{E9}": 4, "😀": 5, "line\nbreak": 6],
    ["tariffs": [["code": "RL-01", "tiers": [["from": 0, "price": number("12.50")], ["from": 26, "price": .null]]]]],
]

@Suite("Writing")
struct WriterTests {
    @Test("pretty output with sorted keys")
    func prettySorted() {
        let expected = """
            {
              "amount": 1.50,
              "empty": {},
              "name": "Rondleiding",
              "nested": {
                "a": true,
                "list": [
                  [],
                  [
                    1,
                    2e3
                  ]
                ],
                "z": null
              },
              "none": [],
              "tags": [
                "a",
                "b"
              ]
            }

            """
        #expect(JSONWriter.write(sample) == expected)
        #expect(JSONWriter.write(sample, keyOrder: .sorted, pretty: true) == expected)
    }

    @Test("pretty output with keys as given")
    func prettyAsGiven() {
        let expected = """
            {
              "name": "Rondleiding",
              "amount": 1.50,
              "tags": [
                "a",
                "b"
              ],
              "empty": {},
              "none": [],
              "nested": {
                "z": null,
                "a": true,
                "list": [
                  [],
                  [
                    1,
                    2e3
                  ]
                ]
              }
            }

            """
        #expect(JSONWriter.write(sample, keyOrder: .asGiven) == expected)
    }

    @Test("compact output with sorted keys")
    func compactSorted() {
        let expected = #"{"amount":1.50,"empty":{},"name":"Rondleiding","nested":{"a":true,"list":[[],[1,2e3]],"z":null},"none":[],"tags":["a","b"]}"#
        #expect(JSONWriter.write(sample, pretty: false) == expected)
    }

    @Test("compact output with keys as given")
    func compactAsGiven() {
        let expected = #"{"name":"Rondleiding","amount":1.50,"tags":["a","b"],"empty":{},"none":[],"nested":{"z":null,"a":true,"list":[[],[1,2e3]]}}"#
        #expect(JSONWriter.write(sample, keyOrder: .asGiven, pretty: false) == expected)
    }

    @Test("top-level scalars and empty containers", arguments: [
        (JSONValue.null, "null"),
        (true, "true"),
        (false, "false"),
        (number("-0"), "-0"),
        ("text", #""text""#),
        ([], "[]"),
        ([:], "{}"),
    ] as [(JSONValue, String)])
    func topLevel(_ value: JSONValue, _ expected: String) {
        #expect(JSONWriter.write(value) == expected + "\n")
        #expect(JSONWriter.write(value, pretty: false) == expected)
    }

    @Test("sorting follows Unicode scalar values, not UTF-16 units or locale")
    func sortOrder() {
        let keys = ["b", "😀", "B", "\u{FF5E}", "a", "é", "z", "ab", "", "_", "1"]
        let object = JSONObject(keys.map { JSONObject.Member(key: $0, value: .null) })
        let written = JSONWriter.write(.object(object), pretty: false)
        // U+FF5E sorts before U+1F600 by scalar value, although its UTF-16 unit 0xFF5E sorts after 0xD83D.
        #expect(written == "{\"\":null,\"1\":null,\"B\":null,\"_\":null,\"a\":null,\"ab\":null,\"b\":null,\"z\":null,\"é\":null,\"\u{FF5E}\":null,\"😀\":null}")
    }

    @Test("keys that differ only in normalisation are ordered by their bytes")
    func normalisationOrder() {
        let composed = JSONObject.Member(key: "caf\u{E9}", value: 1)
        let decomposed = JSONObject.Member(key: "cafe\u{301}", value: 2)
        let expected = "{\"cafe\u{301}\":2,\"caf\u{E9}\":1}"
        #expect(JSONWriter.write(.object(JSONObject([composed, decomposed])), pretty: false) == expected)
        #expect(JSONWriter.write(.object(JSONObject([decomposed, composed])), pretty: false) == expected)
    }

    @Test("repeated keys in a hand-built object keep their relative order when sorted")
    func repeatedKeys() {
        let object = JSONObject([
            JSONObject.Member(key: "b", value: 1),
            JSONObject.Member(key: "a", value: 2),
            JSONObject.Member(key: "b", value: 3),
        ])
        #expect(JSONWriter.write(.object(object), pretty: false) == #"{"a":2,"b":1,"b":3}"#)
    }

    @Test("control characters are escaped", arguments: controlEscapes)
    func controlCharacter(_ escape: ControlEscape) throws {
        let scalar = try #require(Unicode.Scalar(escape.scalar))
        let value = JSONValue.string("a" + String(Character(scalar)) + "b")
        #expect(JSONWriter.write(value, pretty: false) == "\"a" + escape.escaped + "b\"")
        #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
    }

    @Test("quotes and backslashes are escaped; slashes and non-ASCII are written as they are")
    func otherEscapes() {
        #expect(JSONWriter.write(#"say "hi" \ now"#, pretty: false) == #""say \"hi\" \\ now""#)
        #expect(JSONWriter.write("a/b", pretty: false) == #""a/b""#)
        #expect(JSONWriter.write("café 😀 \u{2028}", pretty: false) == "\"café 😀 \u{2028}\"")
        #expect(JSONWriter.write(["ke\"y": "v"], pretty: false) == #"{"ke\"y":"v"}"#)
    }

    @Test("numbers are written as their literal text")
    func numbers() throws {
        let value = try JSONParser.parse("[1.50, -0, 1E+3, 12345678901234567890123, 0.1000000000000000000000001]")
        #expect(JSONWriter.write(value, pretty: false) == "[1.50,-0,1E+3,12345678901234567890123,0.1000000000000000000000001]")
        #expect(JSONWriter.write(.number(JSONNumber(integer: .min)), pretty: false) == "-9223372036854775808")
    }

    @Test("parsing written output gives the value back", arguments: roundTripValues)
    func roundTrip(_ value: JSONValue) throws {
        for keyOrder in [JSONWriter.KeyOrder.sorted, .asGiven] {
            for pretty in [true, false] {
                let written = JSONWriter.write(value, keyOrder: keyOrder, pretty: pretty)
                #expect(try JSONParser.parse(written) == value)
            }
        }
    }

    @Test("writing, reading and writing again gives identical bytes", arguments: roundTripValues)
    func stableOutput(_ value: JSONValue) throws {
        for keyOrder in [JSONWriter.KeyOrder.sorted, .asGiven] {
            for pretty in [true, false] {
                let first = JSONWriter.write(value, keyOrder: keyOrder, pretty: pretty)
                let second = JSONWriter.write(try JSONParser.parse(first), keyOrder: keyOrder, pretty: pretty)
                #expect(Array(second.utf8) == Array(first.utf8))
            }
        }
    }

    @Test("writing as given keeps member order through a round trip")
    func asGivenKeepsOrder() throws {
        let value: JSONValue = ["zeta": 1, "alpha": ["y": 1, "x": 2], "mid": 3]
        let reread = try JSONParser.parse(JSONWriter.write(value, keyOrder: .asGiven))
        #expect(reread.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(reread.objectValue?["alpha"]?.objectValue?.keys == ["y", "x"])
    }

    @Test("equal objects in different member order write identical sorted output")
    func sortedIsCanonical() {
        let first: JSONValue = ["b": 1, "a": ["d": 2, "c": 3]]
        let second: JSONValue = ["a": ["c": 3, "d": 2], "b": 1]
        #expect(first == second)
        #expect(JSONWriter.write(first) == JSONWriter.write(second))
        #expect(JSONWriter.write(first, keyOrder: .asGiven) != JSONWriter.write(second, keyOrder: .asGiven))
    }

    @Test("pretty output uses two spaces per level and one member per line")
    func indentation() {
        let value: JSONValue = ["a": ["b": ["c": [1]]]]
        let lines = JSONWriter.write(value).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["{", "  \"a\": {", "    \"b\": {", "      \"c\": [", "        1", "      ]", "    }", "  }", "}", ""])
    }
}
