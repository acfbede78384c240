/// A deterministic JSON writer: the same value always produces the same bytes, so reruns are byte-identical.
public enum JSONWriter {
    /// The order in which object members are written.
    public enum KeyOrder: Sendable {
        /// By the keys' Unicode scalar values (the same as UTF-8 byte order), independent of locale and input order.
        case sorted
        /// In the order of `JSONObject.members`.
        case asGiven
    }

    /// Writes the value; pretty output uses two-space indentation and ends with a newline, compact output has no whitespace.
    public static func write(_ value: JSONValue, keyOrder: KeyOrder = .sorted, pretty: Bool = true) -> String {
        var writer = Writer(sortsKeys: keyOrder == .sorted, isPretty: pretty)
        writer.write(value, depth: 0)
        if pretty {
            writer.output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// Orders keys by their UTF-8 bytes rather than by `String`'s `<`, which follows canonical equivalence
    /// and would treat differently normalised keys as equal.
    static func keyPrecedes(_ left: String, _ right: String) -> Bool {
        compareUTF8(left, right) < 0
    }

    /// Compares two strings by their UTF-8 bytes: negative, zero or positive. Uses the strings'
    /// contiguous storage when they have it (native Swift strings always do), which is many
    /// times faster than comparing the UTF-8 views element by element.
    static func compareUTF8(_ left: String, _ right: String) -> Int {
        if let result = left.utf8.withContiguousStorageIfAvailable({ leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes -> Int in
                let count = min(leftBytes.count, rightBytes.count)
                for index in 0..<count where leftBytes[index] != rightBytes[index] {
                    return Int(leftBytes[index]) - Int(rightBytes[index])
                }
                return leftBytes.count - rightBytes.count
            }
        }), let result {
            return result
        }
        if left.utf8.elementsEqual(right.utf8) { return 0 }
        return left.utf8.lexicographicallyPrecedes(right.utf8) ? -1 : 1
    }
}

/// The output buffer and settings for one call to `JSONWriter.write`.
private struct Writer {
    let sortsKeys: Bool
    let isPretty: Bool
    var output: [UInt8] = []

    init(sortsKeys: Bool, isPretty: Bool) {
        self.sortsKeys = sortsKeys
        self.isPretty = isPretty
    }

    /// Recursion is bounded by the nesting of values the program built or the parser accepted within its depth limit.
    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let number):
            output.append(contentsOf: number.text.utf8)
        case .string(let string):
            StringEscaping.appendQuoted(string, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                startLine(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            startLine(depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in orderedMembers(object).enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                startLine(depth: depth + 1)
                StringEscaping.appendQuoted(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if isPretty { output.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            startLine(depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Sorted order breaks ties between repeated keys by position, so even such objects write deterministically.
    private func orderedMembers(_ object: JSONObject) -> [JSONObject.Member] {
        guard sortsKeys else { return object.members }
        let members = object.members
        let order = members.indices.sorted { left, right in
            let comparison = JSONWriter.compareUTF8(members[left].key, members[right].key)
            return comparison == 0 ? left < right : comparison < 0
        }
        return order.map { members[$0] }
    }

    private mutating func startLine(depth: Int) {
        guard isPretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}
