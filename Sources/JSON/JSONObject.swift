/// A JSON object that keeps its members in the order they were written.
///
/// Lookup is a linear scan because the objects in tariff books are small; the parser uses a hash set
/// of its own for duplicate detection so large objects still parse in linear time.
/// Keys compare with Swift string equality (canonical equivalence), the same rule the parser uses
/// for duplicates, so a lookup can never be ambiguous in an object the parser produced.
/// Equality ignores member order because JSON objects are unordered.
public struct JSONObject: Sendable, Equatable {
    /// One key and its value.
    public struct Member: Sendable, Equatable {
        /// The member's key.
        public let key: String
        /// The member's value.
        public let value: JSONValue

        /// Creates a member from a key and a value.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in document order; the initializer does not reject duplicate keys, and lookup finds the first.
    public var members: [Member]

    /// Creates an object with the given members in the given order.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// Creates an object from literal pairs, trapping on a repeated key the way a dictionary literal does.
    init(literalPairs: [(String, JSONValue)]) {
        var seen = Set<String>()
        for (key, _) in literalPairs {
            precondition(seen.insert(key).inserted, "duplicate key \(StringEscaping.quoted(key)) in a JSON object literal")
        }
        self.members = literalPairs.map { Member(key: $0.0, value: $0.1) }
    }

    /// The value of the first member with the key, or nil when there is none.
    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// The keys in member order.
    public var keys: [String] {
        members.map(\.key)
    }

    /// Replaces the value of the first member with the key, or appends a new member when there is none.
    public mutating func set(_ key: String, _ value: JSONValue) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index] = Member(key: key, value: value)
        } else {
            members.append(Member(key: key, value: value))
        }
    }

    /// Compares members by key regardless of order; values under a repeated key must match in their relative order.
    public static func == (left: JSONObject, right: JSONObject) -> Bool {
        guard left.members.count == right.members.count else { return false }
        // Objects that went through a round trip usually keep their order, so try the cheap comparison first.
        if left.members == right.members { return true }
        let leftValues = Dictionary(grouping: left.members, by: \.key).mapValues { $0.map(\.value) }
        let rightValues = Dictionary(grouping: right.members, by: \.key).mapValues { $0.map(\.value) }
        return leftValues == rightValues
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a dictionary literal, keeping the members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(literalPairs: elements)
    }
}
