import Catalogue
import Money

/// The annexes of the agreement and the sections of the rekenbijlage, in HTML.
extension HTMLRenderer {
    /// The agreement's four annexes: the subsidy per year and service, the activities with the
    /// service levels (one table for the whole term), the payment schedule, the books.
    static func agreementAnnexes(_ document: AgreementDocument, into html: inout Markup) {
        let names = DocumentWording.agreementAnnexes
        html.line("<section class=\"annex\">")
        html.line("<h2>Bijlage 1 — \(escape(names[0]))</h2>")
        html.line("<p>\(escape(DocumentWording.overviewExplanation))</p>")
        servicesTables(document.tiers, years: document.years, into: &html)
        totalsSection(document.totals, years: document.years, into: &html)
        html.line("</section>")
        html.line("<section class=\"annex\">")
        html.line("<h2>Bijlage 2 — \(escape(names[1]))</h2>")
        activitiesTable(document.activities, into: &html)
        serviceLevelsTable(document, into: &html)
        html.line("</section>")
        html.line("<section class=\"annex-flow\">")
        html.line("<h2>Bijlage 3 — \(escape(names[2]))</h2>")
        instalmentsTable(document, into: &html)
        html.line("<h2>Bijlage 4 — \(escape(names[3]))</h2>")
        html.line("<p>\(escape(DocumentWording.booksIntroduction))</p>")
        html.line("<table class=\"books\">")
        html.line("<thead><tr><th scope=\"col\">Jaar</th><th scope=\"col\">Tariefboek</th><th scope=\"col\">SHA-256</th></tr></thead>")
        html.line("<tbody>")
        for book in document.books {
            html.line("<tr><th scope=\"row\">\(book.year)</th><td>\(escape(book.status))</td><td class=\"hash\">\(escape(book.hash))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// Per service what the library does, in numbers.
    private static func activitiesTable(_ activities: [DocumentActivity], into html: inout Markup) {
        html.line("<h3>Activiteiten en prestaties per dienst</h3>")
        html.line("<p>\(escape(DocumentWording.activitiesIntroduction))</p>")
        html.line("<table class=\"activities\">")
        html.line("<thead><tr><th scope=\"col\">Dienst</th><th scope=\"col\">Wat de bibliotheek doet</th></tr></thead>")
        html.line("<tbody>")
        for activity in activities {
            let mark = activity.illustrative ? " <span class=\"marker\">\(DocumentWording.illustrativeMark)</span>" : ""
            let description = activity.description.map { "<span class=\"description\">\(escape($0))</span>" } ?? ""
            html.line("<tr><th scope=\"row\"><span class=\"service-name\">\(escape(activity.service))</span>\(mark)</th><td>\(description)"
                + "<ul class=\"commitments\">" + activity.commitments.map { "<li>\(escape($0))</li>" }.joined() + "</ul></td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
    }

    /// The promised service levels once for the whole term: per service a table with a row per
    /// school and a column per level.
    private static func serviceLevelsTable(_ document: AgreementDocument, into html: inout Markup) {
        guard !document.serviceLevels.isEmpty else { return }
        html.line("<h3>Dienstverleningsniveau per school</h3>")
        html.line("<p>\(escape(DocumentWording.serviceLevelsIntroduction))</p>")
        let serviceNames = DocumentWording.serviceNames(document.tiers)
        let table = DocumentWording.ServiceLevelTable(document.serviceLevels, years: document.years.map(\.year))
        for group in table.groups {
            html.line("<table class=\"levels\">")
            html.line("<caption>\(escape(serviceNames[group.service] ?? "Dienst"))</caption>")
            html.line("<thead><tr><th scope=\"col\">School</th><th scope=\"col\" class=\"amount\">Leerlingen</th>"
                + group.levelNames.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>")
            html.line("<tbody>")
            for row in group.rows {
                let mark = row.illustrative ? " <span class=\"marker\">\(DocumentWording.illustrativeMark)</span>" : ""
                html.line("<tr><th scope=\"row\">\(escape(row.school))\(mark)</th><td class=\"amount\">\(row.pupils)</td>"
                    + group.levelNames.map { "<td>\(escape(table.cell(row, $0)))</td>" }.joined() + "</tr>")
            }
            html.line("</tbody>")
            html.line("</table>")
        }
    }

    /// The advances: a row per period, a column per year, and each year's total, which equals
    /// the subsidy of that year.
    private static func instalmentsTable(_ document: AgreementDocument, into html: inout Markup) {
        let schedule = DocumentWording.InstalmentTable(document)
        html.line("<table class=\"schedule\">")
        html.line("<thead><tr><th scope=\"col\">Termijn</th><th scope=\"col\">Vervaldag</th>"
            + document.years.map { "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.yearLabel($0)))</th>" }.joined() + "</tr></thead>")
        html.line("<tbody>")
        for row in schedule.rows {
            html.line("<tr><th scope=\"row\">\(escape(row.period))</th><td>\(escape(row.due))</td>"
                + document.years.map { amountCell(row.amounts[$0.year]) }.joined() + "</tr>")
        }
        html.line("<tr class=\"year-total\"><th scope=\"row\" colspan=\"2\">Totaal</th>"
            + document.years.map { year in amountCell(document.totals.first { $0.year == year.year }?.municipality) }.joined() + "</tr>")
        html.line("</tbody>")
        html.line("</table>")
    }

    /// The rekenbijlage's years: the priced lines grouped by service, each with its explanation
    /// in a smaller row under it, then the year's totals.
    static func calculationSections(_ document: CalculationDocument, into html: inout Markup) {
        for annex in document.annexes {
            html.line("<section class=\"calculation-year\">")
            html.line("<h2>\(escape(DocumentWording.calculationHeading(annex)))</h2>")
            if let note = document.years.first(where: { $0.year == annex.year })?.note {
                html.line("<p class=\"footnote\">\(escape(DocumentWording.projectionSentence(year: annex.year, note: note)))</p>")
            }
            html.line("<table class=\"lines\">")
            html.line("<thead><tr><th scope=\"col\" class=\"number\">Nr.</th><th scope=\"col\">Onderdeel</th><th scope=\"col\">Voor</th>"
                + "<th scope=\"col\" class=\"amount\">Aantal</th><th scope=\"col\" class=\"amount\">Prijs per eenheid</th>"
                + "<th scope=\"col\" class=\"amount\">Bedrag</th><th scope=\"col\">Frequentie</th><th scope=\"col\">Betaler</th></tr></thead>")
            var previousService: String?
            for (lineIndex, line) in annex.lines.enumerated() {
                // A line and its explanation form one row group so a page never separates them.
                html.line("<tbody class=\"line keep\">")
                if line.service != previousService {
                    html.line("<tr class=\"service-group\"><th scope=\"rowgroup\" colspan=\"8\">\(escape(line.serviceName))</th></tr>")
                    previousService = line.service
                }
                var component = escape(line.componentName)
                for marker in DocumentWording.markers(quote: line.isQuote, indicative: line.isIndicative, illustrative: line.illustrative) {
                    component += " <span class=\"marker\">\(escape(marker))</span>"
                }
                let rowClass = line.payer == DocumentWording.municipalityPayer ? "" : " class=\"other-payer\""
                html.line("<tr\(rowClass)><td class=\"number\">\(lineIndex + 1)</td><td>\(component)</td>"
                    + "<td>\(escape(line.subject ?? "—"))</td>"
                    + "<td class=\"amount\">\(escape(line.quantity.dutchString))</td>"
                    + "<td class=\"amount\">\(escape(DocumentNotation.amount(line.unitPrice)))</td>"
                    + "<td class=\"amount\">\(escape(DocumentNotation.amount(line.amount)))</td>"
                    + "<td>\(escape(line.recurrence))</td><td>\(escape(DocumentWording.payer(line)))</td></tr>")
                html.line("<tr class=\"explanation\"><td></td><td colspan=\"7\">\(escape(line.explanation))</td></tr>")
                html.line("</tbody>")
            }
            html.line("</table>")
            html.line("</section>")
        }
        totalsSection(document.totals, years: document.years, into: &html)
    }
}

extension DocumentWording {
    /// "Berekening 2025", with "(raming)" for a projected year.
    static func calculationHeading(_ annex: DocumentAnnex) -> String {
        "Berekening \(annex.year)" + (annex.projected ? " (raming)" : "")
    }

    /// The remark at the top of a projected year's calculation.
    static func projectionSentence(year: Int, note: String) -> String {
        "De bedragen voor \(year) zijn \(note)."
    }

    /// The payment schedule laid out with a row per period and a column per year.
    struct InstalmentTable {
        struct Row {
            let period: String
            let due: String
            var amounts: [Int: Money] = [:]
        }

        private(set) var rows: [Row] = []

        init(_ document: AgreementDocument) {
            for instalment in document.instalments {
                let due = "\(instalment.due.day) \(instalment.due.dutchString.split(separator: " ")[1])"
                if let index = rows.firstIndex(where: { $0.period == instalment.period }) {
                    rows[index].amounts[instalment.year] = instalment.amount
                } else {
                    rows.append(Row(period: instalment.period, due: due, amounts: [instalment.year: instalment.amount]))
                }
            }
        }
    }
}
