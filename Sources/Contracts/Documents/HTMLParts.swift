import Catalogue
import Money

/// The parts the HTML documents share.
extension HTMLRenderer {
    /// A right-aligned amount, or a dash for a year without one.
    static func amountCell(_ amount: Money?) -> String {
        guard let amount else { return "<td class=\"amount empty\">—</td>" }
        return "<td class=\"amount\">\(escape(DocumentNotation.amount(amount)))</td>"
    }

    /// The CONCEPT banner, the illustrative data and the missing details, each a bordered
    /// paragraph under the header (marked in words, not by colour).
    static func notices(concept kind: String?, checks: DocumentChecks, into html: inout Markup) {
        if let kind { html.line("<p class=\"notice concept\">\(escape(DocumentWording.conceptNotice(kind)))</p>") }
        if !checks.illustrative.isEmpty {
            html.line("<p class=\"notice\">\(escape(DocumentWording.illustrativeNotice(checks.illustrative)))</p>")
        }
        if !checks.missing.isEmpty {
            html.line("<p class=\"notice\">\(placeholders(DocumentWording.missingNotice(checks.missing)))</p>")
        }
    }

    /// One table per tier: a row per programme line heading and per service, a column per year
    /// and one for the whole term, then the tier's subtotal.
    static func servicesTables(_ tiers: [DocumentTier], years: [DocumentYear], into html: inout Markup) {
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
        var row = "<tr><th scope=\"row\"><span class=\"service-name\">\(escape(service.name))</span>"
        for marker in DocumentWording.markers(quote: service.hasQuote, indicative: service.hasIndicative, illustrative: service.illustrative) {
            row += " <span class=\"marker\">\(escape(marker))</span>"
        }
        row += "<span class=\"section\">\(escape(DocumentWording.sectionLabel(service.section)))</span></th>"
        for year in years {
            if let amount = service.amounts.byYear[year.year] {
                row += "<td class=\"amount\">\(escape(DocumentNotation.amount(amount)))"
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

    /// The totals per year and for the whole term, with the sentence that says which line the
    /// municipality pays.
    static func totalsSection(_ totals: [DocumentTotals], years: [DocumentYear], into html: inout Markup) {
        html.line("<section class=\"totals-section keep\">")
        html.line("<h3>Totalen</h3>")
        html.line("<p class=\"totals-explanation\">\(escape(DocumentWording.totalsExplanation))</p>")
        html.line("<table class=\"totals\">")
        html.line("<thead><tr><th scope=\"col\">Bedrag</th>"
            + years.map { "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.yearLabel($0)))</th>" }.joined()
            + "<th scope=\"col\" class=\"amount\">\(escape(DocumentWording.termTotalLabel(years)))</th></tr></thead>")
        html.line("<tbody>")
        let columns: [Int?] = years.map { Optional($0.year) } + [nil]
        for row in DocumentWording.totalsRows(totals) {
            html.line("<tr class=\"\(row.kind.rawValue)\"><th scope=\"row\">\(escape(row.label))</th>"
                + columns.map { year in amountCell(totals.first { $0.year == year }.map(row.value)) }.joined()
                + "</tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    /// A titled numbered list (the offerte's conditions).
    static func listSection(_ title: String, _ items: [String], into html: inout Markup) {
        guard !items.isEmpty else { return }
        html.line("<section class=\"notes-section\">")
        html.line("<h2>\(escape(title))</h2>")
        html.line("<ol class=\"notes\">")
        for item in items { html.line("<li>\(placeholders(item))</li>") }
        html.line("</ol>")
        html.line("</section>")
    }

    /// The signature block, the same in every document.
    static func signatures(_ block: SignatureBlock, into html: inout Markup) {
        html.line("<section class=\"signatures\">")
        html.line("<h2>Ondertekening</h2>")
        html.line("<p>\(escape(block.statement))</p>")
        html.line("<div class=\"signature-grid\">")
        for (heading, party) in block.parties {
            html.line("<div class=\"signature\">")
            html.line("<p class=\"role\">\(escape(heading))</p>")
            html.line("<p class=\"party\">\(placeholders(party.name ?? DocumentWording.missing))</p>")
            for field in SignatureBlock.fields {
                let tall = field == "Handtekening" ? " tall" : ""
                let value = SignatureBlock.filled(field, party).map { "<span class=\"filled\">\(escape($0))</span>" } ?? "<span class=\"blank\"></span>"
                html.line("<p class=\"signature-line\(tall)\"><span class=\"label\">\(escape(field)):</span>\(value)</p>")
            }
            html.line("</div>")
        }
        html.line("</div>")
        html.line("</section>")
    }

    /// The parties and the recitals of an agreement.
    static func partiesSection(_ document: AgreementDocument, into html: inout Markup) {
        html.line("<section class=\"parties\">")
        html.line("<h2>Partijen</h2>")
        html.line("<ol class=\"party-list\">")
        for party in [document.municipality, document.supplier] {
            html.line("<li><strong>\(placeholders(DocumentWording.partyName(party)))</strong>, \(placeholders(DocumentWording.partyClauses(party)))</li>")
        }
        html.line("</ol>")
        html.line("<p>hierna samen: partijen.</p>")
        html.line("<h2>Overwegingen</h2>")
        html.line("<p>Overwegende dat:</p>")
        html.line("<ol class=\"considerations\">")
        for consideration in document.considerations { html.line("<li>\(escape(consideration))</li>") }
        html.line("</ol>")
        html.line("<p>komen het volgende overeen.</p>")
        html.line("</section>")
    }

    /// The numbered articles, each paragraph kept whole on a page.
    static func articlesSection(_ articles: [DocumentArticle], into html: inout Markup) {
        html.line("<section class=\"articles\">")
        for article in articles {
            html.line("<section class=\"article\">")
            // The articles follow the title directly, so they are second-level headings, set in the
            // size of the third level (heading order for screen readers; axe-core 'heading-order').
            html.line("<h2 class=\"article-title\">Artikel \(article.number) \(escape(article.title))</h2>")
            for (index, paragraph) in article.paragraphs.enumerated() {
                html.line("<p class=\"paragraph\"><span class=\"paragraph-number\">\(article.number).\(index + 1)</span>"
                    + "<span class=\"paragraph-text\">\(placeholders(paragraph))</span></p>")
            }
            html.line("</section>")
        }
        html.line("</section>")
    }
}
