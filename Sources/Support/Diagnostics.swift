import JSON

/// One problem found in an input file: where it is (file and field path) and what was expected.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The field path inside the file, e.g. `services[3].components[0].amount`.
    public var path: JSONPath
    /// What is wrong and what was expected, in one English sentence without a final period.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, path: JSONPath, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, the form printed on standard error.
    public var description: String { "\(file): \(path): \(message)" }
}

/// Why an input could not be used. The command-line tool maps the cases to exit codes
/// 66 (cannot read) and 65 (bad data).
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist, is not a regular file or could not be read.
    case cannotRead(file: String, reason: String)
    /// The file was read but its content is wrong; every problem found, in document order.
    case invalid([Diagnostic])
    /// A year has no published book and no assumed percentages to project one; never a silent 0 %.
    case missingAssumption(year: Int, message: String)

    public var description: String {
        switch self {
        case .cannotRead(let file, let reason): "\(file): cannot read: \(reason)"
        case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        case .missingAssumption(_, let message): message
        }
    }
}

/// Collects every problem of one file, so the user can fix them all in one pass.
public final class DiagnosticCollector {
    /// The file the problems are in.
    public let file: String
    /// The problems so far, in the order they were found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a collector for a file.
    public init(file: String) {
        self.file = file
    }

    /// Records a problem.
    public func report(_ path: JSONPath, _ message: String) {
        diagnostics.append(Diagnostic(file: file, path: path, message: message))
    }

    /// Whether nothing has been reported.
    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Throws `InputError.invalid` when anything was reported.
    public func throwIfAny() throws(InputError) {
        if !diagnostics.isEmpty { throw .invalid(diagnostics) }
    }
}

/// How values are described in messages: `a number (12)`, `the string "12,50"`.
public func describeFound(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): "the boolean \(flag)"
    case .number(let number): "the number \(number.text)"
    case .string(let text): "the string \(quoted(text))"
    case .array: "an array"
    case .object: "an object"
    }
}

/// A string in double quotes, shortened when very long so messages stay readable.
/// Control characters are written as `\u001b` and the like, so a hostile input cannot move the
/// cursor, recolour or clear the terminal that shows the message.
public func quoted(_ text: String) -> String {
    let limit = 60
    let shown = text.count <= limit ? Substring(text) : text.prefix(limit)
    var result = "\""
    for scalar in shown.unicodeScalars {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            let hex = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result + (text.count <= limit ? "\"" : "…\"")
}

/// Parses the JSON of an input file; a syntax error becomes the file's one diagnostic, with
/// line, column and the path where it happened.
public func parseInputJSON(_ bytes: [UInt8], file: String) throws(InputError) -> JSONValue {
    do {
        return try JSONParser.parse(bytes)
    } catch {
        throw .invalid([Diagnostic(file: file, path: error.path,
                                   message: "invalid JSON at line \(error.line), column \(error.column): \(error.message)")])
    }
}
