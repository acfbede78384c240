import Catalogue
import JSON
import Money
import Support

/// Reads an offer's shape: fields, types and limits. Whether the offer makes sense for a
/// profile and the tariff books is `OfferValidator`'s job.
public enum OfferLoader {
    /// Loads the offer in `file`; `lineNumberFields` are the numeric line fields the tariff books
    /// name (such as `hoursPerWeek`), which the offer may use besides the built-in ones.
    public static func load(file: String, lineNumberFields: Set<String> = []) throws(InputError) -> Offer {
        try load(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), file: file, lineNumberFields: lineNumberFields)
    }

    /// Loads an offer from its bytes; `file` names it in messages.
    public static func load(bytes: [UInt8], file: String, lineNumberFields: Set<String> = []) throws(InputError) -> Offer {
        try load(json: try parse(bytes: bytes, file: file), file: file, lineNumberFields: lineNumberFields)
    }

    /// Parses the JSON of an offer file.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> JSONValue {
        try parseInputJSON(bytes, file: file)
    }

    /// Decodes a parsed offer; `lineNumberFields` nil accepts any number field in a line (the
    /// books are checked when the offer is priced, as for a stored offer).
    public static func load(json root: JSONValue, file: String, lineNumberFields: Set<String>?) throws(InputError) -> Offer {
        let collector = DiagnosticCollector(file: file)
        let offer = decode(root, collector: collector, lineNumberFields: lineNumberFields)
        try collector.throwIfAny()
        guard let offer else { throw .invalid([Diagnostic(file: file, path: .root, message: "not an offer")]) }
        return offer
    }

    /// The years an offer runs, read leniently before the offer is decoded, so the books of
    /// those years can be loaded first; nil when they cannot be read (decoding then says why).
    public static func years(of root: JSONValue) -> ClosedRange<Int>? {
        guard case .number(let first)? = root.objectValue?["firstYear"], let firstYear = first.int64Value,
              case .number(let count)? = root.objectValue?["years"], let years = count.int64Value,
              InputLimits.calendarYears.contains(Int(firstYear)), InputLimits.offerYears.contains(Int(years)) else {
            return nil
        }
        return Int(firstYear)...Int(firstYear + years - 1)
    }

    /// The numeric line fields every offer may use.
    public static let builtInNumberFields: Set<String> = ["hours", "hoursPerWeek", "participantsPerActivity", "activities", "biebFabriekSeries"]

    /// The fields a line may have besides the numbers given for it.
    static let lineFields: Set<String> = Set(["service", "startYear", "runningSince", "package", "level", "description", "quote", "quotes"]
                                             + SubjectKind.allCases.map(\.field))

    /// Decodes one line on its own (a line stored in the database, or `--line`), accepting any
    /// number field: which number fields the books name is checked when the offer is priced
    /// (`unknownNumberFields`), so a stored line decodes without the books.
    public static func line(json: JSONValue, file: String, at path: JSONPath = .root) throws(InputError) -> OfferLine {
        let collector = DiagnosticCollector(file: file)
        let line = decodeLine(json, at: path, collector: collector, numberFields: anyNumberFields(of: json))
        try collector.throwIfAny()
        guard let line else { throw .invalid([Diagnostic(file: file, path: path, message: "not an offer line")]) }
        return line
    }

    /// Every field of a line object that is not one of the line's own fields, read as a number.
    private static func anyNumberFields(of line: JSONValue) -> Set<String> {
        let keys = line.objectValue.map { $0.members.map(\.key) } ?? []
        return Set(keys).subtracting(lineFields).union(builtInNumberFields)
    }

    /// The number fields of typed lines that neither the tool nor the books name, reported as
    /// the decoder reports an unknown field of a line read from a file.
    public static func unknownNumberFields(_ offer: Offer, lineNumberFields: Set<String>, file: String) -> [Diagnostic] {
        let allowed = builtInNumberFields.union(lineNumberFields)
        let known = Array(lineFields.union(allowed)).sorted()
        var result: [Diagnostic] = []
        for (index, line) in offer.lines.enumerated() {
            for field in line.numbers.keys.sorted() where !allowed.contains(field) {
                var message = "unknown field \"\(field)\""
                if let hint = didYouMean(suggestions(for: field, among: known)) { message += "; " + hint }
                result.append(Diagnostic(file: file, path: JSONPath.root.appending("lines").appending(index: index).appending(field), message: message))
            }
        }
        return result
    }

    static func decode(_ root: JSONValue, collector: DiagnosticCollector, lineNumberFields: Set<String>?) -> Offer? {
        guard let reader = ObjectReader(root, at: .root, collector: collector) else { return nil }
        let municipality = reader.code("municipality")
        let firstYear = reader.integer("firstYear", in: InputLimits.calendarYears)
        let years = reader.integer("years", in: InputLimits.offerYears)
        let title = reader.documentText("title", required: false)
        _ = reader.string("notes", required: false)
        var lines: [OfferLine] = []
        if let elements = reader.array("lines") {
            if elements.isEmpty {
                collector.report(reader.path.appending("lines"), "an offer needs at least one line")
            } else if elements.count > InputLimits.offerLines {
                collector.report(reader.path.appending("lines"), "an offer has at most \(InputLimits.offerLines) lines, found \(elements.count)")
            } else {
                for element in elements {
                    let numberFields = lineNumberFields.map(builtInNumberFields.union) ?? anyNumberFields(of: element.value)
                    if let line = decodeLine(element.value, at: element.path, collector: collector, numberFields: numberFields) {
                        lines.append(line)
                    }
                }
            }
        }
        reader.finish()
        guard let municipality, let firstYear, let years else { return nil }
        return Offer(municipality: municipality, firstYear: firstYear, years: years, lines: lines, title: title)
    }

    private static func decodeLine(_ value: JSONValue, at path: JSONPath, collector: DiagnosticCollector,
                                   numberFields: Set<String>) -> OfferLine? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        defer { reader.finish() }
        let service = reader.code("service")
        var subjects: [SubjectKind: [String]] = [:]
        for kind in SubjectKind.allCases {
            guard let elements = reader.array(kind.field, required: false) else { continue }
            if elements.isEmpty {
                collector.report(path.appending(kind.field),
                                 "expected at least one \(kind.noun) id; leave out \"\(kind.field)\" to take every matching \(kind.noun) of the profile")
                continue
            }
            let ids = elements.compactMap { collector.code($0.value, at: $0.path) }
            if ids.count == elements.count { subjects[kind] = ids }
        }
        let startYear = reader.integer("startYear", in: InputLimits.calendarYears, required: false)
        let runningSince = reader.integer("runningSince", in: 1900...2999, required: false)
        let package = reader.code("package", required: false)
        let level = reader.code("level", required: false)
        let description = reader.documentText("description", required: false)
        var numbers: [String: Quantity] = [:]
        for field in numberFields.sorted() where reader.has(field) {
            guard let quantity = reader.quantity(field) else { continue }
            let limit = (try? Quantity(parsing: InputLimits.lineNumbers[field] ?? InputLimits.otherLineNumber)) ?? Quantity(1_000_000)
            let zeroAllowed = field == "biebFabriekSeries"
            let whole = InputLimits.wholeLineNumbers.contains(field)
            if quantity < Quantity(0) || (!zeroAllowed && quantity == Quantity(0)) || quantity > limit
                || (whole && !quantity.isInteger) {
                collector.report(path.appending(field),
                                 "expected a \(whole ? "whole " : "")number \(zeroAllowed ? "from 0" : "greater than 0") up to \(limit.plainString), found \(quantity.plainString)")
                continue
            }
            numbers[field] = quantity
        }
        var quotes: [QuoteInput] = []
        if reader.has("quote") && reader.has("quotes") {
            _ = reader.value("quote"); _ = reader.value("quotes")
            collector.report(path, "give either \"quote\" or \"quotes\", not both")
        } else if let quoteReader = reader.object("quote", required: false) {
            if let quote = decodeQuote(quoteReader) { quotes.append(quote) }
        } else if let elements = reader.array("quotes", required: false) {
            for element in elements {
                guard let quoteReader = ObjectReader(element.value, at: element.path, collector: collector) else { continue }
                if let quote = decodeQuote(quoteReader) { quotes.append(quote) }
            }
        }
        guard let service else { return nil }
        var line = OfferLine(service: service, subjects: subjects, startYear: startYear, runningSince: runningSince,
                             package: package, level: level, numbers: numbers, quotes: quotes, description: description)
        line.quotesGivenAsArray = reader.has("quotes")
        return line
    }

    private static func decodeQuote(_ reader: ObjectReader) -> QuoteInput? {
        defer { reader.finish() }
        let component = reader.code("component", required: false)
        var amount = reader.money("amount")
        if let value = amount, value.cents > InputLimits.maximumQuoteCents {
            reader.collector.report(reader.path.appending("amount"),
                                    "a custom quote is at most 10000000.00 euro, found \(value.jsonString)")
            amount = nil
        }
        let recurrence = reader.choice("recurrence", QuoteRecurrence.self, named: "quote recurrence")
        let description = reader.documentText("description")
        guard let amount, let recurrence, let description else { return nil }
        return QuoteInput(component: component, amount: amount,
                          recurrence: recurrence == .annual ? .annual : .oneOff, description: description)
    }
}

/// The recurrences a custom quote may have.
enum QuoteRecurrence: String, CaseIterable {
    case annual
    case oneOff = "one-off"
}
