import JSON
import Support

/// Loads a tariff book from bytes or a file: parse, decode, resolve, with every problem
/// reported at once as `InputError.invalid`.
///
/// Problems are found in two passes, like a compiler's parse and check: first every problem
/// of shape, type and vocabulary in the whole file; then every problem between places
/// (duplicate codes, unknown references, formula cycles, incomplete tables). On a book whose
/// first pass found problems the second pass evaluates the formulas only, so a draft's bad
/// formulas are reported in the same run as its other problems; it says nothing about a
/// formula naming a tariff whose own value is broken, which is reported at its place.
public enum TariffBookLoader {
    /// Loads the book in `file`; `expectedYear`, when given, must match the book's year.
    public static func load(file: String, expectedYear: Int? = nil) throws(InputError) -> TariffBook {
        let bytes = try FileSystem.readFile(file, limit: FileSystem.maximumBookBytes)
        return try load(bytes: bytes, file: file, expectedYear: expectedYear)
    }

    /// Loads a book from its bytes; `file` names it in messages.
    public static func load(bytes: [UInt8], file: String, expectedYear: Int? = nil) throws(InputError) -> TariffBook {
        let root = try parseInputJSON(bytes, file: file)
        return try load(json: root, collector: DiagnosticCollector(file: file), expectedYear: expectedYear)
    }

    /// Loads a book from a parsed JSON value.
    public static func load(json root: JSONValue, collector: DiagnosticCollector, expectedYear: Int? = nil) throws(InputError) -> TariffBook {
        var decoder = TariffBookDecoder(collector: collector)
        let decoded = decoder.decode(root)
        if let decoded, let expectedYear, decoded.year != expectedYear {
            collector.report(JSONPath.root.appending("year"),
                             "the book says year \(decoded.year), but it is filed as the book for \(expectedYear)")
        }
        let resolver = TariffBookResolver(collector: collector, declaredTariffs: decoder.declaredTariffs)
        if !collector.isEmpty {
            resolver.checkFormulas(decoder.pending)
        }
        try collector.throwIfAny()
        guard let decoded else {
            throw .invalid([Diagnostic(file: collector.file, path: .root, message: "not a tariff book")])
        }
        let resolved = resolver.resolve(decoded, pending: decoder.pending)
        try collector.throwIfAny()
        guard let resolved else {
            throw .invalid([Diagnostic(file: collector.file, path: .root, message: "not a tariff book")])
        }
        return resolved
    }
}
