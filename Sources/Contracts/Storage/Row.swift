import Catalogue
import CSQLite
import JSON
import Money
import Support

/// One row of a query, read by column name. Every accessor checks the stored value against what
/// the schema promises and throws a `StoreError` naming the table, the column and the row when it
/// is not: a bad value never becomes a default.
public struct Row: Sendable {
    /// The table the row comes from, for errors.
    public let table: String
    let key: [String]
    let index: [String: Int]
    let values: [SQLValue]
    let kinds: [Int32]

    /// The row's identity for errors: "id 3", or "offer_id 3, position 2".
    public var identity: String {
        key.map { name in
            let value = index[name].map { values[$0] } ?? .null
            switch value {
            case .integer(let number): return "\(name) \(number)"
            case .text(let text): return "\(name) '\(text)'"
            case .null: return "\(name) NULL"
            }
        }.joined(separator: ", ")
    }

    /// The error for `column`.
    public func bad(_ column: String, _ message: String) -> StoreError {
        StoreError.badValue(table: table, column: column, row: identity, message)
    }

    private func raw(_ column: String) throws(StoreError) -> (value: SQLValue, kind: Int32) {
        guard let offset = index[column] else {
            throw StoreError(operation: "read \(table)", message: "the query has no column \(column)", code: SQLITE_ERROR, sql: nil,
                             table: table, column: column, row: identity)
        }
        return (values[offset], kinds[offset])
    }

    private func found(_ value: SQLValue, _ kind: Int32) -> String {
        switch (value, kind) {
        case (.null, _): "NULL"
        case (.integer(let number), _): "the integer \(number)"
        case (.text(let text), SQLITE_FLOAT): "the real number \(text)"
        case (.text, SQLITE_BLOB): "a blob"
        case (.text(let text), _): "the text '\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
    }

    /// An integer that may be NULL.
    public func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        let (value, kind) = try raw(column)
        switch value {
        case .null: return nil
        case .integer(let number): return number
        case .text: throw bad(column, "expected an integer, found \(found(value, kind))")
        }
    }

    /// An integer.
    public func integer(_ column: String) throws(StoreError) -> Int64 {
        guard let number = try optionalInteger(column) else { throw bad(column, "expected an integer, found NULL") }
        return number
    }

    /// An integer within `range` (years, counts, positions).
    public func int(_ column: String, in range: ClosedRange<Int> = Int(Int32.min)...Int(Int32.max)) throws(StoreError) -> Int {
        let number = try integer(column)
        guard number >= Int64(range.lowerBound), number <= Int64(range.upperBound) else {
            throw bad(column, "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(number)")
        }
        return Int(number)
    }

    /// An integer within `range` that may be NULL.
    public func optionalInt(_ column: String, in range: ClosedRange<Int> = Int(Int32.min)...Int(Int32.max)) throws(StoreError) -> Int? {
        guard try optionalInteger(column) != nil else { return nil }
        return try int(column, in: range)
    }

    /// Text that may be NULL.
    public func optionalText(_ column: String) throws(StoreError) -> String? {
        let (value, kind) = try raw(column)
        switch (value, kind) {
        case (.null, _): return nil
        case (.text(let text), SQLITE_TEXT): return text
        default: throw bad(column, "expected text, found \(found(value, kind))")
        }
    }

    /// Text.
    public func text(_ column: String) throws(StoreError) -> String {
        guard let text = try optionalText(column) else { throw bad(column, "expected text, found NULL") }
        return text
    }

    /// An amount in cents.
    public func money(_ column: String) throws(StoreError) -> Money {
        let cents = try integer(column)
        do { return try Money(cents: cents) } catch {
            throw bad(column, "expected an amount in cents within ±\(Money.maximumCents), found \(cents)")
        }
    }

    /// A date stored as yyyy-mm-dd.
    public func date(_ column: String) throws(StoreError) -> CalendarDate {
        let text = try text(column)
        guard let date = CalendarDate(parsing: text), date.description == text else {
            throw bad(column, "expected a date like 2026-01-15, found '\(text)'")
        }
        return date
    }

    /// A value of a closed set of names (a status, a payment schedule).
    public func value<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws(StoreError) -> Value
        where Value.RawValue == String, Value: CaseIterable {
        try value(column, names: Value.allCases.map(\.rawValue))
    }

    /// A value of a closed set of names, listed in `names` for the error.
    public func value<Value: RawRepresentable>(_ column: String, names: [String], as type: Value.Type = Value.self) throws(StoreError) -> Value
        where Value.RawValue == String {
        let text = try text(column)
        guard let value = Value(rawValue: text) else {
            throw bad(column, "expected one of \(names.map { "'\($0)'" }.joined(separator: ", ")), found '\(text)'")
        }
        return value
    }

    /// JSON text.
    public func json(_ column: String) throws(StoreError) -> JSONValue {
        let text = try text(column)
        do { return try JSONParser.parse(text) } catch {
            throw bad(column, "expected JSON, found text that does not parse: \(error)")
        }
    }
}
