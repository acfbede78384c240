import Catalogue
import JSON
import Money
import Pricing
import Support

/// The offerte, the uitvoeringsovereenkomst and the rekenbijlage as JSON: the whole document model, with the same
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

    /// The rekenbijlage as JSON text, ending in a newline.
    public static func encode(_ document: CalculationDocument) -> String {
        JSONWriter.write(json(document))
    }

    /// The offerte as a JSON value, with `"kind": "offerte"` and `"status": "final"` or `"concept"`.
    public static func json(_ document: QuoteDocument) -> JSONValue {
        var object = JSONObject()
        object.set("kind", "offerte")
        object.set("status", status(document.release))
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
        object.set("schoolVatRate", .string(document.schoolVATRate))
        object.set("conditions", .array(document.conditions.map(JSONValue.string)))
        object.set("notes", .array(document.notes.map(JSONValue.string)))
        object.set("checks", checks(document.checks))
        if let coverage = document.coverage { object.set("coverage", coverageJSON(coverage)) }
        return .object(object)
    }

    /// The rekenbijlage as a JSON value, with `"kind": "rekenbijlage"`.
    public static func json(_ document: CalculationDocument) -> JSONValue {
        var object = JSONObject()
        object.set("kind", "rekenbijlage")
        object.set("belongsTo", .string(document.belongsTo))
        object.set("date", date(document.date))
        object.set("supplier", optional(document.supplier))
        object.set("municipalityName", .string(document.municipality))
        object.set("years", .array(document.years.map(year)))
        object.set("annexes", .array(document.annexes.map(annex)))
        object.set("totals", .array(document.totals.map(totals)))
        object.set("illustrative", .array(document.illustrative.map { .string($0.dutch) }))
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
        object.set("status", status(document.release))
        object.set("reference", .string(document.reference))
        object.set("quoteReference", .string(document.quoteReference))
        object.set("quoteDate", date(document.quoteDate))
        object.set("acceptedOn", document.acceptedOn.map(date) ?? .null)
        object.set("date", date(document.date))
        object.set("supplier", party(document.supplier))
        object.set("municipality", party(document.municipality))
        object.set("firstYear", integer(document.firstYear))
        object.set("lastYear", integer(document.lastYear))
        object.set("years", .array(document.years.map(year)))
        object.set("considerations", .array(document.considerations.map(JSONValue.string)))
        object.set("articles", .array(document.articles.map(article)))
        object.set("annexes", .array(DocumentWording.agreementAnnexes.map(JSONValue.string)))
        object.set("activities", .array(document.activities.map(activity)))
        object.set("tiers", .array(document.tiers.map(tier)))
        object.set("totals", .array(document.totals.map(totals)))
        object.set("serviceLevels", .array(document.serviceLevels.map(serviceLevel)))
        object.set("instalments", .array(document.instalments.map(instalment)))
        object.set("books", .array(document.books.map(book)))
        object.set("checks", checks(document.checks))
        return .object(object)
    }

    // MARK: Parts

    /// "final" or "concept".
    private static func status(_ release: DocumentRelease) -> JSONValue {
        .string(release.isConcept ? "concept" : "final")
    }

    /// A party with the field names of `organisation.json` (and a profile's parties' data), so a
    /// stored document can be read back as parties' data; unknown values are null.
    static func party(_ party: DocumentParty) -> JSONValue {
        var object = JSONObject()
        object.set("legalName", optional(party.name))
        object.set("tradeName", optional(party.tradeName))
        object.set("alias", .string(party.alias))
        object.set("role", .string(party.role))
        object.set("address", party.address.map { address in
            .object(JSONObject([.init(key: "street", value: optional(address.street)), .init(key: "postcode", value: optional(address.postcode)),
                                .init(key: "city", value: optional(address.city)), .init(key: "country", value: .string(address.country))]))
        } ?? .null)
        object.set("kvk", optional(party.kvk))
        object.set("oin", optional(party.oin))
        object.set("vatNumber", optional(party.vatNumber))
        object.set("iban", optional(party.iban))
        object.set("signatory", party.signatory.map { signatory in
            .object(JSONObject([.init(key: "name", value: optional(signatory.name)), .init(key: "function", value: optional(signatory.function)),
                                .init(key: "mandate", value: optional(signatory.mandate))]))
        } ?? .null)
        object.set("contact", party.contact.map { contact in
            .object(JSONObject([.init(key: "name", value: optional(contact.name)), .init(key: "function", value: optional(contact.function)),
                                .init(key: "email", value: optional(contact.email)), .init(key: "phone", value: optional(contact.phone))]))
        } ?? .null)
        object.set("illustrative", .bool(party.illustrative))
        return .object(object)
    }

    /// What is missing (source, path, label) and what is illustrative.
    private static func checks(_ checks: DocumentChecks) -> JSONValue {
        var object = JSONObject()
        object.set("missing", .array(checks.missing.map { gap in
            .object(JSONObject([.init(key: "source", value: .string(gap.source)), .init(key: "path", value: .string(gap.path)),
                                .init(key: "label", value: .string(gap.label))]))
        }))
        object.set("illustrative", .array(checks.illustrative.map { .string($0.dutch) }))
        return .object(object)
    }

    private static func activity(_ activity: DocumentActivity) -> JSONValue {
        var object = JSONObject()
        object.set("service", .string(activity.service))
        object.set("description", optional(activity.description))
        object.set("commitments", .array(activity.commitments.map(JSONValue.string)))
        object.set("illustrative", .bool(activity.illustrative))
        return .object(object)
    }

    private static func book(_ book: DocumentBook) -> JSONValue {
        var object = JSONObject()
        object.set("year", integer(book.year))
        object.set("status", .string(book.status))
        object.set("hash", .string(book.hash))
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
        object.set("illustrative", .bool(service.illustrative))
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
        object.set("illustrative", .bool(line.illustrative))
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
        object.set("illustrative", .bool(level.illustrative))
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

extension DocumentJSON {
    /// A party read back from a stored document's JSON (`party(_:)`'s shape; a document stored
    /// before the parties' data had only a `name`), with `alias` and `role` when the JSON lacks them.
    static func party(from value: JSONValue?, alias: String, role: String) -> DocumentParty {
        guard let object = value?.objectValue else { return DocumentParty(name: nil, alias: alias, role: role) }
        func text(_ key: String, in object: JSONObject? = nil) -> String? { (object ?? value?.objectValue)?[key]?.stringValue }
        let address = object["address"]?.objectValue.map { address in
            PostalAddress(street: text("street", in: address), postcode: text("postcode", in: address), city: text("city", in: address),
                          country: text("country", in: address) ?? "NL")
        }
        let signatory = object["signatory"]?.objectValue.map { signatory in
            Signatory(name: text("name", in: signatory), function: text("function", in: signatory), mandate: text("mandate", in: signatory))
        }
        let contact = object["contact"]?.objectValue.map { contact in
            ContactPerson(name: text("name", in: contact), function: text("function", in: contact), email: text("email", in: contact),
                          phone: text("phone", in: contact))
        }
        var illustrative = false
        if case .bool(let flag)? = object["illustrative"] { illustrative = flag }
        return DocumentParty(name: text("legalName") ?? text("name"), tradeName: text("tradeName"), alias: text("alias") ?? alias,
                             role: text("role") ?? role, address: address, kvk: text("kvk"), oin: text("oin"), vatNumber: text("vatNumber"),
                             iban: text("iban"), signatory: signatory, contact: contact, illustrative: illustrative)
    }
}
