import JSON
import Testing

/// A document with a repeated key and where the duplicate must be reported.
struct DuplicateKeyCase: Sendable, CustomTestStringConvertible {
    let text: String
    let message: String
    let line: Int
    let column: Int
    let path: String

    var testDescription: String { text.debugDescription }
}

let duplicateKeyCases: [DuplicateKeyCase] = [
    DuplicateKeyCase(
        text: #"{"code": 1, "code": 2}"#,
        message: #"duplicate key "code" (first used at line 1, column 2)"#,
        line: 1, column: 13, path: "code"
    ),
    DuplicateKeyCase(
        text: "{\n  \"lines\": [\n    {\"code\": \"A\"},\n    {\"code\": \"B\",\n     \"amount\": 1,\n     \"code\": \"C\"}\n  ]\n}",
        message: #"duplicate key "code" (first used at line 4, column 6)"#,
        line: 6, column: 6, path: "lines[1].code"
    ),
    DuplicateKeyCase(
        text: #"{"tiers": {"a b": 1, "a b": 2}}"#,
        message: #"duplicate key "a b" (first used at line 1, column 12)"#,
        line: 1, column: 22, path: #"tiers["a b"]"#
    ),
    DuplicateKeyCase(
        text: #"[{"x": 1}, {"x": 1, "y": 2, "x\u0000": 3, "x": 4}]"#,
        message: #"duplicate key "x" (first used at line 1, column 13)"#,
        line: 1, column: 43, path: "[1].x"
    ),
    DuplicateKeyCase(
        text: "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}",
        message: "duplicate key \"cafe\u{301}\" (first used at line 1, column 2)",
        line: 1, column: 13, path: "[\"cafe\u{301}\"]"
    ),
]

@Suite("Duplicate keys, depth and size limits, large input")
struct ParserLimitTests {
    @Test("duplicate keys are rejected with the path of the duplicate", arguments: duplicateKeyCases)
    func duplicateKeys(_ testCase: DuplicateKeyCase) throws {
        let error = try #require(syntaxError(parsing: testCase.text))
        #expect(error.message == testCase.message)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
        #expect(error.path.description == testCase.path)
    }

    @Test("the same key in sibling objects is not a duplicate")
    func sameKeyInSiblings() throws {
        let value = try JSONParser.parse(#"[{"code": 1}, {"code": 2}, {"nested": {"code": 3}, "code": 4}]"#)
        #expect(value == [["code": 1], ["code": 2], ["nested": ["code": 3], "code": 4]])
    }

    @Test("100,000 unmatched brackets stop at the depth limit without exhausting the stack")
    func deepBrackets() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(syntaxError(parsing: text))
        #expect(error.message == "nesting is deeper than the limit of 100 levels")
        #expect(error.line == 1)
        #expect(error.column == 101)
        #expect(error.path.components.count == 100)
        #expect(error.path.components.allSatisfy { $0 == .index(0) })
    }

    @Test("100,000 balanced brackets are rejected at the same place")
    func deepBalancedBrackets() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(syntaxError(parsing: text))
        #expect(error.message == "nesting is deeper than the limit of 100 levels")
        #expect(error.column == 101)
    }

    @Test("100,000 nested objects are rejected at the depth limit")
    func deepObjects() throws {
        let text = String(repeating: #"{"a":"#, count: 100_000)
        let error = try #require(syntaxError(parsing: text))
        #expect(error.message == "nesting is deeper than the limit of 100 levels")
        #expect(error.column == 100 * 5 + 1)
        #expect(error.path.components.count == 100)
        #expect(error.path.components.allSatisfy { $0 == .key("a") })
    }

    @Test("nesting exactly at the limit is accepted and one more level is not")
    func depthBoundary() throws {
        let hundred = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        var value = try JSONParser.parse(hundred)
        var depth = 0
        while case .array(let elements) = value {
            depth += 1
            guard let first = elements.first else { break }
            value = first
        }
        #expect(depth == 100)
        let error = try #require(syntaxError(parsing: "[" + hundred + "]"))
        #expect(error.message == "nesting is deeper than the limit of 100 levels")
    }

    @Test("a custom depth limit counts arrays and objects alike and reports the path of the container it refuses")
    func customDepth() throws {
        let limits = JSONParser.Limits(maximumDepth: 3)
        #expect(try JSONParser.parse(#"{"a": [{"b": 1}]}"#, limits: limits) == ["a": [["b": 1]]])
        let error = try #require(syntaxError(parsing: #"{"a": [{"b": {}}]}"#, limits: limits))
        #expect(error.message == "nesting is deeper than the limit of 3 levels")
        #expect(error.column == 14)
        #expect(error.path.description == "a[0].b")
    }

    @Test("a depth limit of zero allows only scalars")
    func zeroDepth() throws {
        let limits = JSONParser.Limits(maximumDepth: 0)
        #expect(try JSONParser.parse("1", limits: limits) == 1)
        let error = try #require(syntaxError(parsing: "[]", limits: limits))
        #expect(error.message == "nesting is deeper than the limit of 0 levels")
    }

    @Test("input over the size limit is rejected before parsing, counting a byte order mark")
    func sizeLimit() throws {
        let limits = JSONParser.Limits(maximumBytes: 10)
        #expect(try JSONParser.parse("[1,2,3,45]", limits: limits) == [1, 2, 3, 45])
        let error = try #require(syntaxError(parsing: "[1,2,3,456]", limits: limits))
        #expect(error == JSONSyntaxError(message: "the file is larger than the limit of 10 bytes", line: 1, column: 1, path: .root))
        let withMark = try #require(syntaxError(parsing: [0xEF, 0xBB, 0xBF] + Array("[1,2,3,4]".utf8), limits: limits))
        #expect(withMark.message == "the file is larger than the limit of 10 bytes")
    }

    @Test("the default limits are 100 levels and 64 MiB")
    func defaultLimits() {
        let limits = JSONParser.Limits()
        #expect(limits.maximumDepth == 100)
        #expect(limits.maximumBytes == 67_108_864)
    }

    @Test("an object with 100,000 members parses and a late duplicate is still found")
    func wideObject() throws {
        var text = "{"
        for index in 0..<100_000 {
            text += index == 0 ? "" : ","
            text += "\"key\(index)\":\(index)"
        }
        let value = try JSONParser.parse(text + "}")
        let object = try #require(value.objectValue)
        #expect(object.members.count == 100_000)
        #expect(object.members[99_999].key == "key99999")
        #expect(object.members[99_999].value == 99_999)
        let error = try #require(syntaxError(parsing: text + ",\"key5\":0}"))
        #expect(error.message.hasPrefix(#"duplicate key "key5""#))
        #expect(error.path.description == "key5")
    }

    @Test("a document of about 50 MB parses completely")
    func largeDocument() throws {
        let record = #"{"code": "RL-01", "name": "Rondleiding groep 5 \u00e9", "amount": 1234.50, "tags": ["school", "museum"], "active": true},"#
        // Doubling a block of records builds the input with a few large copies, which keeps the debug build quick.
        let recordSize = record.utf8.count
        var records = Array(record.utf8)
        var count = 1
        while records.count * 2 <= 50_000_000 {
            records += records
            count *= 2
        }
        let remaining = (50_000_000 - records.count) / recordSize
        records += records[0..<(remaining * recordSize)]
        count += remaining
        let bytes = Array("[".utf8) + records + Array(#"{"last": -0}]"#.utf8)
        #expect(bytes.count > 49_900_000)
        let value = try JSONParser.parse(bytes)
        let elements = try #require(value.arrayValue)
        #expect(elements.count == count + 1)
        #expect(elements[count / 2].objectValue?["name"] == "Rondleiding groep 5 é")
        #expect(elements[count] == ["last": number("-0")])
    }
}
