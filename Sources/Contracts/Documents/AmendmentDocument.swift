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
    public var parties: [DocumentParty]

    /// "2027–2028", or "2028" for one year.
    public var span: String { fromYear == lastYear ? String(fromYear) : "\(fromYear)–\(lastYear)" }

    static func build(reference: String, sequence: Int, agreement: AgreementRecord, name: String, fromYear: Int, date: CalendarDate,
                      changes: [String], before: [PricedYear], after: [PricedYear], books: PricingBooks) throws(MoneyError) -> AmendmentDocument {
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
        return AmendmentDocument(
            reference: reference, sequence: sequence, agreementReference: agreement.reference, agreementDate: agreement.acceptedOn,
            date: date, municipalityCode: agreement.municipality, municipalityName: name, fromYear: fromYear,
            lastYear: agreement.lastYear, changes: changes, years: years, services: services,
            total: try BeforeAfter(before: totalBefore, after: totalAfter),
            parties: [DocumentBuilder.supplier, DocumentParty(name: "Gemeente \(name)", role: "opdrachtgever", representative: nil)])
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
    static let projectedNote = "(P) Het tarief van dit jaar is geprojecteerd; het bedrag wordt definitief met het gepubliceerde tariefboek."

    static func yearLabel(_ year: AmendmentYear) -> String { year.projected ? "\(year.year) (P)" : String(year.year) }
}

extension RenderedDocuments {
    /// Renders an amendment.
    public init(_ document: AmendmentDocument) {
        self.init(html: AmendmentRenderer.html(document), markdown: AmendmentRenderer.markdown(document),
                  json: AmendmentRenderer.json(document))
    }
}

/// Lays out an amendment in HTML, Markdown and JSON.
enum AmendmentRenderer {
    /// Builds the HTML page of an amendment: its header, changes, amount tables and signatures.
    static func html(_ document: AmendmentDocument) -> String {
        let escape = HTMLRenderer.escape
        var html = Markup()
        html.line("<header class=\"document-header\">")
        html.line("<h1>\(escape(AmendmentWording.title(document)))</h1>")
        html.field("Kenmerk", document.reference)
        html.field("Datum", document.date.dutchString)
        html.field("Gemeente", document.municipalityName)
        html.field("Ingangsjaar", String(document.fromYear))
        html.line("</header>")
        html.line("<p>\(escape(AmendmentWording.introduction(document)))</p>")
        html.line("<section>")
        html.line("<h2>Wijzigingen</h2>")
        html.line("<ol>")
        for change in document.changes { html.line("<li>\(escape(change))</li>") }
        html.line("</ol>")
        html.line("</section>")
        municipalitySection(document, into: &html)
        if !document.services.isEmpty { servicesSection(document, into: &html) }
        if document.years.contains(where: { $0.school.change != .zero || $0.participants.change != .zero }) {
            contributionsSection(document, into: &html)
        }
        html.line("<p>\(escape(AmendmentWording.unchanged))</p>")
        signaturesSection(document, into: &html)
        return HTMLRenderer.page(title: AmendmentWording.title(document), compact: false, body: html.text)
    }

    /// Builds the table of what the municipality pays per year before and after, with the total and the projection note.
    private static func municipalitySection(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Bedrag van de gemeente per jaar</h2>")
        html.line("<table class=\"amounts\">")
        html.line("<thead><tr><th>Jaar</th><th class=\"amount\">Overeengekomen</th><th class=\"amount\">Wijziging</th><th class=\"amount\">Na wijziging</th></tr></thead>")
        html.line("<tbody>")
        for year in document.years {
            html.line("<tr><td>\(escape(AmendmentWording.yearLabel(year)))</td><td class=\"amount\">\(escape(year.municipality.before.dutchString))</td>"
                + "<td class=\"amount\">\(escape(year.municipality.change.dutchSignedString))</td>"
                + "<td class=\"amount\">\(escape(year.municipality.after.dutchString))</td></tr>")
        }
        html.line("<tr class=\"year-total\"><td>Totaal \(document.span)</td><td class=\"amount\">\(escape(document.total.before.dutchString))</td>"
            + "<td class=\"amount\">\(escape(document.total.change.dutchSignedString))</td>"
            + "<td class=\"amount\">\(escape(document.total.after.dutchString))</td></tr>")
        html.line("</tbody>")
        html.line("</table>")
        if document.years.contains(where: \.projected) { html.line("<p class=\"footnote\">\(escape(AmendmentWording.projectedNote))</p>") }
        html.line("</section>")
    }

    /// Builds the table of the change per service and year.
    private static func servicesSection(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Wijziging per dienst</h2>")
        html.line("<table class=\"services\">")
        html.line("<thead><tr><th>Dienst</th>" + document.years.map { "<th class=\"amount\">\(escape(AmendmentWording.yearLabel($0)))</th>" }.joined() + "</tr></thead>")
        html.line("<tbody>")
        for service in document.services {
            html.line("<tr><td>\(escape(service.name))</td>" + document.years.map { year in
                "<td class=\"amount\">\(escape((service.byYear[year.year]?.change ?? .zero).dutchSignedString))</td>"
            }.joined() + "</tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// Builds the table, for information, of what schools and participants pay after the change per year.
    private static func contributionsSection(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section>")
        html.line("<h2>Bijdragen van scholen en deelnemers (ter informatie)</h2>")
        html.line("<table class=\"amounts\">")
        html.line("<thead><tr><th>Jaar</th><th class=\"amount\">Scholen (excl. btw)</th><th class=\"amount\">Wijziging</th><th class=\"amount\">Deelnemers</th><th class=\"amount\">Wijziging</th></tr></thead>")
        html.line("<tbody>")
        for year in document.years {
            html.line("<tr><td>\(escape(AmendmentWording.yearLabel(year)))</td><td class=\"amount\">\(escape(year.school.after.dutchString))</td>"
                + "<td class=\"amount\">\(escape(year.school.change.dutchSignedString))</td>"
                + "<td class=\"amount\">\(escape(year.participants.after.dutchString))</td>"
                + "<td class=\"amount\">\(escape(year.participants.change.dutchSignedString))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// Builds the signature blocks of both parties.
    private static func signaturesSection(_ document: AmendmentDocument, into html: inout Markup) {
        let escape = HTMLRenderer.escape
        html.line("<section class=\"signatures\">")
        html.line("<h2>Ondertekening</h2>")
        html.line("<div class=\"signature-grid\">")
        for party in document.parties {
            html.line("<div class=\"signature\">")
            html.line("<p><strong>\(escape(party.name))</strong> (\(escape(party.role)))</p>")
            html.line("<p>Naam: ____________________</p>")
            html.line("<p>Datum: ____________________</p>")
            html.line("<p>Handtekening: ____________________</p>")
            html.line("</div>")
        }
        html.line("</div>")
        html.line("</section>")
    }

    static func markdown(_ document: AmendmentDocument) -> String {
        var lines: [String] = []
        func cell(_ text: String) -> String { MarkdownRenderer.escape(text) }
        lines.append("# \(cell(AmendmentWording.title(document)))")
        lines.append("")
        lines.append("- Kenmerk: \(cell(document.reference))")
        lines.append("- Datum: \(document.date.dutchString)")
        lines.append("- Gemeente: \(cell(document.municipalityName))")
        lines.append("- Ingangsjaar: \(document.fromYear)")
        lines.append("")
        lines.append(AmendmentWording.introduction(document))
        lines.append("")
        lines.append("## Wijzigingen")
        lines.append("")
        for (index, change) in document.changes.enumerated() { lines.append("\(index + 1). \(cell(change))") }
        lines.append("")
        lines.append("## Bedrag van de gemeente per jaar")
        lines.append("")
        lines.append("| Jaar | Overeengekomen | Wijziging | Na wijziging |")
        lines.append("|---|---:|---:|---:|")
        for year in document.years {
            lines.append("| \(AmendmentWording.yearLabel(year)) | \(year.municipality.before.dutchString) | \(year.municipality.change.dutchSignedString) | \(year.municipality.after.dutchString) |")
        }
        lines.append("| **Totaal \(document.span)** | **\(document.total.before.dutchString)** | **\(document.total.change.dutchSignedString)** | **\(document.total.after.dutchString)** |")
        if document.years.contains(where: \.projected) {
            lines.append("")
            lines.append(AmendmentWording.projectedNote)
        }
        if !document.services.isEmpty {
            lines.append("")
            lines.append("## Wijziging per dienst")
            lines.append("")
            lines.append("| Dienst | " + document.years.map { AmendmentWording.yearLabel($0) }.joined(separator: " | ") + " |")
            lines.append("|---|" + document.years.map { _ in "---:|" }.joined())
            for service in document.services {
                lines.append("| \(cell(service.name)) | " + document.years.map {
                    (service.byYear[$0.year]?.change ?? .zero).dutchSignedString
                }.joined(separator: " | ") + " |")
            }
        }
        if document.years.contains(where: { $0.school.change != .zero || $0.participants.change != .zero }) {
            lines.append("")
            lines.append("## Bijdragen van scholen en deelnemers (ter informatie)")
            lines.append("")
            lines.append("| Jaar | Scholen (excl. btw) | Wijziging | Deelnemers | Wijziging |")
            lines.append("|---|---:|---:|---:|---:|")
            for year in document.years {
                lines.append("| \(AmendmentWording.yearLabel(year)) | \(year.school.after.dutchString) | \(year.school.change.dutchSignedString) | \(year.participants.after.dutchString) | \(year.participants.change.dutchSignedString) |")
            }
        }
        lines.append("")
        lines.append(AmendmentWording.unchanged)
        lines.append("")
        lines.append("## Ondertekening")
        for party in document.parties {
            lines.append("")
            lines.append("**\(cell(party.name))** (\(party.role))")
            lines.append("")
            lines.append("Naam: ____________________  ")
            lines.append("Datum: ____________________  ")
            lines.append("Handtekening: ____________________")
        }
        return lines.joined(separator: "\n") + "\n"
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
        ])
        return JSONWriter.write(value)
    }
}
