import Catalogue
import JSON
import Money
import Pricing

/// The JSON form of `contract show --format json`: the agreement, its amendments, the periods of
/// lines with what each line costs per year, every year priced (the book with its hash, every
/// line as `price --format json` writes it, the totals), the totals over the term and the dBos
/// notice dates. Keys are sorted, money is a string with two decimals, dates are `yyyy-mm-dd`.
public enum AgreementViewJSON {
    /// The text, ending in a newline.
    public static func encode(_ view: AgreementView) -> String {
        JSONWriter.write(json(view))
    }

    /// The JSON value.
    public static func json(_ view: AgreementView) -> JSONValue {
        let agreement = view.state.agreement
        var root = JSONObject()
        root.set("agreement", .string(agreement.reference))
        root.set("municipality", .string(agreement.municipality))
        root.set("municipalityName", .string(view.municipalityName))
        if let title = view.state.title { root.set("title", .string(title)) }
        root.set("firstYear", integer(agreement.firstYear))
        root.set("lastYear", integer(agreement.lastYear))
        root.set("status", .string(agreement.status.rawValue))
        root.set("acceptedOn", .string(agreement.acceptedOn.description))
        root.set("quote", .string(view.state.quote.reference))
        root.set("payment", .string(agreement.payment.rawValue))
        root.set("on", view.date.map { .string($0.description) } ?? .null)
        root.set("amendments", .array(view.state.amendments.map { amendment in
            .object(["reference": .string(amendment.reference), "dated": .string(amendment.dated.description),
                     "fromYear": integer(amendment.fromYear)])
        }))
        root.set("periods", .array(view.periods.map(period)))
        root.set("years", .array(view.years.map { year(view, $0) }))
        root.set("totals", totals(view.totals))
        root.set("noticeDate", .string(view.noticeDate.description))
        root.set("schoolNotices", .array(view.schoolNotices.map(notice)))
        return .object(root)
    }

    private static func period(_ period: AgreementPeriod) -> JSONValue {
        var object: JSONObject = ["reference": .string(period.reference), "dated": .string(period.dated.description),
                                  "fromYear": integer(period.fromYear), "untilYear": integer(period.untilYear),
                                  "tookEffect": .bool(period.tookEffect)]
        object.set("lines", .array(period.lines.map { line in
            .object(["number": integer(line.number), "service": .string(line.service), "serviceName": .string(line.serviceName),
                     "subjects": .string(line.subjects), "details": .array(line.details.map(JSONValue.string)),
                     "years": .array(line.years.map { .object(["year": integer($0.year), "totals": totals($0.totals)]) })])
        }))
        return .object(object)
    }

    private static func year(_ view: AgreementView, _ year: PricedYear) -> JSONValue {
        var book: JSONObject = ["year": integer(year.bookYear), "status": .string(year.status.rawValue), "file": .string(year.bookFile)]
        if let record = view.state.quote.years.first(where: { $0.year == year.year }) { book.set("hash", .string(record.bookHash)) }
        if let from = year.projectedFrom { book.set("projectedFrom", integer(from)) }
        if let assumptions = year.assumptions {
            book.set("assumptions", .object(["wage": .string(assumptions.wage.plainString), "price": .string(assumptions.price.plainString),
                                             "mixedWeights": .object(["wage": .string(assumptions.weights.wage.description),
                                                                      "price": .string(assumptions.weights.price.description)])]))
        }
        return .object(["year": integer(year.year), "linesFrom": .string(view.reference(forYear: year.year)), "tariffBook": .object(book),
                        "lines": .array(year.lines.map(PricedOfferJSON.line)), "totals": totals(year.totals)])
    }

    private static func notice(_ notice: NoticeDate) -> JSONValue {
        .object(["school": notice.school.map(JSONValue.string) ?? .null, "schoolName": notice.schoolName.map(JSONValue.string) ?? .null,
                 "service": notice.service.map(JSONValue.string) ?? .null, "since": notice.startYear.map(integer) ?? .null,
                 "noticeBy": .string(notice.date.description), "endsAtTheEarliest": .string(notice.periodEnd.description)])
    }

    private static func totals(_ totals: PayerTotals) -> JSONValue {
        .object(["municipality": .string(totals.municipality.jsonString), "school": .string(totals.school.jsonString),
                 "schoolVat": .string(totals.schoolVAT.jsonString), "participants": .string(totals.participants.jsonString)])
    }

    private static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: Int64(value)))
    }
}
