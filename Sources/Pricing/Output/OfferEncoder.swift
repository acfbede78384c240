import JSON
import Money

/// Writes an offer in the offer file format (`*.offer.json`), so that what the tool composes can
/// be read back by `price`, `offer create --from` and the composer's own tests.
public enum OfferEncoder {
    /// The offer as JSON, with only the fields a line uses.
    public static func json(_ offer: Offer) -> JSONValue {
        var object = JSONObject()
        object.set("municipality", .string(offer.municipality))
        object.set("firstYear", .number(JSONNumber(integer: Int64(offer.firstYear))))
        object.set("years", .number(JSONNumber(integer: Int64(offer.years))))
        if let title = offer.title { object.set("title", .string(title)) }
        object.set("lines", .array(offer.lines.map(lineJSON)))
        return .object(object)
    }

    /// One line as JSON.
    public static func lineJSON(_ line: OfferLine) -> JSONValue {
        var object = JSONObject()
        object.set("service", .string(line.service))
        for kind in SubjectKind.allCases {
            if let ids = line.subjects[kind] { object.set(kind.field, .array(ids.map(JSONValue.string))) }
        }
        if let startYear = line.startYear { object.set("startYear", .number(JSONNumber(integer: Int64(startYear)))) }
        if let since = line.runningSince { object.set("runningSince", .number(JSONNumber(integer: Int64(since)))) }
        if let package = line.package { object.set("package", .string(package)) }
        if let level = line.level { object.set("level", .string(level)) }
        for (field, quantity) in line.numbers.sorted(by: { $0.key < $1.key }) {
            object.set(field, .number(JSONNumber(validatedText: quantity.plainString)))
        }
        if !line.quotes.isEmpty {
            let quotes = line.quotes.map { quote -> JSONValue in
                var item = JSONObject()
                if let component = quote.component { item.set("component", .string(component)) }
                item.set("amount", .string(quote.amount.jsonString))
                item.set("recurrence", .string(quote.recurrence.rawValue))
                item.set("description", .string(quote.description))
                return .object(item)
            }
            if quotes.count == 1 && !line.quotesGivenAsArray {
                object.set("quote", quotes[0])
            } else {
                object.set("quotes", .array(quotes))
            }
        }
        if let description = line.description { object.set("description", .string(description)) }
        return .object(object)
    }
}
