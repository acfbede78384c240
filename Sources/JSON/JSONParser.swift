/// A strict RFC 8259 parser that reports the first problem with its line, column and structural path.
public enum JSONParser {
    /// Bounds that keep a hostile or broken file from exhausting memory or time.
    public struct Limits: Sendable {
        /// The deepest nesting of arrays and objects accepted; a top-level array is depth 1.
        public var maximumDepth: Int = 100
        /// The largest input accepted, in bytes, including a byte order mark.
        public var maximumBytes: Int = 64 * 1024 * 1024

        /// Creates limits, by default 100 levels of nesting and 64 MiB of input.
        public init(maximumDepth: Int = 100, maximumBytes: Int = 64 * 1024 * 1024) {
            self.maximumDepth = maximumDepth
            self.maximumBytes = maximumBytes
        }
    }

    /// Parses a complete document from UTF-8 bytes; a UTF-8 byte order mark at the start is skipped.
    public static func parse(_ bytes: [UInt8], limits: Limits = .init()) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            DocumentParser.parse(buffer, limits: limits)
        }.get()
    }

    /// Parses a complete document from a string, reading its UTF-8 form without copying when possible.
    public static func parse(_ text: String, limits: Limits = .init()) throws(JSONSyntaxError) -> JSONValue {
        let result = text.utf8.withContiguousStorageIfAvailable { buffer in
            DocumentParser.parse(buffer, limits: limits)
        }
        if let result {
            return try result.get()
        }
        return try parse(Array(text.utf8), limits: limits)
    }
}
