import Catalogue
import JSON
import Money

/// The JSON form of a priced offer, as fixed in `../shared/spec/interface.md` (with added fields:
/// `tariff`, `subjectName`, `quote`, `indicative`, `vat`, `description`, `serviceLevels`, and
/// `participants` and `schoolVat` in the totals). Keys are sorted, so reruns are byte-identical.
public enum PricedOfferJSON {
    /// The text, ending in a newline.
    public static func encode(_ offer: PricedOffer) -> String {
        JSONWriter.write(json(offer))
    }

    /// The JSON value.
    public static func json(_ offer: PricedOffer) -> JSONValue {
        var root = JSONObject()
        root.set("municipality", .string(offer.municipality))
        root.set("municipalityName", .string(offer.municipalityName))
        if let title = offer.title { root.set("title", .string(title)) }
        root.set("years", .array(offer.years.map(year)))
        root.set("totals", totals(offer.totals))
        return .object(root)
    }

    private static func year(_ year: PricedYear) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(year.year))
        var book = JSONObject([
            .init(key: "year", value: integer(year.bookYear)),
            .init(key: "status", value: .string(year.status.rawValue)),
            .init(key: "file", value: .string(year.bookFile)),
        ])
        if let from = year.projectedFrom { book.set("projectedFrom", integer(from)) }
        if let assumptions = year.assumptions {
            book.set("assumptions", .object(JSONObject([
                .init(key: "wage", value: .string(assumptions.wage.plainString)),
                .init(key: "price", value: .string(assumptions.price.plainString)),
                .init(key: "mixedWeights", value: .object(JSONObject([
                    .init(key: "wage", value: .string(assumptions.weights.wage.description)),
                    .init(key: "price", value: .string(assumptions.weights.price.description)),
                ]))),
            ])))
        }
        object.set("tariffBook", .object(book))
        object.set("lines", .array(year.lines.map(line)))
        object.set("serviceLevels", .array(year.serviceLevels.map(serviceLevel)))
        object.set("totals", totals(year.totals))
        return .object(object)
    }

    /// One priced line as JSON.
    public static func line(_ line: PricedLine) -> JSONValue {
        var object = JSONObject()
        object.set("service", .string(line.service))
        object.set("component", .string(line.component))
        object.set("tariff", line.tariff.map(JSONValue.string) ?? .null)
        object.set("subject", line.subject.map(JSONValue.string) ?? .null)
        object.set("subjectName", line.subjectName.map(JSONValue.string) ?? .null)
        object.set("quantity", .string(line.quantity.plainString))
        object.set("unitPrice", .string(line.unitPrice.jsonString))
        object.set("amount", .string(line.amount.jsonString))
        object.set("recurrence", .string(line.recurrence.rawValue))
        object.set("payer", .string(line.payer.rawValue))
        object.set("explanation", .string(line.explanation))
        object.set("quote", .bool(line.isQuote))
        object.set("indicative", .bool(line.isIndicative))
        if let vat = line.vat {
            object.set("vat", .object(JSONObject([
                .init(key: "rate", value: .string(vat.rate.plainString)),
                .init(key: "amount", value: .string(vat.amount.jsonString)),
            ])))
        }
        if let description = line.description { object.set("description", .string(description)) }
        return .object(object)
    }

    private static func serviceLevel(_ level: ServiceLevelStatement) -> JSONValue {
        var object = JSONObject()
        object.set("service", .string(level.service))
        object.set("level", .string(level.level))
        object.set("name", .string(level.name))
        object.set("subject", .string(level.subject))
        object.set("subjectName", .string(level.subjectName))
        object.set("pupils", integer(level.pupils))
        object.set("value", .string(level.value.plainString))
        object.set("unit", .string(level.unit))
        if let note = level.note { object.set("note", .string(note)) }
        return .object(object)
    }

    private static func totals(_ totals: PayerTotals) -> JSONValue {
        .object(JSONObject([
            .init(key: "municipality", value: .string(totals.municipality.jsonString)),
            .init(key: "school", value: .string(totals.school.jsonString)),
            .init(key: "schoolVat", value: .string(totals.schoolVAT.jsonString)),
            .init(key: "participants", value: .string(totals.participants.jsonString)),
        ]))
    }

    private static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: Int64(value)))
    }
}

/// The CSV form for finance's spreadsheets: one row per line and year, amounts in the JSON form,
/// RFC 4180 quoting, and text that a spreadsheet would run as a formula neutralised.
public enum PricedOfferCSV {
    /// The column names, in order.
    public static let header = [
        "municipality", "year", "tariff_book_year", "tariff_book_status", "service", "component", "tariff",
        "subject", "subject_name", "quantity", "unit_price", "amount", "recurrence", "payer", "quote",
        "indicative", "vat_rate", "vat_amount", "description", "explanation",
    ]

    /// The text, with a header row, CRLF line ends as RFC 4180 asks.
    public static func encode(_ offer: PricedOffer) -> String {
        var rows = [header.joined(separator: ",")]
        for year in offer.years {
            for line in year.lines {
                let cells: [String] = [
                    text(offer.municipality), String(year.year), String(year.bookYear), year.status.rawValue,
                    text(line.service), text(line.component), text(line.tariff ?? ""), text(line.subject ?? ""),
                    text(line.subjectName ?? ""), line.quantity.plainString, line.unitPrice.jsonString,
                    line.amount.jsonString, line.recurrence.rawValue, line.payer.rawValue,
                    line.isQuote ? "true" : "false", line.isIndicative ? "true" : "false",
                    line.vat?.rate.plainString ?? "", line.vat?.amount.jsonString ?? "",
                    text(line.description ?? ""), text(line.explanation),
                ]
                rows.append(cells.joined(separator: ","))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// A text cell, safe in a spreadsheet that splits on `,` or on `;` (OWASP's advice on CSV
    /// injection): a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front so a
    /// spreadsheet shows it instead of running it, unless the cell is a plain number such as
    /// `-3.50`; then quoted when it holds a comma, semicolon, quote or line break, so that
    /// `x;=1+1;y` stays one cell and never reaches a spreadsheet as the formula `=1+1`.
    public static func text(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           !isPlainNumber(value) {
            value = "'" + value
        }
        if value.unicodeScalars.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }
        return value
    }

    /// `-?[0-9]+(\.[0-9]+)?`: a number a spreadsheet reads as a number, never as a formula.
    static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }
}
