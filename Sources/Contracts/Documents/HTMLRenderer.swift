import Catalogue
import Money

/// Lays out the offerte and the uitvoeringsovereenkomst as one self-contained HTML5 file each:
/// no fonts, images, scripts or style sheets from elsewhere, so the file can be mailed, archived
/// and printed on A4 as it is. Every text from the model passes through `escape` exactly once.
public enum HTMLRenderer {
    /// The offerte as an HTML page that prints on A4.
    public static func render(_ document: QuoteDocument) -> String {
        var html = Markup()
        let years = document.years
        html.line("<header class=\"document-header\">")
        html.line("<p class=\"supplier\">\(escape(document.supplier.name))</p>")
        html.line("<h1>Offerte</h1>")
        html.line("<div class=\"meta\">")
        html.field("Kenmerk", document.reference)
        html.field("Versie", DocumentWording.version(document.version, supersedes: document.supersedes))
        html.field("Datum", document.date.dutchString)
        html.field("Geldig tot", document.validUntil.dutchString)
        html.line("</div>")
        html.line("</header>")

        html.line("<section class=\"addressee\">")
        html.line("<p class=\"label\">Aan</p>")
        html.line("<p class=\"party\">\(escape(document.municipality.name))</p>")
        if let representative = document.municipality.representative {
            html.line("<p>t.a.v. \(escape(representative))</p>")
        }
        html.line("</section>")

        html.line("<h2 class=\"title\">\(escape(document.title ?? DocumentWording.defaultTitle))</h2>")
        html.line("<p class=\"intro\">\(escape(DocumentWording.quoteIntroduction(years)))</p>")

        html.line("<section class=\"overview\">")
        html.line("<h2>Diensten en prijzen</h2>")
        html.line("<p>\(escape(DocumentWording.overviewExplanation))</p>")
        servicesTables(document.tiers, years: years, into: &html)
        totalsSection(document.totals, years: years, into: &html)
        html.line("</section>")

        notesSection(document.notes, into: &html)

        html.line("<section class=\"signatures\">")
        html.line("<h2>Voor akkoord</h2>")
        html.line("<p>\(escape(DocumentWording.acceptance(reference: document.reference)))</p>")
        html.line("<div class=\"signature-grid\">")
        for party in [document.municipality, document.supplier] {
            signatureBlock(party, fields: ["Naam", "Functie", "Datum", "Handtekening"], into: &html)
        }
        html.line("</div>")
        html.line("</section>")

        annexSections(document.annexes, years: years, into: &html)
        if let coverage = document.coverage {
            coverageSection(coverage, number: document.annexes.count + 1, years: years, into: &html)
        }

        let title = "Offerte \(document.reference) — \(document.municipality.name)"
        return page(title: title, compact: years.count >= 3, body: html.text)
    }

    /// The uitvoeringsovereenkomst as an HTML page that prints on A4.
    public static func render(_ document: AgreementDocument) -> String {
        var html = Markup()
        let years = document.years
        html.line("<header class=\"document-header\">")
        html.line("<p class=\"supplier\">\(escape(document.supplier.name))</p>")
        html.line("<h1>Uitvoeringsovereenkomst</h1>")
        html.line("<div class=\"meta\">")
        html.field("Kenmerk", document.reference)
        html.line("<p>\(escape(DocumentWording.belongsToQuote(document.quoteReference)))</p>")
        html.field("Datum", document.date.dutchString)
        html.field("Looptijd", DocumentWording.term(first: document.firstYear, last: document.lastYear))
        html.line("</div>")
        html.line("</header>")

        html.line("<section class=\"parties\">")
        html.line("<p>De ondergetekenden:</p>")
        html.line("<ol class=\"party-list\">")
        for (party, alias) in DocumentWording.agreementParties(document) {
            html.line("<li>\(partyDescription(party, alias: alias))</li>")
        }
        html.line("</ol>")
        html.line("<p>Overwegende dat:</p>")
        html.line("<ol class=\"considerations\">")
        for consideration in document.considerations {
            html.line("<li>\(escape(consideration))</li>")
        }
        html.line("</ol>")
        html.line("<p>Komen het volgende overeen:</p>")
        html.line("</section>")

        html.line("<section class=\"articles\">")
        for article in document.articles {
            html.line("<section class=\"article\">")
            // The articles follow the title directly, so they are second-level headings, set in the
            // size of the third level (heading order for screen readers; axe-core 'heading-order').
            html.line("<h2 class=\"article-title\">Artikel \(article.number) \(escape(article.title))</h2>")
            for (index, paragraph) in article.paragraphs.enumerated() {
                html.line("<p class=\"paragraph\"><span class=\"paragraph-number\">\(article.number).\(index + 1)</span>"
                    + "<span class=\"paragraph-text\">\(escape(paragraph))</span></p>")
            }
            html.line("</section>")
        }
        html.line("</section>")

        html.line("<section class=\"overview\">")
        html.line("<h2>Overzicht van diensten en prijzen</h2>")
        html.line("<p>\(escape(DocumentWording.overviewExplanation))</p>")
        servicesTables(document.tiers, years: years, into: &html)
        totalsSection(document.totals, years: years, into: &html)
        html.line("</section>")

        serviceLevelsSection(document, into: &html)
        instalmentsSection(document, into: &html)
        notesSection(document.notes, into: &html)

        html.line("<section class=\"signatures\">")
        html.line("<h2>Ondertekening</h2>")
        html.line("<p>Aldus overeengekomen en in tweevoud getekend.</p>")
        html.line("<div class=\"signature-grid\">")
        for party in [document.municipality, document.supplier] {
            signatureBlock(party, fields: ["Plaats", "Datum", "Naam", "Functie", "Handtekening"], into: &html)
        }
        html.line("</div>")
        html.line("</section>")

        annexSections(document.annexes, years: years, into: &html)

        let title = "Uitvoeringsovereenkomst \(document.reference) — \(document.municipality.name)"
        return page(title: title, compact: years.count >= 3, body: html.text)
    }

    /// Replaces the five characters that HTML gives a meaning (`&`, `<`, `>`, `"`, `'`) by their
    /// entities, so that any text from the model, even a name that looks like markup, shows as
    /// written. Control characters other than tab and line breaks are not allowed in HTML and
    /// become spaces.
    static func escape(_ text: String) -> String {
        // Most texts (amounts, names, codes) contain nothing to escape: one scan of the bytes
        // then returns the string itself, without building a copy.
        var clean = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F:
                clean = false
            case 0x09, 0x0A, 0x0D:
                continue
            case 0..<0x20:
                clean = false
            default:
                continue
            }
            if !clean { break }
        }
        if clean { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    // MARK: The page

    /// Wraps the body in the HTML5 skeleton with the embedded style sheet.
    static func page(title: String, compact: Bool, body: String) -> String {
        var html = Markup()
        html.line("<!DOCTYPE html>")
        html.line("<html lang=\"nl\">")
        html.line("<head>")
        html.line("<meta charset=\"utf-8\">")
        html.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.line("<title>\(escape(title))</title>")
        html.line("<style>")
        html.text += styleSheet
        html.line("</style>")
        html.line("</head>")
        html.line(compact ? "<body class=\"compact\">" : "<body>")
        html.line("<main class=\"page\">")
        html.text += body
        html.line("</main>")
        html.line("</body>")
        html.line("</html>")
        return html.text
    }

    /// The style sheet: a centred page-like column on screen; on paper A4 with page numbers
    /// where the browser supports margin boxes, rows and headings kept together, table headers
    /// repeated and every annex on a new page. Only system fonts, so nothing is fetched.
    private static let styleSheet = """
        @page {
          size: A4;
          margin: 18mm 16mm 20mm 16mm;
          @bottom-right {
            content: "Pagina " counter(page) " van " counter(pages);
            font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
            font-size: 8pt;
            color: #555;
          }
        }
        :root { color-scheme: light; }
        html { background: #e8e8e8; }
        body {
          margin: 0;
          color: #1a1a1a;
          font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
          font-size: 10pt;
          line-height: 1.4;
        }
        .page {
          box-sizing: border-box;
          max-width: 210mm;
          margin: 24px auto;
          padding: 18mm 16mm;
          background: #fff;
          box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
        }
        h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 22pt; margin: 4pt 0 10pt; }
        h2 { font-size: 14pt; margin: 18pt 0 6pt; }
        h3, h2.article-title { font-size: 11pt; margin: 12pt 0 4pt; }
        p { margin: 0 0 6pt; }
        .document-header { border-bottom: 2px solid #1a1a1a; padding-bottom: 8pt; margin-bottom: 12pt; }
        .supplier { font-weight: 600; font-size: 11pt; margin: 0; }
        .meta p { margin: 0; }
        .label { font-weight: 600; }
        .addressee { margin: 12pt 0; }
        .addressee p { margin: 0; }
        .addressee .party { font-size: 11pt; font-weight: 600; }
        h2.title { margin-top: 12pt; }
        table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
        body.compact table.prices, body.compact table.totals { font-size: 8pt; }
        thead { display: table-header-group; }
        tr, .keep { break-inside: avoid; page-break-inside: avoid; }
        th, td { padding: 3pt 4pt; vertical-align: top; text-align: left; }
        thead th { border-bottom: 1.5px solid #1a1a1a; font-weight: 600; }
        tbody td, tbody th { border-bottom: 0.5px solid #c8c8c8; }
        .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .empty { color: #888; }
        .service-name { font-weight: 600; }
        .marker { font-weight: 600; white-space: nowrap; }
        .section, .one-off { display: block; font-size: 0.85em; color: #555; font-weight: normal; }
        tr.programme-line th { background: #efefef; font-weight: 600; padding-top: 4pt; }
        tr.subtotal th, tr.subtotal td { border-top: 1.5px solid #1a1a1a; border-bottom: none; font-weight: 700; }
        tr.municipality th, tr.municipality td { font-weight: 700; background: #f3f3f3; border-top: 1.5px solid #1a1a1a; }
        tr.detail th { padding-left: 14pt; font-weight: normal; }
        tr.information th, tr.information td { color: #555; font-weight: normal; }
        tr.year-total th, tr.year-total td { font-weight: 700; border-top: 1.5px solid #1a1a1a; }
        .totals-explanation { font-size: 9pt; }
        .footnote { font-size: 8pt; color: #333; margin: 0 0 3pt; }
        ol.notes li { margin-bottom: 4pt; }
        .parties ol { margin: 0 0 8pt; }
        ol.considerations { list-style: lower-alpha; }
        .article { break-inside: avoid; page-break-inside: avoid; }
        .paragraph { display: flex; gap: 8pt; }
        .paragraph-number { flex: 0 0 22pt; }
        .signatures { break-inside: avoid; page-break-inside: avoid; }
        .signature-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16pt; margin-top: 8pt; }
        .signature { break-inside: avoid; page-break-inside: avoid; }
        .signature .role { font-weight: 600; margin: 0; }
        .signature .party { margin: 0 0 8pt; }
        .signature-line { display: flex; align-items: flex-end; gap: 6pt; min-height: 20pt; margin: 0; }
        .signature-line .blank { flex: 1; border-bottom: 0.75px solid #1a1a1a; min-height: 14pt; }
        .signature-line.tall { min-height: 48pt; }
        .annex { break-before: page; page-break-before: always; }
        table.lines { font-size: 8pt; }
        table.lines td.number, table.lines th.number { width: 18pt; text-align: right; }
        table.lines tbody.line td { border-bottom: none; }
        table.lines tr.explanation td { font-size: 7pt; color: #444; border-bottom: 0.5px solid #c8c8c8; padding-top: 0; }
        table.lines tr.service-group th { background: #efefef; font-weight: 600; border-bottom: none; }
        table.lines tr.other-payer td { color: #555; font-style: italic; }
        table.lines tr.other-payer td.number { font-style: normal; }
        table.annex-totals { width: auto; min-width: 55%; }
        table.levels td:first-child { width: 30%; }
        @media print {
          html { background: none; }
          .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
        }

        """

    // MARK: Shared parts

    /// One table per tier: a row per programme line heading and per service, a column per year
    /// and one for the whole term, then the tier's subtotal.
    private static func servicesTables(_ tiers: [DocumentTier], years: [DocumentYear], into html: inout Markup) {
        let columnCount = years.count + 2
        for tier in tiers {
            html.line("<section class=\"tier\">")
            html.line("<h3>\(escape(tier.name))</h3>")
            html.line("<table class=\"prices\">")
            html.line("<thead><tr><th scope=\"col\">Dienst</th>"
                + years.map { "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.yearLabel($0)))</th>" }.joined()
                + "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.termTotalLabel(years)))</th></tr></thead>")
            for programmeLine in tier.programmeLines {
                // The heading shares a row group with the first service, so it never ends a page alone.
                for (index, service) in programmeLine.services.enumerated() {
                    if index == 0 {
                        html.line("<tbody class=\"keep\">")
                        html.line("<tr class=\"programme-line\"><th scope=\"rowgroup\" colspan=\"\(columnCount)\">\(escape(programmeLine.name))</th></tr>")
                    } else if index == 1 {
                        html.line("<tbody>")
                    }
                    html.line(serviceRow(service, years: years))
                    if index == 0 || index == programmeLine.services.count - 1 {
                        html.line("</tbody>")
                    }
                }
            }
            html.line("<tbody class=\"keep\"><tr class=\"subtotal\"><th scope=\"row\">Subtotaal \(escape(tier.name))</th>"
                + years.map { amountCell(tier.subtotal.byYear[$0.year]) }.joined()
                + amountCell(tier.subtotal.total) + "</tr></tbody>")
            html.line("</table>")
            html.line("</section>")
        }
    }

    /// A service with its markers and section, its amount per year with the one-off part under
    /// it, and its total.
    private static func serviceRow(_ service: DocumentService, years: [DocumentYear]) -> String {
        var row = "<tr><td><span class=\"service-name\">\(escape(service.name))</span>"
        for marker in DocumentWording.markers(quote: service.hasQuote, indicative: service.hasIndicative) {
            row += " <span class=\"marker\">\(escape(marker))</span>"
        }
        row += "<span class=\"section\">\(escape(DocumentWording.sectionLabel(service.section)))</span></td>"
        for year in years {
            if let amount = service.amounts.byYear[year.year] {
                row += "<td class=\"amount\">\(escape(amount.dutchString))"
                if let oneOff = service.oneOff[year.year] {
                    row += "<span class=\"one-off\">\(escape(DocumentWording.oneOffPart(oneOff)))</span>"
                }
                row += "</td>"
            } else {
                row += amountCell(nil)
            }
        }
        return row + amountCell(service.amounts.total) + "</tr>"
    }

    /// A right-aligned amount, or a dash for a year without one.
    private static func amountCell(_ amount: Money?) -> String {
        guard let amount else { return "<td class=\"amount empty\">—</td>" }
        return "<td class=\"amount\">\(escape(amount.dutchString))</td>"
    }

    /// The totals per year and for the whole term, with the sentence that says which line the
    /// municipality pays, and the footnotes of projected years.
    private static func totalsSection(_ totals: [DocumentTotals], years: [DocumentYear], into html: inout Markup) {
        html.line("<section class=\"totals-section keep\">")
        html.line("<h3>Totalen</h3>")
        html.line("<p class=\"totals-explanation\">\(escape(DocumentWording.totalsExplanation))</p>")
        html.line("<table class=\"totals\">")
        html.line("<thead><tr><th scope=\"col\"></th>"
            + years.map { "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.yearLabel($0)))</th>" }.joined()
            + "<th scope=\"col\" class=\"amount\">Totaal looptijd</th></tr></thead>")
        html.line("<tbody>")
        let columns: [Int?] = years.map { Optional($0.year) } + [nil]
        for row in DocumentWording.totalsRows {
            html.line("<tr class=\"\(row.kind.rawValue)\"><th scope=\"row\">\(escape(row.label))</th>"
                + columns.map { year in amountCell(totals.first { $0.year == year }.map(row.value)) }.joined()
                + "</tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        for footnote in DocumentWording.projectionFootnotes(years) {
            html.line("<p class=\"footnote\">\(escape(footnote))</p>")
        }
        html.line("</section>")
    }

    /// The remarks as a numbered list.
    private static func notesSection(_ notes: [String], into html: inout Markup) {
        guard !notes.isEmpty else { return }
        html.line("<section class=\"notes-section\">")
        html.line("<h2>Toelichting</h2>")
        html.line("<ol class=\"notes\">")
        for note in notes {
            html.line("<li>\(escape(note))</li>")
        }
        html.line("</ol>")
        html.line("</section>")
    }

    /// A party's signature block: its role, its name and a labelled blank line per field; the
    /// representative, when known, is printed on the name line.
    private static func signatureBlock(_ party: DocumentParty, fields: [String], into html: inout Markup) {
        html.line("<div class=\"signature\">")
        html.line("<p class=\"role\">\(escape(DocumentWording.capitalised(party.role)))</p>")
        html.line("<p class=\"party\">\(escape(party.name))</p>")
        for field in fields {
            let filled = field == "Naam" ? party.representative.map(escape) ?? "" : ""
            let tall = field == "Handtekening" ? " tall" : ""
            html.line("<p class=\"signature-line\(tall)\"><span class=\"label\">\(escape(field)):</span><span class=\"blank\">\(filled)</span></p>")
        }
        html.line("</div>")
    }

    /// "<strong>Gemeente Midden-Drenthe</strong>, opdrachtgever, hierna te noemen: de gemeente;".
    private static func partyDescription(_ party: DocumentParty, alias: String) -> String {
        var text = "<strong>\(escape(party.name))</strong>, \(escape(party.role))"
        if let representative = party.representative {
            text += ", vertegenwoordigd door \(escape(representative))"
        }
        return text + ", hierna te noemen: \(escape(alias))"
    }

    /// One annex per year, each on a new page: the priced lines grouped by service, each with
    /// its explanation in a smaller row under it, then the year's totals.
    private static func annexSections(_ annexes: [DocumentAnnex], years: [DocumentYear], into html: inout Markup) {
        for (index, annex) in annexes.enumerated() {
            html.line("<section class=\"annex\">")
            html.line("<h2>\(escape(DocumentWording.annexHeading(number: index + 1, annex: annex)))</h2>")
            html.line("<p>\(escape(DocumentWording.annexIntroduction))</p>")
            if let note = years.first(where: { $0.year == annex.year })?.note {
                html.line("<p class=\"footnote\">\(escape(DocumentWording.projectionSentence(year: annex.year, note: note)))</p>")
            }
            html.line("<table class=\"lines\">")
            html.line("<thead><tr><th scope=\"col\" class=\"number\">Nr.</th><th scope=\"col\">Onderdeel</th><th scope=\"col\">Onderwerp</th>"
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
                for marker in DocumentWording.markers(quote: line.isQuote, indicative: line.isIndicative) {
                    component += " <span class=\"marker\">\(escape(marker))</span>"
                }
                let rowClass = line.payer == DocumentWording.municipalityPayer ? "" : " class=\"other-payer\""
                html.line("<tr\(rowClass)><td class=\"number\">\(lineIndex + 1)</td><td>\(component)</td>"
                    + "<td>\(escape(line.subject ?? "—"))</td>"
                    + "<td class=\"amount\">\(escape(line.quantity.dutchString))</td>"
                    + "<td class=\"amount\">\(escape(line.unitPrice.dutchString))</td>"
                    + "<td class=\"amount\">\(escape(line.amount.dutchString))</td>"
                    + "<td>\(escape(line.recurrence))</td><td>\(escape(DocumentWording.payer(line)))</td></tr>")
                html.line("<tr class=\"explanation\"><td></td><td colspan=\"7\">\(escape(line.explanation))</td></tr>")
                html.line("</tbody>")
            }
            html.line("</table>")
            html.line("<section class=\"keep\">")
            html.line("<h3>Totalen \(annex.year)</h3>")
            html.line("<table class=\"totals annex-totals\">")
            html.line("<tbody>")
            for row in DocumentWording.totalsRows {
                html.line("<tr class=\"\(row.kind.rawValue)\"><th scope=\"row\">\(escape(row.label))</th>\(amountCell(row.value(annex.totals)))</tr>")
            }
            html.line("</tbody>")
            html.line("</table>")
            html.line("</section>")
            html.line("</section>")
        }
    }

    // MARK: Agreement parts

    /// The promised service levels, one table per year: a row per school, a column per level,
    /// grouped by service.
    private static func serviceLevelsSection(_ document: AgreementDocument, into html: inout Markup) {
        html.line("<section class=\"service-levels\">")
        html.line("<h2>Overzicht van dienstverleningsniveaus</h2>")
        guard !document.serviceLevels.isEmpty else {
            html.line("<p>\(escape(DocumentWording.noServiceLevels))</p>")
            html.line("</section>")
            return
        }
        html.line("<p>\(escape(DocumentWording.serviceLevelsIntroduction))</p>")
        let serviceNames = DocumentWording.serviceNames(document.tiers)
        for year in document.years {
            let table = DocumentWording.ServiceLevelTable(document.serviceLevels.filter { $0.year == year.year })
            if table.groups.isEmpty { continue }
            html.line("<h3>\(escape(DocumentWording.yearLabel(year)))</h3>")
            html.line("<table class=\"levels\">")
            html.line("<thead><tr><th scope=\"col\">School</th><th scope=\"col\" class=\"amount\">Leerlingen</th>"
                + table.levelNames.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>")
            for group in table.groups {
                // The service heading shares a row group with the first school, as in the price tables.
                html.line("<tbody class=\"keep\">")
                html.line("<tr class=\"programme-line\"><th scope=\"rowgroup\" colspan=\"\(table.levelNames.count + 2)\">"
                    + "\(escape(serviceNames[group.service] ?? group.service))</th></tr>")
                for (index, row) in group.rows.enumerated() {
                    if index == 1 { html.line("</tbody>\n<tbody>") }
                    html.line("<tr><td>\(escape(row.school))</td><td class=\"amount\">\(row.pupils)</td>"
                        + table.levelNames.map { name in
                            guard let level = row.levels[name] else { return "<td class=\"empty\">—</td>" }
                            let note = level.note.map { "<span class=\"section\">\(escape($0))</span>" } ?? ""
                            return "<td>\(escape(level.value))\(note)</td>"
                        }.joined() + "</tr>")
                }
                html.line("</tbody>")
            }
            html.line("</table>")
        }
        for footnote in DocumentWording.projectionFootnotes(document.years) {
            html.line("<p class=\"footnote\">\(escape(footnote))</p>")
        }
        html.line("</section>")
    }

    /// The payment schedule: every instalment, and per year a total row that equals what the
    /// municipality pays in that year.
    private static func instalmentsSection(_ document: AgreementDocument, into html: inout Markup) {
        html.line("<section class=\"instalments\">")
        html.line("<h2>Overzicht van termijnen</h2>")
        html.line("<table class=\"schedule\">")
        html.line("<thead><tr><th scope=\"col\">Jaar</th><th scope=\"col\">Termijn</th><th scope=\"col\">Vervaldatum</th>"
            + "<th scope=\"col\" class=\"amount\">Bedrag</th></tr></thead>")
        for year in document.years {
            let instalments = document.instalments.filter { $0.year == year.year }
            if instalments.isEmpty { continue }
            html.line("<tbody>")
            for instalment in instalments {
                html.line("<tr><td>\(escape(DocumentWording.yearLabel(year)))</td><td>\(escape(instalment.period))</td>"
                    + "<td>\(escape(instalment.due.dutchString))</td>\(amountCell(instalment.amount))</tr>")
            }
            let total = document.totals.first { $0.year == year.year }?.municipality
            html.line("<tr class=\"year-total\"><th scope=\"row\" colspan=\"3\">Totaal \(year.year)</th>\(amountCell(total))</tr>")
            html.line("</tbody>")
        }
        html.line("</table>")
        for footnote in DocumentWording.projectionFootnotes(document.years) {
            html.line("<p class=\"footnote\">\(escape(footnote))</p>")
        }
        html.line("</section>")
    }
}

/// The HTML text being built, one line at a time.
struct Markup {
    var text = ""

    /// Appends markup that is already escaped, and a line break.
    mutating func line(_ markup: String) {
        text += markup
        text += "\n"
    }

    /// Appends "<p><span class="label">Datum:</span> 21 november 2025</p>" with the value escaped.
    mutating func field(_ label: String, _ value: String) {
        line("<p><span class=\"label\">\(HTMLRenderer.escape(label)):</span> \(HTMLRenderer.escape(value))</p>")
    }
}

/// The fixed Dutch wording of the documents, shared by the HTML and Markdown renderers so both
/// formats say the same thing in the same words.
enum DocumentWording {
    /// The payer text of the municipality's lines, as the builder writes it.
    static let municipalityPayer = "gemeente"

    /// The payer of an annex line, with the VAT on top for a line stated excluding VAT:
    /// "school (+ btw € 324,36)".
    static func payer(_ line: DocumentLine) -> String {
        guard let vat = line.vat else { return line.payer }
        return "\(line.payer) (+ btw \(vat.dutchString))"
    }

    /// The heading when an offer has no title of its own.
    static let defaultTitle = "Diensten uit de Activiteitencatalogus"

    /// The sentence above the services tables.
    static let overviewExplanation = "Per dienst staat het bedrag dat de gemeente per jaar betaalt, jaarlijkse en eenmalige kosten samen; het eenmalige deel staat er apart bij. (O) betekent op offertebasis, (R) een richtprijs."

    /// The sentence above the totals table: only one line is what the municipality pays.
    static let totalsExplanation = "Alleen de regel ‘Te betalen door de gemeente’ is wat de gemeente betaalt. De bijdragen van scholen en deelnemers staan er ter informatie bij; zij worden rechtstreeks aan hen in rekening gebracht."

    /// The sentence at the top of every annex.
    static let annexIntroduction = "Elke regel is exact berekend en eenmaal afgerond op de precisie van het tarief; onder elke regel staat hoe het bedrag tot stand komt. Regels met als betaler school of deelnemers (cursief) tellen niet mee in het bedrag van de gemeente. (O) betekent op offertebasis, (R) een richtprijs."

    /// The sentence above the service levels.
    static let serviceLevelsIntroduction = "De bibliotheek levert per school ten minste het volgende dienstverleningsniveau, volgens de normen van de Activiteitencatalogus."

    /// The sentence when no service levels are promised.
    static let noServiceLevels = "Voor de diensten in deze overeenkomst gelden geen dienstverleningsniveaus per school."

    /// "1" or "2 (vervangt OFF-2025-001)".
    static func version(_ version: Int, supersedes: String?) -> String {
        guard let supersedes else { return String(version) }
        return "\(version) (vervangt \(supersedes))"
    }

    /// "behorend bij offerte OFF-2025-001".
    static func belongsToQuote(_ reference: String) -> String {
        "behorend bij offerte \(reference)"
    }

    /// "2025" or "2025 tot en met 2027".
    static func term(first: Int, last: Int) -> String {
        first == last ? String(first) : "\(first) tot en met \(last)"
    }

    /// The opening sentence of the offerte, naming the years it covers.
    static func quoteIntroduction(_ years: [DocumentYear]) -> String {
        var period = ""
        if let first = years.first?.year, let last = years.last?.year {
            period = first == last ? " voor \(first)" : " voor de jaren \(first) tot en met \(last)"
        }
        return "Hierbij bieden wij u de onderstaande diensten uit de Activiteitencatalogus aan\(period). De bijlagen tonen de berekening van iedere regel, met het tarief waaruit zij volgt."
    }

    /// The sentence above the acceptance signatures of an offerte.
    static func acceptance(reference: String) -> String {
        "Door ondertekening aanvaardt de gemeente offerte \(reference) zoals hierboven en in de bijlagen beschreven."
    }

    /// The parties of an agreement in the order they sign, each with the name the articles use.
    static func agreementParties(_ document: AgreementDocument) -> [(DocumentParty, String)] {
        [(document.municipality, "de gemeente;"), (document.supplier, "de bibliotheek.")]
    }

    /// "2025", or "2026*" for a projected year whose note is a footnote.
    static func yearLabel(_ year: DocumentYear) -> String {
        year.projected ? "\(year.year)*" : String(year.year)
    }

    /// The heading of the term column: "Totaal" for one year, "Totaal 2025–2027" for more.
    static func termTotalLabel(_ years: [DocumentYear]) -> String {
        guard let first = years.first?.year, let last = years.last?.year, first != last else { return "Totaal" }
        return "Totaal \(first)–\(last)"
    }

    /// "catalogus § 2.2": where the service is described in the catalogue.
    static func sectionLabel(_ section: String) -> String {
        "catalogus § \(section)"
    }

    /// "(O)" for a custom quote, "(R)" for a guide price.
    static func markers(quote: Bool, indicative: Bool) -> [String] {
        (quote ? ["(O)"] : []) + (indicative ? ["(R)"] : [])
    }

    /// "waarvan eenmalig € 25.800,00".
    static func oneOffPart(_ amount: Money) -> String {
        "waarvan eenmalig \(amount.dutchString)"
    }

    /// "* 2026: geprojecteerd vanuit tariefboek 2025 …" for every projected year with a note.
    static func projectionFootnotes(_ years: [DocumentYear]) -> [String] {
        years.compactMap { year in
            guard year.projected, let note = year.note else { return nil }
            return "* \(year.year): \(note)."
        }
    }

    /// The remark at the top of a projected year's annex.
    static func projectionSentence(year: Int, note: String) -> String {
        "De bedragen voor \(year) zijn \(note)."
    }

    /// "Bijlage 1 — Berekening 2025", with "(projectie)" for a projected year.
    static func annexHeading(number: Int, annex: DocumentAnnex) -> String {
        "Bijlage \(number) — Berekening \(annex.year)" + (annex.projected ? " (projectie)" : "")
    }

    /// The service names by code, to name the service of a service level.
    static func serviceNames(_ tiers: [DocumentTier]) -> [String: String] {
        var names: [String: String] = [:]
        for service in tiers.flatMap({ $0.programmeLines.flatMap(\.services) }) {
            names[service.code] = service.name
        }
        return names
    }

    /// The service levels of one year laid out as a table: a column per level (in the order
    /// they first appear), a row per school, the rows grouped by service.
    struct ServiceLevelTable {
        /// One school's levels, by level name.
        struct Row {
            let school: String
            let pupils: Int
            var levels: [String: DocumentServiceLevel] = [:]
        }

        /// The schools of one service.
        struct Group {
            let service: String
            var rows: [Row] = []
        }

        private(set) var levelNames: [String] = []
        private(set) var groups: [Group] = []

        init(_ levels: [DocumentServiceLevel]) {
            for level in levels {
                if !levelNames.contains(level.name) { levelNames.append(level.name) }
                let groupIndex: Int
                if let index = groups.firstIndex(where: { $0.service == level.service }) {
                    groupIndex = index
                } else {
                    groups.append(Group(service: level.service))
                    groupIndex = groups.count - 1
                }
                // A school is known by its name and pupils: the model carries no school code.
                let rowIndex: Int
                if let index = groups[groupIndex].rows.firstIndex(where: { $0.school == level.school && $0.pupils == level.pupils }) {
                    rowIndex = index
                } else {
                    groups[groupIndex].rows.append(Row(school: level.school, pupils: level.pupils))
                    rowIndex = groups[groupIndex].rows.count - 1
                }
                groups[groupIndex].rows[rowIndex].levels[level.name] = level
            }
        }
    }

    /// "Opdrachtgever" from "opdrachtgever".
    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// How a row of the totals table looks: the municipality's amount stands out, its parts
    /// are indented, and the amounts others pay are greyed as information.
    enum TotalsRowKind: String {
        case municipality
        case detail
        case information
    }

    /// One row of the totals table.
    struct TotalsRow {
        let label: String
        let kind: TotalsRowKind
        let value: (DocumentTotals) -> Money
    }

    /// The rows of every totals table, the municipality's amount first.
    static var totalsRows: [TotalsRow] {
        [
            TotalsRow(label: "Te betalen door de gemeente", kind: .municipality, value: { $0.municipality }),
            TotalsRow(label: "waarvan eenmalig", kind: .detail, value: { $0.oneOff }),
            TotalsRow(label: "waarvan jaarlijks", kind: .detail, value: { $0.annual }),
            TotalsRow(label: "Bijdrage scholen, excl. btw (ter informatie)", kind: .information, value: { $0.school }),
            TotalsRow(label: "Btw over de bijdrage scholen (ter informatie)", kind: .information, value: { $0.schoolVAT }),
            TotalsRow(label: "Verwachte bijdragen deelnemers (ter informatie)", kind: .information, value: { $0.participants }),
        ]
    }
}
