import Catalogue
import Money

/// Lays out the offerte, the uitvoeringsovereenkomst and the rekenbijlage as one self-contained
/// HTML5 file each: no fonts, images, scripts or style sheets from elsewhere, so the file can be
/// mailed, archived and printed on A4 as it is. Every text from the model passes through
/// `escape` exactly once. Headings run h1, h2, h3 in order; table headers carry their scope;
/// marks are words or letters, never colour alone.
public enum HTMLRenderer {
    /// The offerte as an HTML page that prints on A4.
    public static func render(_ document: QuoteDocument) -> String {
        var html = Markup()
        let years = document.years
        let concept = document.release.isConcept
        html.line("<header class=\"document-header\">")
        html.line("<div class=\"letterhead\">")
        html.line("<p class=\"supplier\">\(escape(DocumentWording.partyName(document.supplier)))</p>")
        for detail in DocumentWording.supplierDetails(document.supplier) { html.line("<p>\(placeholders(detail))</p>") }
        html.line("</div>")
        html.line("<h1>\(concept ? "Offerte (concept)" : "Offerte")</h1>")
        html.line("<div class=\"meta\">")
        html.field("Kenmerk", document.reference)
        html.field("Versie", DocumentWording.version(document.version, supersedes: document.supersedes))
        html.field("Datum", document.date.dutchString)
        html.field("Geldig tot en met", document.validUntil.dutchString)
        html.line("</div>")
        html.line("</header>")
        notices(concept: concept ? "een offerte" : nil, checks: document.checks, into: &html)
        html.line("<section class=\"addressee\">")
        html.line("<p class=\"label\">Aan</p>")
        html.line("<p class=\"party\">\(escape(DocumentWording.partyName(document.municipality)))</p>")
        if let signatory = document.municipality.signatory, let name = signatory.name {
            html.line("<p>t.a.v. \(escape(name))\(signatory.function.map { ", " + escape($0) } ?? "")</p>")
        }
        html.line("<p>\(placeholders(DocumentWording.address(document.municipality.address)))</p>")
        html.line("</section>")
        html.line("<h2 class=\"title\">\(escape(document.title ?? DocumentWording.defaultTitle))</h2>")
        html.line("<p class=\"intro\">\(escape(QuoteWording.introduction(document)))</p>")
        html.line("<section class=\"overview\">")
        html.line("<h2>Activiteiten en subsidiebedrag per jaar</h2>")
        html.line("<p>\(escape(DocumentWording.overviewExplanation))</p>")
        servicesTables(document.tiers, years: years, into: &html)
        totalsSection(document.totals, years: years, into: &html)
        html.line("</section>")
        listSection("Voorwaarden", document.conditions + document.notes, into: &html)
        html.line("<section class=\"acceptance\">")
        html.line("<h2>Aanvaarden</h2>")
        html.line("<p>\(placeholders(QuoteWording.howToAccept(document)))</p>")
        html.line("</section>")
        signatures(SignatureBlock.quote(document), into: &html)
        if let coverage = document.coverage {
            coverageSection(coverage, number: 1, years: years, into: &html)
        }
        let title = "Offerte \(document.reference) — \(document.municipality.name ?? "")"
        return page(title: title, compact: years.count >= 3, body: html.text, concept: concept)
    }

    /// The uitvoeringsovereenkomst as an HTML page that prints on A4: header, parties, recitals,
    /// articles, signatures, the list of annexes, then the annexes.
    public static func render(_ document: AgreementDocument) -> String {
        var html = Markup()
        let concept = document.release.isConcept
        html.line("<header class=\"document-header\">")
        html.line("<p class=\"supplier\">\(escape(DocumentWording.partyName(document.supplier)))</p>")
        html.line("<h1>\(concept ? "Uitvoeringsovereenkomst (concept)" : "Uitvoeringsovereenkomst")</h1>")
        html.line("<p class=\"subtitle\">\(escape(AgreementWording.subtitle(document)))</p>")
        html.line("<div class=\"meta\">")
        html.field("Kenmerk", document.reference)
        html.field("Offerte", "\(document.quoteReference) van \(document.quoteDate.dutchString)")
        html.field("Datum", document.date.dutchString)
        html.field("Looptijd", DocumentWording.term(first: document.firstYear, last: document.lastYear))
        html.line("</div>")
        html.line("</header>")
        notices(concept: concept ? "een uitvoeringsovereenkomst" : nil, checks: document.checks, into: &html)
        partiesSection(document, into: &html)
        articlesSection(document.articles, into: &html)
        signatures(SignatureBlock.agreement(document), into: &html)
        html.line("<section class=\"annex-index\">")
        html.line("<h2>Bijlagen</h2>")
        html.line("<ol class=\"annex-list\">")
        for name in DocumentWording.agreementAnnexes { html.line("<li>\(escape(name))</li>") }
        html.line("</ol>")
        html.line("</section>")
        agreementAnnexes(document, into: &html)
        let title = "Uitvoeringsovereenkomst \(document.reference) — \(document.municipality.name ?? "")"
        return page(title: title, compact: document.years.count >= 3, body: html.text, concept: concept)
    }

    /// The rekenbijlage as an HTML page: per year every line with its explanation, and the totals.
    public static func render(_ document: CalculationDocument) -> String {
        var html = Markup()
        html.line("<header class=\"document-header\">")
        if let supplier = document.supplier { html.line("<p class=\"supplier\">\(escape(supplier))</p>") }
        html.line("<h1>Rekenbijlage</h1>")
        html.line("<div class=\"meta\">")
        html.field("Bij", document.belongsTo)
        html.field("Gemeente", document.municipality)
        html.field("Datum", document.date.dutchString)
        html.line("</div>")
        html.line("</header>")
        html.line("<p>\(escape(DocumentWording.calculationIntroduction))</p>")
        if !document.illustrative.isEmpty {
            html.line("<p class=\"notice\">\(escape(DocumentWording.illustrativeNotice(document.illustrative)))</p>")
        }
        calculationSections(document, into: &html)
        return page(title: "Rekenbijlage bij \(document.belongsTo) — \(document.municipality)", compact: document.years.count >= 3, body: html.text)
    }

    /// Escapes `text` and shows each "[in te vullen]" in it as a bold placeholder.
    static func placeholders(_ text: String) -> String {
        escape(text).replacing(DocumentWording.missing, with: "<span class=\"placeholder\">\(DocumentWording.missing)</span>")
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

    /// Wraps the body in the HTML5 skeleton with the embedded style sheet. A concept carries
    /// CONCEPT in its title and, through a page margin box, at the top of every printed page.
    static func page(title: String, compact: Bool, body: String, concept: Bool = false) -> String {
        var html = Markup()
        html.line("<!DOCTYPE html>")
        html.line("<html lang=\"nl\">")
        html.line("<head>")
        html.line("<meta charset=\"utf-8\">")
        html.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.line("<title>\(escape(concept ? "CONCEPT — " + title : title))</title>")
        html.line("<style>")
        html.text += styleSheet
        if concept { html.text += conceptStyle }
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

    /// The CONCEPT mark at the top of every printed page (a page margin box).
    private static let conceptStyle = """
        @page {
          @top-center {
            content: "CONCEPT — niet ter ondertekening";
            font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
            font-size: 11pt;
            font-weight: 700;
            letter-spacing: 0.1em;
          }
        }

        """

    /// The style sheet: a centred page-like column on screen; on paper A4 with page numbers
    /// where the browser supports margin boxes, rows and headings kept together, table headers
    /// repeated and every annex on a new page. Only system fonts, so nothing is fetched.
    private static let styleSheet = """
        @page {
          size: A4;
          margin: 16mm 15mm 17mm 15mm;
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
          font-size: 9.5pt;
          line-height: 1.35;
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
        h1 { font-size: 20pt; margin: 2pt 0 6pt; }
        h2 { font-size: 13pt; margin: 14pt 0 5pt; }
        h3, h2.article-title { font-size: 10.5pt; margin: 10pt 0 3pt; }
        p { margin: 0 0 5pt; }
        .document-header { border-bottom: 2px solid #1a1a1a; padding-bottom: 6pt; margin-bottom: 10pt; }
        .letterhead p { margin: 0; font-size: 8.5pt; }
        .subtitle { font-size: 11pt; margin: 0 0 6pt; }
        .notice { border: 1.5px solid #1a1a1a; padding: 4pt 6pt; margin: 6pt 0; break-inside: avoid; }
        .notice.concept { border-width: 3px; font-weight: 700; }
        .placeholder { font-weight: 700; white-space: nowrap; }
        .supplier { font-weight: 600; font-size: 11pt; margin: 0; }
        .meta p { margin: 0; }
        .label { font-weight: 600; }
        .addressee { margin: 12pt 0; }
        .addressee p { margin: 0; }
        .addressee .party { font-size: 11pt; font-weight: 600; }
        h2.title { margin-top: 12pt; }
        table { width: 100%; border-collapse: collapse; margin: 3pt 0 8pt; font-size: 8.5pt; }
        body.compact table.prices, body.compact table.totals { font-size: 8pt; }
        table.prices { table-layout: fixed; }
        table.prices thead th:first-child { width: 40%; }
        table.activities td, table.levels td { font-size: 8pt; }
        table.activities td:first-child { width: 24%; }
        .description { display: block; color: #444; }
        thead { display: table-header-group; }
        tr, .keep { break-inside: avoid; page-break-inside: avoid; }
        th, td { padding: 2pt 4pt; vertical-align: top; text-align: left; }
        tbody th[scope="row"] { font-weight: normal; }
        td.hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7pt; word-break: break-all; }
        ul.commitments { margin: 2pt 0 0 12pt; padding: 0; }
        thead th { border-bottom: 1.5px solid #1a1a1a; font-weight: 600; }
        tbody td, tbody th { border-bottom: 0.5px solid #c8c8c8; }
        .amount, .money { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .amount { text-align: right; }
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
        .article .paragraph { break-inside: avoid; page-break-inside: avoid; }
        .paragraph { display: flex; gap: 6pt; margin-bottom: 3pt; }
        .paragraph-number { flex: 0 0 22pt; }
        .signatures { break-inside: avoid; page-break-inside: avoid; }
        .signature-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16pt; margin-top: 8pt; }
        .signature { break-inside: avoid; page-break-inside: avoid; }
        .signature .role { font-weight: 600; margin: 0; }
        .signature .party { margin: 0 0 8pt; }
        .signature-line { display: flex; align-items: flex-end; gap: 6pt; min-height: 18pt; margin: 0; }
        .signature-line .filled { flex: 1; border-bottom: 0.75px solid #1a1a1a; }
        .signature-line .blank { flex: 1; border-bottom: 0.75px solid #1a1a1a; min-height: 14pt; }
        .signature-line.tall { min-height: 40pt; }
        ol.annex-list { margin: 0 0 6pt; }
        .annex { break-before: page; page-break-before: always; }
        table.lines { font-size: 8pt; }
        table.lines td.number, table.lines th.number { width: 18pt; text-align: right; }
        table.lines tbody.line td { border-bottom: none; }
        table.lines tr.explanation td { font-size: 7pt; color: #444; border-bottom: 0.5px solid #c8c8c8; padding-top: 0; }
        table.lines tr.service-group th { background: #efefef; font-weight: 600; border-bottom: none; }
        table.lines tr.other-payer td { color: #555; font-style: italic; }
        table.lines tr.other-payer td.number { font-style: normal; }
        table.annex-totals { width: auto; min-width: 55%; }
        table.levels th[scope="row"] { width: 34%; }
        table caption { text-align: left; font-weight: 600; padding: 2pt 0; }
        @media print {
          html { background: none; }
          .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
        }

        """

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
