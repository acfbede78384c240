import Catalogue
import JSON
import Pricing

/// Offer lines in the database. Each is stored as the JSON of an offer file's line (the same
/// encoding a person reads in an offer file and in the audit log); this is the one place that
/// writes and reads that encoding, everything else handles typed `OfferLine`s.
enum StoredLines {
    /// One line's stored text.
    static func text(_ line: OfferLine) -> String {
        JSONWriter.write(OfferEncoder.lineJSON(line), pretty: false)
    }

    /// A list of lines stored in one column, as a JSON array.
    static func text(_ lines: [OfferLine]) -> String {
        JSONWriter.write(.array(lines.map(OfferEncoder.lineJSON)), pretty: false)
    }

    /// A line read back from `column` of `row`; one that does not decode is an error naming the
    /// table, the column, the row and what is wrong, never a line silently dropped.
    static func line(_ value: JSONValue, in row: Row, column: String) throws(StoreError) -> OfferLine {
        do {
            return try OfferLoader.line(json: value, file: column)
        } catch {
            let reason: String
            switch error {
            case .invalid(let diagnostics):
                reason = diagnostics.prefix(3).map { "\($0.path): \($0.message)" }.joined(separator: "; ")
            default:
                reason = error.description
            }
            throw row.bad(column, "expected an offer line, found one that does not decode (\(reason))")
        }
    }
}

extension Row {
    /// The offer line stored in `column`.
    func offerLine(_ column: String) throws(StoreError) -> OfferLine {
        try StoredLines.line(try json(column), in: self, column: column)
    }

    /// The offer lines stored in `column` as a JSON array.
    func offerLines(_ column: String) throws(StoreError) -> [OfferLine] {
        guard case .array(let values) = try json(column) else { throw bad(column, "expected a JSON array of offer lines") }
        var lines: [OfferLine] = []
        for value in values { lines.append(try StoredLines.line(value, in: self, column: column)) }
        return lines
    }
}
