/// A problem that makes a document invalid JSON, with where it is in the text and in the structure.
///
/// `line` and `column` are 1-based. The column counts Unicode scalars from the start of the line
/// (a tab counts as one), which matches what most editors show for text without combined characters.
/// A UTF-8 byte order mark at the start of the file is not counted.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words meant for the person editing the file.
    public let message: String
    /// The 1-based line of the problem; `\n`, `\r\n` and a lone `\r` each end a line.
    public let line: Int
    /// The 1-based column of the problem, counted in Unicode scalars.
    public let column: Int
    /// Where in the document structure the problem is, for example the path of a duplicate key.
    public let path: JSONPath

    /// Creates an error from its parts.
    public init(message: String, line: Int, column: Int, path: JSONPath) {
        self.message = message
        self.line = line
        self.column = column
        self.path = path
    }

    /// The error as one line, for example `line 3, column 14 (at lines[2]): expected ',' or '}' after an object member`.
    public var description: String {
        // The root path adds nothing a reader can act on, so it is left out.
        if path.components.isEmpty {
            "line \(line), column \(column): \(message)"
        } else {
            "line \(line), column \(column) (at \(path)): \(message)"
        }
    }
}
