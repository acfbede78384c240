/// A JSON value as read from or written to a document, with numbers kept as their literal text.
///
/// Equality compares numbers by their literal text and objects without regard to member order,
/// because JSON objects are unordered while the written form of a number is part of the data.
public enum JSONValue: Sendable, Equatable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number, kept exactly as it was written.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array whose elements keep their document order.
    case array([JSONValue])
    /// An object whose members keep their document order.
    case object(JSONObject)

    /// The name of the value's kind for messages: "null", "boolean", "number", "string", "array" or "object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The object when the value is an object, otherwise nil.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// The elements when the value is an array, otherwise nil.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The string when the value is a string, otherwise nil.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The Boolean when the value is `true` or `false`, otherwise nil.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { bool } else { nil }
    }

    /// The number when the value is a number, otherwise nil.
    public var numberValue: JSONNumber? {
        if case .number(let number) = self { number } else { nil }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates a string value from a string literal, which keeps tests and fixtures readable.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates a number value from an integer literal; there is deliberately no floating-point literal form.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(integer: value))
    }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates a Boolean value from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates an array value from an array literal.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates an object value from a dictionary literal, keeping the members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(literalPairs: elements))
    }
}
