import Catalogue
import JSON
import Money
import Support

/// The offerte and the uitvoeringsovereenkomst as JSON: the whole document model, with the same
/// numbers as the HTML and Markdown. Money is a string in the JSON form ("95116.00"), dates are
/// "2026-01-15", quantities are strings ("2.5"), years are numbers; an absent optional value is
/// `null`, so every document of a kind has the same keys. Keys are sorted, so reruns are
/// byte-identical.
public enum DocumentJSON {
    /// The offerte as JSON text, ending in a newline.
    public static func encode(_ document: QuoteDocument) -> String {
        JSONWriter.write(json(document))
    }

    /// The uitvoeringsovereenkomst as JSON text, ending in a newline.
    public static func encode(_ document: AgreementDocument) -> String {
        JSONWriter.write(json(document))
    }

    /// The offerte as a JSON value, with `"kind": "offerte"`.
    public static func json(_ document: QuoteDocument) -> JSONValue {
        var object = JSONObject()
        object.set("kind", "offerte")
        object.set("reference", .string(document.reference))
        object.set("version", integer(document.version))
        object.set("supersedes", optional(document.supersedes))
        object.set("date", date(document.date))
        object.set("validUntil", date(document.validUntil))
        object.set("supplier", party(document.supplier))
        object.set("municipality", party(document.municipality))
        object.set("title", optional(document.title))
        object.set("years", .array(document.years.map(year)))
        object.set("tiers", .array(document.tiers.map(tier)))
        object.set("totals", .array(document.totals.map(totals)))
        object.set("notes", .array(document.notes.map(JSONValue.string)))
        object.set("annexes", .array(document.annexes.map(annex)))
        if let coverage = document.coverage { object.set("coverage", coverageJSON(coverage)) }
        return .object(object)
    }

    private static func coverageJSON(_ coverage: DocumentCoverage) -> JSONValue {
        var object = JSONObject()
        object.set("summary", .array(coverage.summary.map(JSONValue.string)))
        object.set("criteria", .array(coverage.criteria.map { criterion in
            .object(JSONObject([
                .init(key: "kind", value: .string(criterion.kind)),
                .init(key: "name", value: .string(criterion.name)),
                .init(key: "covered", value: .bool(criterion.covered)),
                .init(key: "services", value: .array(criterion.services.map(JSONValue.string))),
            ]))
        }))
        object.set("basisGaps", .array(coverage.gaps.map { gap in
            var item = JSONObject()
            item.set("name", .string(gap.name))
            if let costs = gap.costs {
                item.set("costs", .array(costs.map { .string($0.jsonString) }))
            } else {
                item.set("notApplicable", .bool(true))
            }
            return .object(item)
        }))
        object.set("branches", .array(coverage.branches.map { branch in
            .object(JSONObject([
                .init(key: "name", value: .string(branch.name)),
                .init(key: "size", value: .string(branch.size)),
                .init(key: "functions", value: .array(branch.functions.map(integer))),
                .init(key: "need", value: integer(branch.need)),
                .init(key: "meetsNeed", value: .bool(branch.meetsNeed)),
            ]))
        }))
        return .object(object)
    }

    /// The uitvoeringsovereenkomst as a JSON value, with `"kind": "uitvoeringsovereenkomst"`.
    public static func json(_ document: AgreementDocument) -> JSONValue {
        var object = JSONObject()
        object.set("kind", "uitvoeringsovereenkomst")
        object.set("reference", .string(document.reference))
        object.set("quoteReference", .string(document.quoteReference))
        object.set("date", date(document.date))
        object.set("supplier", party(document.supplier))
        object.set("municipality", party(document.municipality))
        object.set("firstYear", integer(document.firstYear))
        object.set("lastYear", integer(document.lastYear))
        object.set("years", .array(document.years.map(year)))
        object.set("considerations", .array(document.considerations.map(JSONValue.string)))
        object.set("articles", .array(document.articles.map(article)))
        object.set("tiers", .array(document.tiers.map(tier)))
        object.set("totals", .array(document.totals.map(totals)))
        object.set("serviceLevels", .array(document.serviceLevels.map(serviceLevel)))
        object.set("instalments", .array(document.instalments.map(instalment)))
        object.set("annexes", .array(document.annexes.map(annex)))
        object.set("notes", .array(document.notes.map(JSONValue.string)))
        return .object(object)
    }

    // MARK: Parts

    private static func party(_ party: DocumentParty) -> JSONValue {
        var object = JSONObject()
        object.set("name", .string(party.name))
        object.set("role", .string(party.role))
        object.set("representative", optional(party.representative))
        return .object(object)
    }

    private static func year(_ year: DocumentYear) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(year.year))
        object.set("projected", .bool(year.projected))
        object.set("note", optional(year.note))
        return .object(object)
    }

    private static func tier(_ tier: DocumentTier) -> JSONValue {
        var object = JSONObject()
        object.set("name", .string(tier.name))
        object.set("programmeLines", .array(tier.programmeLines.map(programmeLine)))
        object.set("subtotal", yearAmounts(tier.subtotal))
        return .object(object)
    }

    private static func programmeLine(_ line: DocumentProgrammeLine) -> JSONValue {
        var object = JSONObject()
        object.set("name", .string(line.name))
        object.set("services", .array(line.services.map(service)))
        return .object(object)
    }

    private static func service(_ service: DocumentService) -> JSONValue {
        var object = JSONObject()
        object.set("code", .string(service.code))
        object.set("name", .string(service.name))
        object.set("section", .string(service.section))
        object.set("amounts", yearAmounts(service.amounts))
        object.set("oneOff", byYear(service.oneOff))
        object.set("hasQuote", .bool(service.hasQuote))
        object.set("hasIndicative", .bool(service.hasIndicative))
        return .object(object)
    }

    private static func yearAmounts(_ amounts: YearAmounts) -> JSONValue {
        var object = JSONObject()
        object.set("byYear", byYear(amounts.byYear))
        object.set("total", money(amounts.total))
        return .object(object)
    }

    /// Amounts keyed by year as an array of `{"year": 2026, "amount": "…"}` in year order, so
    /// the year stays a number (JSON object keys are always strings).
    private static func byYear(_ amounts: [Int: Money]) -> JSONValue {
        .array(amounts.keys.sorted().map { year in
            var object = JSONObject()
            object.set("year", integer(year))
            object.set("amount", money(amounts[year] ?? .zero))
            return .object(object)
        })
    }

    private static func totals(_ totals: DocumentTotals) -> JSONValue {
        var object = JSONObject()
        object.set("year", totals.year.map(integer) ?? .null)
        object.set("municipality", money(totals.municipality))
        object.set("oneOff", money(totals.oneOff))
        object.set("annual", money(totals.annual))
        object.set("school", money(totals.school))
        object.set("schoolVat", money(totals.schoolVAT))
        object.set("participants", money(totals.participants))
        return .object(object)
    }

    private static func annex(_ annex: DocumentAnnex) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(annex.year))
        object.set("projected", .bool(annex.projected))
        object.set("lines", .array(annex.lines.map(line)))
        object.set("totals", totals(annex.totals))
        return .object(object)
    }

    private static func line(_ line: DocumentLine) -> JSONValue {
        var object = JSONObject()
        object.set("service", .string(line.service))
        object.set("serviceName", .string(line.serviceName))
        object.set("component", .string(line.component))
        object.set("componentName", .string(line.componentName))
        object.set("tariff", optional(line.tariff))
        object.set("subject", optional(line.subject))
        object.set("quantity", .string(line.quantity.plainString))
        object.set("unitPrice", money(line.unitPrice))
        object.set("amount", money(line.amount))
        object.set("recurrence", .string(line.recurrence))
        object.set("payer", .string(line.payer))
        object.set("explanation", .string(line.explanation))
        object.set("quote", .bool(line.isQuote))
        object.set("indicative", .bool(line.isIndicative))
        return .object(object)
    }

    private static func article(_ article: DocumentArticle) -> JSONValue {
        var object = JSONObject()
        object.set("number", integer(article.number))
        object.set("title", .string(article.title))
        object.set("paragraphs", .array(article.paragraphs.map(JSONValue.string)))
        return .object(object)
    }

    private static func serviceLevel(_ level: DocumentServiceLevel) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(level.year))
        object.set("service", .string(level.service))
        object.set("school", .string(level.school))
        object.set("pupils", integer(level.pupils))
        object.set("name", .string(level.name))
        object.set("value", .string(level.value))
        object.set("note", optional(level.note))
        return .object(object)
    }

    private static func instalment(_ instalment: DocumentInstalment) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(instalment.year))
        object.set("period", .string(instalment.period))
        object.set("due", date(instalment.due))
        object.set("amount", money(instalment.amount))
        return .object(object)
    }

    // MARK: Scalars

    private static func money(_ amount: Money) -> JSONValue {
        .string(amount.jsonString)
    }

    private static func date(_ date: CalendarDate) -> JSONValue {
        .string(date.description)
    }

    private static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(integer: Int64(value)))
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
