import JSON
import Testing

@Suite("Numbers")
struct NumberTests {
    @Test("isInteger is true only without fraction and exponent", arguments: [
        ("0", true), ("-0", true), ("42", true), ("12345678901234567890123", true),
        ("1.0", false), ("1e3", false), ("1E3", false), ("-1.5e-3", false), ("0.5", false),
    ])
    func isInteger(_ text: String, _ expected: Bool) {
        #expect(JSONNumber(validatedText: text).isInteger == expected)
    }

    @Test("int64Value is present only for integers that fit", arguments: [
        ("0", Int64(0)), ("-0", 0), ("42", 42), ("-42", -42),
        ("9223372036854775807", .max), ("-9223372036854775808", .min),
        ("9223372036854775808", nil), ("-9223372036854775809", nil), ("12345678901234567890123", nil),
        ("1.0", nil), ("1e3", nil), ("-0.0", nil),
    ] as [(String, Int64?)])
    func int64Value(_ text: String, _ expected: Int64?) {
        #expect(JSONNumber(validatedText: text).int64Value == expected)
    }

    @Test("init(integer:) writes plain decimal digits", arguments: [
        (Int64(0), "0"), (-5, "-5"), (1_000_000, "1000000"), (.min, "-9223372036854775808"), (.max, "9223372036854775807"),
    ] as [(Int64, String)])
    func fromInteger(_ integer: Int64, _ expected: String) {
        let number = JSONNumber(integer: integer)
        #expect(number.text == expected)
        #expect(number.int64Value == integer)
        #expect(number.description == expected)
    }

    @Test("init(text:) accepts exactly the JSON number grammar", arguments: [
        ("0", true), ("-0", true), ("1.50", true), ("1e3", true), ("1E-3", true), ("-0.0e+0", true), ("10", true),
        ("", false), ("01", false), ("+1", false), (".5", false), ("1.", false), ("1e", false), ("-", false),
        (" 1", false), ("1 ", false), ("NaN", false), ("-Infinity", false), ("0x10", false), ("1_000", false), ("1.5.3", false),
    ])
    func validatingInitializer(_ text: String, _ isValid: Bool) {
        let number = JSONNumber(text: text)
        #expect((number != nil) == isValid)
        if isValid { #expect(number?.text == text) }
    }

    @Test("numbers are equal only when their text is equal")
    func equalityIsTextual() {
        #expect(JSONNumber(validatedText: "1.5") != JSONNumber(validatedText: "1.50"))
        #expect(JSONNumber(validatedText: "1.50") == JSONNumber(validatedText: "1.50"))
        #expect(JSONNumber(integer: 7) == JSONNumber(validatedText: "7"))
        #expect(Set([JSONNumber(validatedText: "1"), JSONNumber(integer: 1), JSONNumber(validatedText: "1.0")]).count == 2)
    }
}

@Suite("Objects and values")
struct ValueModelTests {
    @Test("type names", arguments: [
        (JSONValue.null, "null"), (true, "boolean"), (1, "number"), ("s", "string"), ([], "array"), ([:], "object"),
    ] as [(JSONValue, String)])
    func typeName(_ value: JSONValue, _ expected: String) {
        #expect(value.typeName == expected)
    }

    @Test("accessors return the payload of their own case and nil for every other")
    func accessors() {
        let object: JSONObject = ["a": 1]
        let values: [JSONValue] = [.null, .bool(true), .number(JSONNumber(integer: 3)), .string("s"), .array([.null]), .object(object)]
        #expect(values.map { $0.boolValue } == [nil, true, nil, nil, nil, nil])
        #expect(values.map { $0.numberValue } == [nil, nil, JSONNumber(integer: 3), nil, nil, nil])
        #expect(values.map { $0.stringValue } == [nil, nil, nil, "s", nil, nil])
        #expect(values.map { $0.arrayValue } == [nil, nil, nil, nil, [.null], nil])
        #expect(values.map { $0.objectValue } == [nil, nil, nil, nil, nil, object])
    }

    @Test("lookup, keys and set keep member order")
    func objectMembers() {
        var object: JSONObject = ["b": 1, "a": 2]
        #expect(object["a"] == 2)
        #expect(object["missing"] == nil)
        #expect(object.keys == ["b", "a"])
        object.set("b", "replaced")
        object.set("c", .null)
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == "replaced")
        #expect(object["c"] == .null)
        #expect(object.members.last == JSONObject.Member(key: "c", value: .null))
    }

    @Test("an object built with repeated keys finds and replaces the first")
    func repeatedKeysInHandBuiltObject() {
        var object = JSONObject([JSONObject.Member(key: "k", value: 1), JSONObject.Member(key: "k", value: 2)])
        #expect(object["k"] == 1)
        object.set("k", 3)
        #expect(object.members.map(\.value) == [3, 2])
    }

    @Test("object equality ignores member order but not values or keys")
    func objectEquality() {
        let first: JSONObject = ["a": 1, "b": [true]]
        #expect(first == ["b": [true], "a": 1])
        #expect(first != ["a": 1, "b": [false]])
        #expect(first != ["a": 1, "c": [true]])
        #expect(first != ["a": 1])
        let repeated = JSONObject([JSONObject.Member(key: "k", value: 1), JSONObject.Member(key: "k", value: 2)])
        let swapped = JSONObject([JSONObject.Member(key: "k", value: 2), JSONObject.Member(key: "k", value: 1)])
        #expect(repeated != swapped)
    }

    @Test("array equality respects element order")
    func arrayEquality() {
        #expect(JSONValue.array([1, 2]) != [2, 1])
        #expect(JSONValue.array([1, 2]) == [1, 2])
    }

    @Test("values of different kinds are never equal")
    func differentKinds() {
        #expect(JSONValue.string("1") != 1)
        #expect(JSONValue.null != false)
        #expect(JSONValue.array([]) != [:])
    }
}
