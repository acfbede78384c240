import JSON
import Testing

/// A document the parser must reject, with a fragment of the message, the position, and the structural path.
struct InvalidDocument: Sendable, CustomTestStringConvertible {
    let text: String
    let fragment: String
    let line: Int
    let column: Int
    let path: String

    init(_ text: String, _ fragment: String, line: Int, column: Int, path: String = "$") {
        self.text = text
        self.fragment = fragment
        self.line = line
        self.column = column
        self.path = path
    }

    var testDescription: String { text.debugDescription }
}

let invalidDocuments: [InvalidDocument] = [
    // Empty and trailing content.
    InvalidDocument("", "the file is empty", line: 1, column: 1),
    InvalidDocument(" \n\t ", "the file contains only whitespace", line: 1, column: 1),
    InvalidDocument("[1] x", "expected the end of the file after the top-level value, found 'x'", line: 1, column: 5),
    InvalidDocument("1 2", "expected the end of the file after the top-level value, found '2'", line: 1, column: 3),
    InvalidDocument("{}\n{}", "expected the end of the file after the top-level value, found '{'", line: 2, column: 1),
    // Trailing commas point at the comma and at the container.
    InvalidDocument("[1,]", "trailing comma before ']'", line: 1, column: 3),
    InvalidDocument(#"{"a":1,}"#, "trailing comma before '}'", line: 1, column: 7),
    InvalidDocument(#"{"a": [1, 2,]}"#, "trailing comma before ']'", line: 1, column: 12, path: "a"),
    InvalidDocument("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}", "trailing comma before ']'", line: 3, column: 13, path: "b"),
    InvalidDocument(#"{"odd key": [1,]}"#, "trailing comma before ']'", line: 1, column: 15, path: #"["odd key"]"#),
    // Separators.
    InvalidDocument("[1 2]", "expected ',' or ']' after an array element, found '2'", line: 1, column: 4),
    InvalidDocument(#"{"a" 1}"#, #"expected ':' after the key "a", found '1'"#, line: 1, column: 6, path: "a"),
    InvalidDocument(#"{"a":1 "b":2}"#, "expected ',' or '}' after an object member, found '\"'", line: 1, column: 8),
    InvalidDocument(#"{"a":1,]"#, "expected a string key after ',', found ']'", line: 1, column: 8),
    InvalidDocument("{]", "expected a string key or '}', found ']'", line: 1, column: 2),
    InvalidDocument("[}", "expected a value, found '}'", line: 1, column: 2, path: "[0]"),
    InvalidDocument("[1}", "expected ',' or ']' after an array element, found '}'", line: 1, column: 3),
    InvalidDocument(#"{"a":}"#, "expected a value, found '}'", line: 1, column: 6, path: "a"),
    InvalidDocument("[1, 2", "found the end of the file (the array that opens at line 1, column 1 is not closed)", line: 1, column: 6),
    InvalidDocument(#"{"a": {"b": 1}"#, "(the object that opens at line 1, column 1 is not closed)", line: 1, column: 15),
    InvalidDocument("{\"a\": [\n  1,\n", "expected a value, found the end of the file (the array that opens at line 1, column 7 is not closed)", line: 3, column: 1, path: "a[1]"),
    // Comments and quotes.
    InvalidDocument("// note\n{}", "comments are not allowed in JSON", line: 1, column: 1),
    InvalidDocument("[1, /* two */ 2]", "comments are not allowed in JSON", line: 1, column: 5, path: "[1]"),
    InvalidDocument("[1 // one\n]", "comments are not allowed in JSON", line: 1, column: 4),
    InvalidDocument("'text'", "strings must be in double quotes, not single quotes", line: 1, column: 1),
    InvalidDocument("{'a': 1}", "strings must be in double quotes, not single quotes", line: 1, column: 2),
    InvalidDocument(#"{"a": 'b'}"#, "strings must be in double quotes, not single quotes", line: 1, column: 7, path: "a"),
    InvalidDocument("{a: 1}", "object keys must be strings in double quotes", line: 1, column: 2),
    // Literals and words.
    InvalidDocument("True", "JSON literals are written in lowercase: true", line: 1, column: 1),
    InvalidDocument("[NULL]", "JSON literals are written in lowercase: null", line: 1, column: 2, path: "[0]"),
    InvalidDocument(#"{"a": [1, {"b": tru}]}"#, "unexpected word 'tru'", line: 1, column: 17, path: "a[1].b"),
    InvalidDocument("[truex]", "unexpected word 'truex'", line: 1, column: 2, path: "[0]"),
    InvalidDocument("[\"é\", x]", "unexpected word 'x'", line: 1, column: 7, path: "[1]"),
    // Numbers.
    InvalidDocument("NaN", "NaN and Infinity are not valid JSON numbers", line: 1, column: 1),
    InvalidDocument("[Infinity]", "NaN and Infinity are not valid JSON numbers", line: 1, column: 2, path: "[0]"),
    InvalidDocument("-Infinity", "NaN and Infinity are not valid JSON numbers", line: 1, column: 1),
    InvalidDocument("01", "numbers must not have leading zeros", line: 1, column: 1),
    InvalidDocument("[-012]", "numbers must not have leading zeros", line: 1, column: 2, path: "[0]"),
    InvalidDocument("00.5", "numbers must not have leading zeros", line: 1, column: 1),
    InvalidDocument("+1", "numbers must not start with '+'", line: 1, column: 1),
    InvalidDocument(#"{"price": +1}"#, "numbers must not start with '+'", line: 1, column: 11, path: "price"),
    InvalidDocument(".5", "numbers must have a digit before the decimal point", line: 1, column: 1),
    InvalidDocument("1.", "expected a digit after the decimal point, found the end of the file", line: 1, column: 3),
    InvalidDocument("[1.e5]", "expected a digit after the decimal point, found 'e'", line: 1, column: 4, path: "[0]"),
    InvalidDocument("1e", "expected a digit in the exponent", line: 1, column: 3),
    InvalidDocument("1E+", "expected a digit in the exponent", line: 1, column: 4),
    InvalidDocument("-", "expected a digit after '-'", line: 1, column: 2),
    InvalidDocument("- 1", "expected a digit after '-', found ' '", line: 1, column: 2),
    InvalidDocument("1.5.3", "expected the end of the file after the top-level value, found '.'", line: 1, column: 4),
    InvalidDocument("0x1F", "expected the end of the file after the top-level value, found 'x'", line: 1, column: 2),
    // Strings.
    InvalidDocument("\"a\nb\"", "unescaped line break in a string", line: 1, column: 3),
    InvalidDocument("\"a\tb\"", "unescaped control character U+0009 in a string; write it as \\t", line: 1, column: 3),
    InvalidDocument("[\"\u{1F}\"]", "unescaped control character U+001F in a string; write it as \\u001f", line: 1, column: 3, path: "[0]"),
    InvalidDocument(#""\x""#, #"invalid escape sequence '\x'"#, line: 1, column: 2),
    InvalidDocument(#"{"k\q": 1}"#, #"invalid escape sequence '\q'"#, line: 1, column: 4),
    InvalidDocument("\"é\\q\"", #"invalid escape sequence '\q'"#, line: 1, column: 3),
    InvalidDocument("[\"a\\\u{1}\"]", "invalid escape sequence (a backslash followed by control character U+0001)", line: 1, column: 4, path: "[0]"),
    InvalidDocument(#""\u12G4""#, #"invalid \u escape: expected four hexadecimal digits"#, line: 1, column: 2),
    InvalidDocument(#""\u12""#, #"invalid \u escape: expected four hexadecimal digits"#, line: 1, column: 2),
    InvalidDocument(#""\uD800""#, #"unpaired UTF-16 high surrogate \uD800"#, line: 1, column: 2),
    InvalidDocument(#""\ud83dx""#, #"unpaired UTF-16 high surrogate \ud83d"#, line: 1, column: 2),
    InvalidDocument(#""\uD83D\u0041""#, #"UTF-16 high surrogate \uD83D is followed by \u0041 instead of a low surrogate"#, line: 1, column: 2),
    InvalidDocument(#""\uD83D\uD83D""#, #"is followed by \uD83D instead of a low surrogate"#, line: 1, column: 2),
    InvalidDocument(#""\uDE00""#, #"unpaired UTF-16 low surrogate \uDE00"#, line: 1, column: 2),
    InvalidDocument(#"{"name": "ab\uDE00\uD83D"}"#, "unpaired UTF-16 low surrogate", line: 1, column: 13, path: "name"),
    InvalidDocument("\"abc", "the string that starts here has no closing quote", line: 1, column: 1),
    InvalidDocument("[\"abc\\", "the string that starts here has no closing quote", line: 1, column: 2, path: "[0]"),
    // Line and column counting: CRLF is one line break, a lone CR is one too, tabs and non-ASCII count as one column.
    InvalidDocument("[\r\n1,\r\n]", "trailing comma before ']'", line: 2, column: 2),
    InvalidDocument("[\r1\r,]", "trailing comma before ']'", line: 3, column: 1),
    InvalidDocument("[\t\tx]", "unexpected word 'x'", line: 1, column: 4, path: "[0]"),
    InvalidDocument("[\"😀é\", 1,]", "trailing comma before ']'", line: 1, column: 9),
]

@Suite("Rejecting invalid documents")
struct ParserInvalidDocumentTests {
    @Test("reports the message, line, column and path", arguments: invalidDocuments)
    func rejects(_ document: InvalidDocument) throws {
        let error = try #require(syntaxError(parsing: document.text))
        #expect(error.message.contains(document.fragment), "message: \(error.message)")
        #expect(error.line == document.line)
        #expect(error.column == document.column)
        #expect(error.path.description == document.path)
    }

    @Test("the bytes overload reports the same error as the String overload", arguments: invalidDocuments)
    func bytesAgree(_ document: InvalidDocument) throws {
        let fromText = try #require(syntaxError(parsing: document.text))
        let fromBytes = try #require(syntaxError(parsing: Array(document.text.utf8)))
        #expect(fromText == fromBytes)
    }

    @Test("the description gives position, path and message on one line")
    func description() throws {
        let text = """
            {"lines": [
              {}, {},
              {"code":"a""b":1}
            ]}
            """
        let error = try #require(syntaxError(parsing: text))
        #expect(error.description == #"line 3, column 14 (at lines[2]): expected ',' or '}' after an object member, found '"'"#)
    }

    @Test("the description leaves out the root path")
    func descriptionAtRoot() throws {
        let error = try #require(syntaxError(parsing: ""))
        #expect(error.description == "line 1, column 1: the file is empty")
    }

    @Test("errors are structured values with the documented fields")
    func structuredError() throws {
        let error = try #require(syntaxError(parsing: #"{"services": [{"components": [{"amount": 01}]}]}"#))
        let expectedPath = JSONPath.root.appending("services").appending(index: 0)
            .appending("components").appending(index: 0).appending("amount")
        #expect(error == JSONSyntaxError(message: "numbers must not have leading zeros", line: 1, column: 42, path: expectedPath))
        #expect(error.path.description == "services[0].components[0].amount")
    }
}
