import Catalogue
import Contracts
import Money
import Pricing
import Support

/// A value an option or a positional argument converts its text into. Every typed option reads
/// through this one protocol, so the same kind of value is accepted, bounded and explained the
/// same way in every command.
protocol ArgumentValue: Sendable {
    /// The value of `text`, or nil when it is not one; `expectation` then says what was expected.
    static func convert(_ text: String) -> Self?
    /// What a valid value looks like, for the error: "a year from 2000 to 2999, like 2026".
    static var expectation: String { get }
}

extension String: ArgumentValue {
    /// Any text without control characters (a NUL cannot pass to the store or a document).
    static func convert(_ text: String) -> String? {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? nil : text
    }
    static var expectation: String { "text without control characters" }
}

/// Text that passes into a document or the store (a title, a reference, a reason): the rule of
/// `DocumentText`, no control characters and no bidirectional overrides or isolates.
struct DocumentTextValue: ArgumentValue {
    var text: String

    static func convert(_ text: String) -> DocumentTextValue? {
        DocumentText.problem(in: text) == nil ? DocumentTextValue(text: text) : nil
    }
    static var expectation: String { "text without control characters or bidirectional override characters" }
}

/// A calendar year the tool prices: within `InputLimits.calendarYears`.
struct Year: ArgumentValue, Hashable {
    var value: Int

    static func convert(_ text: String) -> Year? {
        guard text.utf8.count == 4, let year = Int(text), InputLimits.calendarYears.contains(year) else { return nil }
        return Year(value: year)
    }
    static var expectation: String {
        "a year from \(InputLimits.calendarYears.lowerBound) to \(InputLimits.calendarYears.upperBound), like 2026"
    }
}

/// A span of years written `2026-2028` (or one year, `2026`), within the calendar years and the
/// longest offer.
struct YearSpan: ArgumentValue {
    var first: Int
    var count: Int

    static func convert(_ text: String) -> YearSpan? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let first = Year.convert(parts[0]) else { return nil }
        let last = parts.count == 2 ? Year.convert(parts[1]) : first
        guard let last, last.value >= first.value else { return nil }
        let count = last.value - first.value + 1
        guard InputLimits.offerYears.contains(count) else { return nil }
        return YearSpan(first: first.value, count: count)
    }
    static var expectation: String {
        "a year like 2026 or a span like 2026-2028 of at most \(InputLimits.offerYears.upperBound) years, from \(InputLimits.calendarYears.lowerBound) to \(InputLimits.calendarYears.upperBound)"
    }
}

/// A date `yyyy-mm-dd` within the calendar years the tool prices.
extension CalendarDate: ArgumentValue {
    static func convert(_ text: String) -> CalendarDate? {
        guard let date = CalendarDate(parsing: text), InputLimits.calendarYears.contains(date.year) else { return nil }
        return date
    }
    static var expectation: String {
        "a date yyyy-mm-dd from \(InputLimits.calendarYears.lowerBound)-01-01 to \(InputLimits.calendarYears.upperBound)-12-31, like 2026-01-15"
    }
}

/// A whole count within bounds; `Bounds` names the range and the unit.
protocol CountBounds: Sendable {
    static var range: ClosedRange<Int> { get }
    static var unit: String { get }
}

/// A whole number within `Bounds.range`, written in plain digits.
struct Count<Bounds: CountBounds>: ArgumentValue {
    var value: Int

    static func convert(_ text: String) -> Count? {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let value = Int(text), Bounds.range.contains(value) else { return nil }
        return Count(value: value)
    }
    static var expectation: String {
        "a whole number of \(Bounds.unit) from \(Bounds.range.lowerBound) to \(Bounds.range.upperBound)"
    }
}

/// How long a quote can be accepted.
enum ValidityDays: CountBounds {
    static let range = 1...365
    static let unit = "days"
}

/// A line of an offer or an agreement, counting from 1.
enum LineNumbers: CountBounds {
    static let range = 1...InputLimits.offerLines
    static let unit = "a line (counting from 1)"
}

/// How far ahead a listing of notice dates looks.
enum NoticeMonths: CountBounds {
    static let range = 1...240
    static let unit = "months"
}

/// How many next-best offers the composer shows.
enum Alternatives: CountBounds {
    static let range = 0...20
    static let unit = "offers"
}

/// How many years an offer runs.
enum OfferYearCount: CountBounds {
    static let range = InputLimits.offerYears
    static let unit = "years"
}

/// The number of an offer in the store, a positive integer.
struct OfferNumber: ArgumentValue, Hashable {
    var value: Int64

    static func convert(_ text: String) -> OfferNumber? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let value = Int64(text), value > 0 else { return nil }
        return OfferNumber(value: value)
    }
    static var expectation: String { "an offer number like 3 ('catalogue-cli offer list' shows them)" }
}

/// An amount of money, in the machine form (`1300000.50`) or the Dutch form (`1.300.000,50`,
/// `€ 1.300.000,50`, `3,75`).
extension Money: ArgumentValue {
    static func convert(_ text: String) -> Money? {
        var trimmed = Substring(text)
        if trimmed.hasPrefix("€") { trimmed = trimmed.dropFirst().drop { $0 == " " } }
        guard let plain = DutchDecimal.plain(String(trimmed)) else { return nil }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, (parts.count == 1 || (1...2).contains(parts[1].count)) else { return nil }
        let normalized = parts.count == 1 ? plain + ".00" : (parts[1].count == 1 ? plain + "0" : plain)
        guard let amount = try? Money(parsing: normalized), amount >= .zero else { return nil }
        return amount
    }
    static var expectation: String { "an amount of zero or more in euros like 1300000, 1300000.50 or 1.300.000,50" }
}

/// A percentage with at most two decimals, `3.75` or `3,75`.
extension Percentage: ArgumentValue {
    static func convert(_ text: String) -> Percentage? {
        guard let plain = DutchDecimal.plain(text) else { return nil }
        return try? Percentage(parsing: plain)
    }
    static var expectation: String { "a percentage with at most two decimals like 3.75 or 3,75 (no % sign)" }
}

/// A quantity such as hours, `40`, `40.5` or `40,5`; greater than zero.
extension Quantity: ArgumentValue {
    static func convert(_ text: String) -> Quantity? {
        guard let plain = DutchDecimal.plain(text), let value = try? Quantity(parsing: plain), value > Quantity(0) else { return nil }
        return value
    }
    static var expectation: String { "a number greater than zero like 40, 40.5 or 40,5" }
}

/// A fraction from 0 to 1, `2/3`, `0.5` or `0,5`.
extension Rational: ArgumentValue {
    static func convert(_ text: String) -> Rational? {
        let plain = text.contains("/") ? text : DutchDecimal.plain(text)
        guard let plain, let share = try? Rational(parsingFraction: plain), share >= .zero, share <= .one else { return nil }
        return share
    }
    static var expectation: String { "a fraction from 0 to 1 like 2/3 or 0.5" }
}

extension PaymentSchedule: ArgumentValue {
    static func convert(_ text: String) -> PaymentSchedule? { PaymentSchedule(rawValue: text) }
    static var expectation: String { "quarterly, monthly or yearly" }
}

/// Reads the decimal notations people type: the machine form `1300000.50`, and the Dutch form
/// with a decimal comma and optional thousands dots `1.300.000,50`. `1.300` alone is refused as
/// ambiguous (one thousand three hundred to a Dutch reader, one point three to a machine).
enum DutchDecimal {
    /// The machine form of `text`, or nil when it is not a decimal in either notation.
    static func plain(_ text: String) -> String? {
        guard text.utf8.count <= 40, !text.isEmpty else { return nil }
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = sign.isEmpty ? Substring(text) : text.dropFirst()
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let commas = body.filter { $0 == "," }.count
        if commas > 1 { return nil }
        if commas == 1 {
            let halves = body.split(separator: ",", omittingEmptySubsequences: false)
            guard !halves[1].isEmpty, !halves[1].contains("."), let whole = grouped(halves[0]) else { return nil }
            return sign + whole + "." + halves[1]
        }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count == 1 { return body.isEmpty ? nil : sign + body }
        if groups.count == 2 {
            // "1.300" is ambiguous; "1.30" and "2.1" are machine decimals.
            guard groups[1].count != 3, !groups[0].isEmpty, !groups[1].isEmpty else { return nil }
            return sign + body
        }
        return grouped(body).map { sign + $0 }
    }

    /// `1.300.000` as `1300000`; digits without dots as they are; nil for misplaced dots.
    private static func grouped(_ text: Substring) -> String? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let head = groups.first, !head.isEmpty, head.count <= (groups.count > 1 ? 3 : 40) else { return nil }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined()
    }
}
