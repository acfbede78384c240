/// A location inside a JSON document, such as `services[2].components[0].amount`, used to point at problems.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from a container to one of its children.
    public enum Component: Sendable, Hashable {
        /// The member of an object with this key.
        case key(String)
        /// The element of an array at this zero-based index.
        case index(Int)
    }

    /// The steps from the top-level value, outermost first.
    public let components: [Component]

    /// Creates a path from its steps, outermost first.
    public init(_ components: [Component]) {
        self.components = components
    }

    /// The path of the top-level value, written `$`.
    public static let root = JSONPath([])

    /// The path of the member with the key inside the object at this path.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// The path of the element at the index inside the array at this path.
    public func appending(index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// The path as people read it: `$` for the root, `lines[3].code`, and `tiers["a b"]` for keys that are not identifier-like.
    public var description: String {
        guard !components.isEmpty else { return "$" }
        var result = ""
        for (position, component) in components.enumerated() {
            switch component {
            case .key(let key) where JSONPath.isIdentifierLike(key):
                if position > 0 { result += "." }
                result += key
            case .key(let key):
                result += "[" + StringEscaping.quoted(key) + "]"
            case .index(let index):
                result += "[\(index)]"
            }
        }
        return result
    }

    /// ASCII letters, digits, `_` and `-`, not starting with a digit: keys that read unambiguously after a dot.
    static func isIdentifierLike(_ key: String) -> Bool {
        guard let first = key.utf8.first, !NumberGrammar.isDigit(first) else { return false }
        return key.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
