import Catalogue
import JSON
import Money
import Pricing
import Support

/// Before, change and after of one amount.
public struct BeforeAfter: Sendable, Equatable {
    public var before: Money
    public var after: Money
    /// after − before.
    public var change: Money

    init(before: Money, after: Money) throws(MoneyError) {
        self.before = before
        self.after = after
        change = try after.subtracting(before)
    }
}

/// One year of an amendment: what each payer pays before and after.
public struct AmendmentYear: Sendable, Equatable {
    public var year: Int
    /// Whether the year's book is projected (its amounts are then indicative until the book is published).
    public var projected: Bool
    public var municipality: BeforeAfter
    public var school: BeforeAfter
    public var participants: BeforeAfter
}

/// A service whose amount for the municipality changes, per year.
public struct AmendmentService: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Per year of the amendment.
    public var byYear: [Int: BeforeAfter]
}

/// The wijziging (amendment) of an uitvoeringsovereenkomst, independent of its format.
public struct AmendmentDocument: Sendable, Equatable {
    public var reference: String
    public var sequence: Int
    public var agreementReference: String
    public var agreementDate: CalendarDate
    public var date: CalendarDate
    public var municipalityCode: String
    public var municipalityName: String
    public var fromYear: Int
    public var lastYear: Int
    /// The changes, in Dutch.
    public var changes: [String]
    /// Every year from `fromYear` to the end of the term.
    public var years: [AmendmentYear]
    /// The services whose amount changes.
    public var services: [AmendmentService]
    /// What the municipality pays over the amended years.
    public var total: BeforeAfter
    /// The parties, as the agreement names them.
    public var supplier: DocumentParty
    public var municipality: DocumentParty
    /// The illustrative data the changed amounts rest on.
    public var illustrative: [DocumentIllustration]

    /// "2027–2028", or "2028" for one year.
    public var span: String { fromYear == lastYear ? String(fromYear) : "\(fromYear)–\(lastYear)" }

    static func build(reference: String, sequence: Int, agreement: AgreementRecord, name: String, fromYear: Int, date: CalendarDate,
                      changes: [String], before: [PricedYear], after: [PricedYear], books: PricingBooks,
                      parties: (supplier: DocumentParty, municipality: DocumentParty), profile: MunicipalityProfile?) throws(MoneyError) -> AmendmentDocument {
        var years: [AmendmentYear] = []
        var perService: [String: [Int: (Money, Money)]] = [:]
        var totalBefore = Money.zero
        var totalAfter = Money.zero
        for year in fromYear...agreement.lastYear {
            let old = before.first { $0.year == year }
            let new = after.first { $0.year == year }
            let oldTotals = old?.totals ?? PayerTotals()
            let newTotals = new?.totals ?? PayerTotals()
            years.append(AmendmentYear(year: year, projected: (new?.status ?? old?.status) == .projected,
                                       municipality: try BeforeAfter(before: oldTotals.municipality, after: newTotals.municipality),
                                       school: try BeforeAfter(before: oldTotals.school, after: newTotals.school),
                                       participants: try BeforeAfter(before: oldTotals.participants, after: newTotals.participants)))
            totalBefore = try totalBefore.adding(oldTotals.municipality)
            totalAfter = try totalAfter.adding(newTotals.municipality)
            for line in old?.lines ?? [] where line.payer == .municipality {
                let entry = perService[line.service, default: [:]][year] ?? (.zero, .zero)
                perService[line.service, default: [:]][year] = (try entry.0.adding(line.amount), entry.1)
            }
            for line in new?.lines ?? [] where line.payer == .municipality {
                let entry = perService[line.service, default: [:]][year] ?? (.zero, .zero)
                perService[line.service, default: [:]][year] = (entry.0, try entry.1.adding(line.amount))
            }
        }
        let book = books[fromYear]?.book
        let order = Dictionary(uniqueKeysWithValues: (book?.services ?? []).enumerated().map { ($1.code, $0) })
        var services: [AmendmentService] = []
        for (code, amounts) in perService where amounts.values.contains(where: { $0.0 != $0.1 }) {
            var byYear: [Int: BeforeAfter] = [:]
            for year in fromYear...agreement.lastYear {
                let (old, new) = amounts[year] ?? (.zero, .zero)
                byYear[year] = try BeforeAfter(before: old, after: new)
            }
            services.append(AmendmentService(code: code, name: book?.service(code)?.name ?? code, byYear: byYear))
        }
        services.sort { (order[$0.code] ?? Int.max, $0.code) < (order[$1.code] ?? Int.max, $1.code) }
        let changedLines = after.flatMap(\.lines).filter { line in services.contains { $0.code == line.service } }
        var illustrative = DocumentBuilder.partyIllustrations(supplier: parties.supplier, municipality: parties.municipality)
        illustrative += IllustrativeData(profile).illustrations(of: changedLines)
        return AmendmentDocument(
            reference: reference, sequence: sequence, agreementReference: agreement.reference, agreementDate: agreement.acceptedOn,
            date: date, municipalityCode: agreement.municipality, municipalityName: name, fromYear: fromYear,
            lastYear: agreement.lastYear, changes: changes, years: years, services: services,
            total: try BeforeAfter(before: totalBefore, after: totalAfter),
            supplier: parties.supplier, municipality: parties.municipality, illustrative: illustrative)
    }
}

/// The fixed Dutch wording of an amendment, shared by the HTML and Markdown renderers.
enum AmendmentWording {
    static func title(_ document: AmendmentDocument) -> String {
        "Wijziging \(document.sequence) van uitvoeringsovereenkomst \(document.agreementReference)"
    }

    static func introduction(_ document: AmendmentDocument) -> String {
        "Partijen wijzigen de uitvoeringsovereenkomst \(document.agreementReference) van \(document.agreementDate.dutchString) "
            + "met ingang van 1 januari \(document.fromYear) tot het einde van de looptijd op 31 december \(document.lastYear). "
            + "De wijzigingen en hun gevolgen per jaar staan hieronder. Alle bedragen zijn berekend met de tariefboeken "
            + "waarmee de overeenkomst is aangegaan; de jaren vóór \(document.fromYear) blijven ongewijzigd."
    }

    static let unchanged = "Alle overige bepalingen van de uitvoeringsovereenkomst blijven ongewijzigd van kracht. Deze wijziging maakt er deel van uit."
    static let projectedNote = "Een jaar met ‘(raming)’ heeft nog geen gepubliceerd tariefboek; het bedrag volgt het tariefboek van dat jaar zodra het is gepubliceerd (artikel 4 van de overeenkomst)."

    static func yearLabel(_ year: AmendmentYear) -> String { year.projected ? "\(year.year) (raming)" : String(year.year) }
}

extension RenderedDocuments {
    /// Renders an amendment.
    public init(_ document: AmendmentDocument) {
        self.init(html: AmendmentRenderer.html(document), markdown: AmendmentRenderer.markdown(document),
                  json: AmendmentRenderer.json(document))
    }
}

/// Lays out an amendment in HTML, Markdown and JSON, with the agreement's names for the
/// parties, the services and the subjects, and the documents' one signature block.
enum AmendmentRenderer {
    /// Builds the HTML page of an amendment: its header, changes, amount tables and signatures.
    static func html(_ document: AmendmentDocument) -> String {
        let escape = HTMLRenderer.escape
        var html = Markup()
        html.line("<header class=\"document-header\">")
        html.line("<p class=\"supplier\">\(HTMLRenderer.placeholders(DocumentWording.partyName(document.supplier)))</p>")
        html.line("<h1>\(escape(AmendmentWording.title(document)))</h1>")
        html.line("<div class=\"meta\">")
        html.field("Kenmerk", document.reference)
        html.field("Datum", document.date.dutchString)
        html.field("Gemeente", document.municipalityName)
        html.field("Ingangsjaar", String(document.fromYear))
        html.line("</div>")
        html.line("</header>")
        HTMLRenderer.notices(concept: nil, checks: DocumentChecks(illustrative: document.illustrative), into: &html)
        html.line("<p>\(escape(AmendmentWording.introduction(document)))</p>")
        html.line("<section>")
        html.line("<h2>Wijzigingen</h2>")
        html.line("<ol>")
        for change in document.changes { html.line("<li>\(escape(change))</li>") }
        html.line("</ol>")
        html.line("</section>")
        amountsTable(document, into: &html)
        if !document.services.isEmpty { servicesTable(document, into: &html) }
        if document.years.contains(where: { $0.school.change != .zero || $0.participants.change != .zero }) {
            contributionsTable(document, into: &html)
        }
        html.line("<p>\(escape(AmendmentWording.unchanged))</p>")
        HTMLRenderer.signatures(SignatureBlock.amendment(document), into: &html)
        return HTMLRenderer.page(title: AmendmentWording.title(document), compact: false, body: html.text)
    }

    /// The cells of one before/change/after triple in the documents' notation.
    private static func cells(_ value: BeforeAfter) -> String {
        let escape = HTMLRenderer.escape
        return "<td class=\"amount\">\(escape(DocumentNotation.amount(value.before)))</td>"
            + "<td class=\"amount\">\(escape(DocumentNotation.signed(value.change)))</td>"
            + "<td class=\"amount\">\(escape(DocumentNotation.amount(value.after)))</td>"
    }

    /// The subsidy per year before and after, with the total and the projection note.
    private static func amountsTable(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Subsidiebedrag per jaar</h2>")
        html.line("<table class=\"amounts\">")
        html.line("<thead><tr><th scope=\"col\">Jaar</th><th scope=\"col\" class=\"amount\">Overeengekomen</th>"
            + "<th scope=\"col\" class=\"amount\">Wijziging</th><th scope=\"col\" class=\"amount\">Na wijziging</th></tr></thead>")
        html.line("<tbody>")
        for year in document.years {
            html.line("<tr><th scope=\"row\">\(escape(AmendmentWording.yearLabel(year)))</th>\(cells(year.municipality))</tr>")
        }
        html.line("<tr class=\"year-total\"><th scope=\"row\">Totaal \(document.span)</th>\(cells(document.total))</tr>")
        html.line("</tbody>")
        html.line("</table>")
        if document.years.contains(where: \.projected) { html.line("<p class=\"footnote\">\(escape(AmendmentWording.projectedNote))</p>") }
        html.line("</section>")
    }

    /// The change per service and year.
    private static func servicesTable(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Wijziging per dienst</h2>")
        html.line("<table class=\"services\">")
        html.line("<thead><tr><th scope=\"col\">Dienst</th>"
            + document.years.map { "<th scope=\"col\" class=\"amount\">\(escape(AmendmentWording.yearLabel($0)))</th>" }.joined() + "</tr></thead>")
        html.line("<tbody>")
        for service in document.services {
            html.line("<tr><th scope=\"row\">\(escape(service.name))</th>" + document.years.map { year in
                "<td class=\"amount\">\(escape(DocumentNotation.signed(service.byYear[year.year]?.change ?? .zero)))</td>"
            }.joined() + "</tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// What schools and participants pay after the change per year, for information.
    private static func contributionsTable(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Bijdragen van scholen en deelnemers (ter informatie)</h2>")
        html.line("<table class=\"amounts\">")
        html.line("<thead><tr><th scope=\"col\">Jaar</th><th scope=\"col\" class=\"amount\">Scholen (excl. btw)</th><th scope=\"col\" class=\"amount\">Wijziging</th>"
            + "<th scope=\"col\" class=\"amount\">Deelnemers</th><th scope=\"col\" class=\"amount\">Wijziging</th></tr></thead>")
        html.line("<tbody>")
        for year in document.years {
            html.line("<tr><th scope=\"row\">\(escape(AmendmentWording.yearLabel(year)))</th><td class=\"amount\">\(escape(DocumentNotation.amount(year.school.after)))</td>"
                + "<td class=\"amount\">\(escape(DocumentNotation.signed(year.school.change)))</td>"
                + "<td class=\"amount\">\(escape(DocumentNotation.amount(year.participants.after)))</td>"
                + "<td class=\"amount\">\(escape(DocumentNotation.signed(year.participants.change)))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// Builds the Markdown of an amendment, with the same content as the HTML.
    static func markdown(_ document: AmendmentDocument) -> String {
        var markdown = MarkdownText()
        let escape = MarkdownRenderer.escape
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        markdown.block("# \(escape(AmendmentWording.title(document)))")
        markdown.block("**\(MarkdownRenderer.placeholders(DocumentWording.partyName(document.supplier)))**")
        markdown.block(["Kenmerk: \(escape(document.reference))", "Datum: \(document.date.dutchString)",
                        "Gemeente: \(escape(document.municipalityName))", "Ingangsjaar: \(document.fromYear)"]
            .map { "- " + $0 }.joined(separator: "\n"))
        MarkdownRenderer.notices(concept: nil, checks: DocumentChecks(illustrative: document.illustrative), into: &markdown)
        markdown.block(escape(AmendmentWording.introduction(document)))
        markdown.block("## Wijzigingen")
        markdown.block(document.changes.enumerated().map { "\($0.offset + 1). \(escape($0.element))" }.joined(separator: "\n"))
        markdown.block("## Subsidiebedrag per jaar")
        var amounts = [row(["Jaar", "Overeengekomen", "Wijziging", "Na wijziging"]), row([":--", "--:", "--:", "--:"])]
        for year in document.years {
            amounts.append(row([escape(AmendmentWording.yearLabel(year)), DocumentNotation.amount(year.municipality.before),
                                DocumentNotation.signed(year.municipality.change), DocumentNotation.amount(year.municipality.after)]))
        }
        amounts.append(row(["**Totaal \(document.span)**", "**\(DocumentNotation.amount(document.total.before))**",
                            "**\(DocumentNotation.signed(document.total.change))**", "**\(DocumentNotation.amount(document.total.after))**"]))
        markdown.block(amounts.joined(separator: "\n"))
        if document.years.contains(where: \.projected) { markdown.block(escape(AmendmentWording.projectedNote)) }
        if !document.services.isEmpty {
            markdown.block("## Wijziging per dienst")
            var services = [row(["Dienst"] + document.years.map { escape(AmendmentWording.yearLabel($0)) }), row([":--"] + document.years.map { _ in "--:" })]
            for service in document.services {
                services.append(row([escape(service.name)] + document.years.map { DocumentNotation.signed(service.byYear[$0.year]?.change ?? .zero) }))
            }
            markdown.block(services.joined(separator: "\n"))
        }
        if document.years.contains(where: { $0.school.change != .zero || $0.participants.change != .zero }) {
            markdown.block("## Bijdragen van scholen en deelnemers (ter informatie)")
            var rows = [row(["Jaar", "Scholen (excl. btw)", "Wijziging", "Deelnemers", "Wijziging"]), row([":--", "--:", "--:", "--:", "--:"])]
            for year in document.years {
                rows.append(row([escape(AmendmentWording.yearLabel(year)), DocumentNotation.amount(year.school.after), DocumentNotation.signed(year.school.change),
                                 DocumentNotation.amount(year.participants.after), DocumentNotation.signed(year.participants.change)]))
            }
            markdown.block(rows.joined(separator: "\n"))
        }
        markdown.block(escape(AmendmentWording.unchanged))
        MarkdownRenderer.signatures(SignatureBlock.amendment(document), into: &markdown)
        return markdown.text
    }

    static func json(_ document: AmendmentDocument) -> String {
        func money(_ amount: Money) -> JSONValue { .string(amount.jsonString) }
        func pair(_ value: BeforeAfter) -> JSONValue {
            .object(["before": money(value.before), "change": money(value.change), "after": money(value.after)])
        }
        let years: [JSONValue] = document.years.map { year in
            .object(["year": .number(JSONNumber(integer: Int64(year.year))), "status": .string(year.projected ? "projected" : "published"),
                     "municipality": pair(year.municipality), "school": pair(year.school), "participants": pair(year.participants)])
        }
        let services: [JSONValue] = document.services.map { service in
            .object(["code": .string(service.code), "name": .string(service.name),
                     "years": .array(document.years.map { year in
                         let amounts = service.byYear[year.year]
                         return .object(["year": .number(JSONNumber(integer: Int64(year.year))),
                                         "before": money(amounts?.before ?? .zero), "change": money(amounts?.change ?? .zero),
                                         "after": money(amounts?.after ?? .zero)])
                     })])
        }
        let value: JSONValue = .object([
            "kind": .string("wijziging"),
            "reference": .string(document.reference),
            "sequence": .number(JSONNumber(integer: Int64(document.sequence))),
            "agreement": .object(["reference": .string(document.agreementReference), "date": .string(document.agreementDate.description)]),
            "date": .string(document.date.description),
            "municipality": .object(["code": .string(document.municipalityCode), "name": .string(document.municipalityName)]),
            "fromYear": .number(JSONNumber(integer: Int64(document.fromYear))),
            "lastYear": .number(JSONNumber(integer: Int64(document.lastYear))),
            "changes": .array(document.changes.map { .string($0) }),
            "years": .array(years),
            "services": .array(services),
            "total": pair(document.total),
            "supplier": DocumentJSON.party(document.supplier),
            "municipalityParty": DocumentJSON.party(document.municipality),
            "illustrative": .array(document.illustrative.map { .string($0.dutch) }),
        ])
        return JSONWriter.write(value)
    }
}
