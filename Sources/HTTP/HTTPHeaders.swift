/// One header field as it was received or will be sent.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name, with the case it was written in.
    public var name: String
    /// The field value, without surrounding spaces or tabs.
    public var value: String

    /// A field `name: value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Header fields in the order they came, looked up by name without regard to ASCII case.
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    /// Every field, in order; a repeated name appears once per occurrence.
    public private(set) var fields: [HTTPHeader]

    /// Headers holding `fields`, in that order.
    public init(_ fields: [HTTPHeader] = []) {
        self.fields = fields
    }

    /// The fields in order.
    public func makeIterator() -> IndexingIterator<[HTTPHeader]> { fields.makeIterator() }

    /// How many fields there are.
    public var count: Int { fields.count }

    /// The value of the first field named `name` (any case), or nil.
    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// The values of every field named `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Whether a field named `name` is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// Adds a field after the others, keeping any of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(HTTPHeader(name: name, value: value))
    }

    /// Replaces every field named `name` with one field `name: value`, in the place of the first.
    public mutating func set(_ name: String, _ value: String) {
        if let first = fields.firstIndex(where: { Self.sameName($0.name, name) }) {
            fields[first] = HTTPHeader(name: name, value: value)
            fields = fields.enumerated().filter { $0.offset == first || !Self.sameName($0.element.name, name) }.map(\.element)
        } else {
            add(name, value)
        }
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    /// Whether a comma-separated header (such as Connection) lists `token`, in any case.
    public func hasToken(_ token: String, in name: String) -> Bool {
        values(for: name).contains { value in
            value.split(separator: ",").contains { Self.sameName(trimmed($0), token) }
        }
    }

    /// Whether two names are equal ignoring ASCII case.
    static func sameName(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        first.utf8.count == second.utf8.count && zip(first.utf8, second.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }
}

/// An ASCII letter in lower case; any other byte as it is.
func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
}

/// `text` without leading and trailing spaces and tabs.
func trimmed(_ text: Substring) -> Substring {
    var text = text
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
}
