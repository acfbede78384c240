import Catalogue
import Money

/// Lays out the offerte and the uitvoeringsovereenkomst as GitHub-flavoured Markdown, with the
/// same content, wording and numbers as the HTML. Every text from the model passes through
/// `escape`, so no input can turn into formatting, a link, HTML or a spreadsheet formula.
public enum MarkdownRenderer {
    /// The offerte in Markdown.
    public static func render(_ document: QuoteDocument) -> String {
        var markdown = MarkdownText()
        let years = document.years
        markdown.block("# Offerte")
        markdown.block("**\(escape(document.supplier.name))**")
        markdown.block([
            field("Kenmerk", document.reference),
            field("Versie", DocumentWording.version(document.version, supersedes: document.supersedes)),
            field("Datum", document.date.dutchString),
            field("Geldig tot", document.validUntil.dutchString),
        ].map { "- " + $0 }.joined(separator: "\n"))
        var addressee = "Aan: **\(escape(document.municipality.name))**"
        if let representative = document.municipality.representative {
            addressee += "\\\nt.a.v. \(escape(representative))"
        }
        markdown.block(addressee)
        markdown.block("## \(escape(document.title ?? DocumentWording.defaultTitle))")
        markdown.block(escape(DocumentWording.quoteIntroduction(years)))

        markdown.block("## Diensten en prijzen")
        markdown.block(escape(DocumentWording.overviewExplanation))
        servicesTables(document.tiers, years: years, into: &markdown)
        totalsSection(document.totals, years: years, into: &markdown)
        notesSection(document.notes, into: &markdown)

        markdown.block("## Voor akkoord")
        markdown.block(escape(DocumentWording.acceptance(reference: document.reference)))
        for party in [document.municipality, document.supplier] {
            signatureBlock(party, fields: ["Naam", "Functie", "Datum", "Handtekening"], into: &markdown)
        }

        annexSections(document.annexes, years: years, into: &markdown)
        if let coverage = document.coverage {
            for block in coverageBlocks(coverage, number: document.annexes.count + 1, years: years) { markdown.block(block) }
        }
        return markdown.text
    }

    /// The uitvoeringsovereenkomst in Markdown.
    public static func render(_ document: AgreementDocument) -> String {
        var markdown = MarkdownText()
        let years = document.years
        markdown.block("# Uitvoeringsovereenkomst")
        markdown.block("**\(escape(document.supplier.name))**")
        markdown.block([
            field("Kenmerk", document.reference),
            escape(DocumentWording.belongsToQuote(document.quoteReference)),
            field("Datum", document.date.dutchString),
            field("Looptijd", DocumentWording.term(first: document.firstYear, last: document.lastYear)),
        ].map { "- " + $0 }.joined(separator: "\n"))

        markdown.block("De ondergetekenden:")
        markdown.block(DocumentWording.agreementParties(document).enumerated().map { index, party in
            "\(index + 1). \(partyDescription(party.0, alias: party.1))"
        }.joined(separator: "\n"))
        markdown.block("Overwegende dat:")
        markdown.block(document.considerations.map { "- " + escape($0) }.joined(separator: "\n"))
        markdown.block("Komen het volgende overeen:")

        for article in document.articles {
            markdown.block("### Artikel \(article.number) \(escape(article.title))")
            // Each paragraph carries its number in bold, so Markdown does not renumber it as a list.
            for (index, paragraph) in article.paragraphs.enumerated() {
                markdown.block("**\(article.number).\(index + 1)** \(escape(paragraph))")
            }
        }

        markdown.block("## Overzicht van diensten en prijzen")
        markdown.block(escape(DocumentWording.overviewExplanation))
        servicesTables(document.tiers, years: years, into: &markdown)
        totalsSection(document.totals, years: years, into: &markdown)
        serviceLevelsSection(document, into: &markdown)
        instalmentsSection(document, into: &markdown)
        notesSection(document.notes, into: &markdown)

        markdown.block("## Ondertekening")
        markdown.block("Aldus overeengekomen en in tweevoud getekend.")
        for party in [document.municipality, document.supplier] {
            signatureBlock(party, fields: ["Plaats", "Datum", "Naam", "Functie", "Handtekening"], into: &markdown)
        }

        annexSections(document.annexes, years: years, into: &markdown)
        return markdown.text
    }

    /// Makes text literal in Markdown, in a paragraph as well as in a table cell: `&`, `<` and
    /// `>` become entities (so a Markdown-to-HTML converter cannot emit markup), the characters
    /// that start emphasis, code, links, strikethrough or a cell border get a backslash, and so
    /// does a leading `#`, `-`, `+`, `=`, `@` or list number, which would otherwise start a
    /// heading, a list or a formula. Line breaks become spaces because they would end a row.
    /// Bare URLs and e-mail addresses are broken up for the autolinkers of GitHub and other
    /// renderers (cmark-gfm, markdown-it's linkify): the `:` of `://`, the `.` of a `www.` that
    /// starts a word and every `@` get a backslash, which shows nothing but stops the link.
    static func escape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let firstVisible = scalars.firstIndex { !" \t\n\r".unicodeScalars.contains($0) } ?? scalars.count
        let listMarker = orderedListMarker(in: scalars, from: firstVisible)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "|", "*", "_", "`", "[", "]", "~":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "@":
                result += "\\@"
            case ":" where startsURLSeparator(scalars, at: index), "." where endsWordWWW(scalars, at: index):
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "#", "-", "+", "=":
                // Only at the start: "Nieuw-Balinge" keeps its hyphen as it is.
                if index == firstVisible { result += "\\" }
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                result += " "
            default:
                if index == listMarker { result += "\\" }
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether the ":" at `index` starts "://", as in a URL's scheme.
    private static func startsURLSeparator(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/"
    }

    /// Whether the "." at `index` follows a "www" (any case) that starts a word.
    private static func endsWordWWW(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 3, scalars[(index - 3)..<index].allSatisfy({ $0 == "w" || $0 == "W" }) else { return false }
        return index == 3 || !(scalars[index - 4].properties.isAlphabetic || ("0"..."9").contains(scalars[index - 4]))
    }

    /// The position of the "." or ")" when the text starts like an ordered list item ("1. ",
    /// "12) "): one to nine digits, the mark, then a space or the end. "34.093" is no list item.
    private static func orderedListMarker(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count, index - start < 9, ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index > start, index < scalars.count, scalars[index] == "." || scalars[index] == ")" else { return nil }
        let next = index + 1
        return next == scalars.count || scalars[next] == " " || scalars[next] == "\t" ? index : nil
    }

    // MARK: Shared parts

    /// "Kenmerk: OFF-2025-001", with the value escaped.
    private static func field(_ label: String, _ value: String) -> String {
        "\(label): \(escape(value))"
    }

    /// One table per tier, as in the HTML: a row per programme line heading and per service,
    /// a column per year and one for the term, then the subtotal.
    private static func servicesTables(_ tiers: [DocumentTier], years: [DocumentYear], into markdown: inout MarkdownText) {
        for tier in tiers {
            markdown.block("### \(escape(tier.name))")
            var rows = [
                "| Dienst | " + years.map { escape(DocumentWording.yearLabel($0)) + " | " }.joined()
                    + escape(DocumentWording.termTotalLabel(years)) + " |",
                "| :-- | " + String(repeating: "--: | ", count: years.count + 1).dropLast(),
            ]
            for programmeLine in tier.programmeLines {
                rows.append("| **\(escape(programmeLine.name))** | " + String(repeating: " | ", count: years.count + 1).dropLast())
                for service in programmeLine.services {
                    var name = escape(service.name)
                    for marker in DocumentWording.markers(quote: service.hasQuote, indicative: service.hasIndicative) {
                        name += " " + escape(marker)
                    }
                    name += " — " + escape(DocumentWording.sectionLabel(service.section))
                    var cells = [name]
                    for year in years {
                        guard let amount = service.amounts.byYear[year.year] else {
                            cells.append("—")
                            continue
                        }
                        var cell = escape(amount.dutchString)
                        if let oneOff = service.oneOff[year.year] {
                            cell += " (\(escape(DocumentWording.oneOffPart(oneOff))))"
                        }
                        cells.append(cell)
                    }
                    cells.append(escape(service.amounts.total.dutchString))
                    rows.append(row(cells))
                }
            }
            rows.append(row(["**Subtotaal \(escape(tier.name))**"]
                + years.map { year in tier.subtotal.byYear[year.year].map { "**\(escape($0.dutchString))**" } ?? "—" }
                + ["**\(escape(tier.subtotal.total.dutchString))**"]))
            markdown.block(rows.joined(separator: "\n"))
        }
    }

    /// A table row from cells that are already escaped.
    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// The totals per year and for the term, with the sentence that says which line the
    /// municipality pays, and the footnotes of projected years.
    private static func totalsSection(_ totals: [DocumentTotals], years: [DocumentYear], into markdown: inout MarkdownText) {
        markdown.block("### Totalen")
        markdown.block(escape(DocumentWording.totalsExplanation))
        var rows = [
            "| | " + years.map { escape(DocumentWording.yearLabel($0)) + " | " }.joined() + "Totaal looptijd |",
            "| :-- | " + String(repeating: "--: | ", count: years.count + 1).dropLast(),
        ]
        let columns: [Int?] = years.map { Optional($0.year) } + [nil]
        for totalsRow in DocumentWording.totalsRows {
            let emphasis = totalsRow.kind == .municipality ? "**" : ""
            rows.append(row(["\(emphasis)\(escape(totalsRow.label))\(emphasis)"] + columns.map { year in
                guard let amount = totals.first(where: { $0.year == year }).map(totalsRow.value) else { return "—" }
                return "\(emphasis)\(escape(amount.dutchString))\(emphasis)"
            }))
        }
        markdown.block(rows.joined(separator: "\n"))
        footnotes(years, into: &markdown)
    }

    /// The footnotes of projected years, each a paragraph of its own.
    private static func footnotes(_ years: [DocumentYear], into markdown: inout MarkdownText) {
        for footnote in DocumentWording.projectionFootnotes(years) {
            markdown.block(escape(footnote))
        }
    }

    /// The remarks as a numbered list.
    private static func notesSection(_ notes: [String], into markdown: inout MarkdownText) {
        guard !notes.isEmpty else { return }
        markdown.block("## Toelichting")
        markdown.block(notes.enumerated().map { "\($0.offset + 1). \(escape($0.element))" }.joined(separator: "\n"))
    }

    /// A party's signature block: role and name, and a dotted line per field.
    private static func signatureBlock(_ party: DocumentParty, fields: [String], into markdown: inout MarkdownText) {
        markdown.block("**\(escape(DocumentWording.capitalised(party.role))): \(escape(party.name))**")
        markdown.block(fields.map { field in
            let filled = field == "Naam" ? party.representative.map(escape) : nil
            return "- \(field): \(filled ?? String(repeating: "…", count: 30))"
        }.joined(separator: "\n"))
    }

    /// "**Gemeente Midden-Drenthe**, opdrachtgever, hierna te noemen: de gemeente;".
    private static func partyDescription(_ party: DocumentParty, alias: String) -> String {
        var text = "**\(escape(party.name))**, \(escape(party.role))"
        if let representative = party.representative {
            text += ", vertegenwoordigd door \(escape(representative))"
        }
        return text + ", hierna te noemen: \(escape(alias))"
    }

    /// One annex per year after a rule: the priced lines as a table, their explanations as a
    /// list numbered like the table's rows, then the year's totals.
    private static func annexSections(_ annexes: [DocumentAnnex], years: [DocumentYear], into markdown: inout MarkdownText) {
        for (index, annex) in annexes.enumerated() {
            markdown.block("---")
            markdown.block("## \(escape(DocumentWording.annexHeading(number: index + 1, annex: annex)))")
            markdown.block(escape(DocumentWording.annexIntroduction))
            if let note = years.first(where: { $0.year == annex.year })?.note {
                markdown.block(escape(DocumentWording.projectionSentence(year: annex.year, note: note)))
            }
            var rows = [
                "| Nr. | Dienst | Onderdeel | Onderwerp | Aantal | Prijs per eenheid | Bedrag | Frequentie | Betaler |",
                "| --: | :-- | :-- | :-- | --: | --: | --: | :-- | :-- |",
            ]
            for (lineIndex, line) in annex.lines.enumerated() {
                var component = escape(line.componentName)
                for marker in DocumentWording.markers(quote: line.isQuote, indicative: line.isIndicative) {
                    component += " " + escape(marker)
                }
                rows.append(row([
                    String(lineIndex + 1), escape(line.serviceName), component, escape(line.subject ?? "—"),
                    escape(line.quantity.dutchString), escape(line.unitPrice.dutchString), escape(line.amount.dutchString),
                    escape(line.recurrence), escape(DocumentWording.payer(line)),
                ]))
            }
            markdown.block(rows.joined(separator: "\n"))
            if !annex.lines.isEmpty {
                markdown.block("Toelichting per regel:")
                markdown.block(annex.lines.enumerated().map { "\($0.offset + 1). \(escape($0.element.explanation))" }
                    .joined(separator: "\n"))
            }
            markdown.block("### Totalen \(annex.year)")
            var totals = ["| | \(annex.year) |", "| :-- | --: |"]
            for totalsRow in DocumentWording.totalsRows {
                let emphasis = totalsRow.kind == .municipality ? "**" : ""
                totals.append(row(["\(emphasis)\(escape(totalsRow.label))\(emphasis)",
                                   "\(emphasis)\(escape(totalsRow.value(annex.totals).dutchString))\(emphasis)"]))
            }
            markdown.block(totals.joined(separator: "\n"))
        }
    }

    // MARK: Agreement parts

    /// The promised service levels, one table per year: a row per school, a column per level,
    /// grouped by service, as in the HTML.
    private static func serviceLevelsSection(_ document: AgreementDocument, into markdown: inout MarkdownText) {
        markdown.block("## Overzicht van dienstverleningsniveaus")
        guard !document.serviceLevels.isEmpty else {
            markdown.block(escape(DocumentWording.noServiceLevels))
            return
        }
        markdown.block(escape(DocumentWording.serviceLevelsIntroduction))
        let serviceNames = DocumentWording.serviceNames(document.tiers)
        for year in document.years {
            let table = DocumentWording.ServiceLevelTable(document.serviceLevels.filter { $0.year == year.year })
            if table.groups.isEmpty { continue }
            markdown.block("### \(escape(DocumentWording.yearLabel(year)))")
            var rows = [
                row(["School", "Leerlingen"] + table.levelNames.map(escape)),
                row([":--", "--:"] + table.levelNames.map { _ in ":--" }),
            ]
            for group in table.groups {
                rows.append(row(["**\(escape(serviceNames[group.service] ?? group.service))**", ""] + table.levelNames.map { _ in "" }))
                for schoolRow in group.rows {
                    rows.append(row([escape(schoolRow.school), String(schoolRow.pupils)] + table.levelNames.map { name in
                        guard let level = schoolRow.levels[name] else { return "—" }
                        return escape(level.value) + (level.note.map { " (\(escape($0)))" } ?? "")
                    }))
                }
            }
            markdown.block(rows.joined(separator: "\n"))
        }
        footnotes(document.years, into: &markdown)
    }

    /// The payment schedule, with per year a total row equal to what the municipality pays.
    private static func instalmentsSection(_ document: AgreementDocument, into markdown: inout MarkdownText) {
        markdown.block("## Overzicht van termijnen")
        var rows = ["| Jaar | Termijn | Vervaldatum | Bedrag |", "| :-- | :-- | :-- | --: |"]
        for year in document.years {
            let instalments = document.instalments.filter { $0.year == year.year }
            if instalments.isEmpty { continue }
            for instalment in instalments {
                rows.append(row([escape(DocumentWording.yearLabel(year)), escape(instalment.period),
                                 escape(instalment.due.dutchString), escape(instalment.amount.dutchString)]))
            }
            let total = document.totals.first { $0.year == year.year }?.municipality
            rows.append(row(["**Totaal \(year.year)**", "", "", total.map { "**\(escape($0.dutchString))**" } ?? "—"]))
        }
        markdown.block(rows.joined(separator: "\n"))
        footnotes(document.years, into: &markdown)
    }
}

/// The Markdown text being built, one block (paragraph, list, table, heading) at a time.
private struct MarkdownText {
    var text = ""

    /// Appends a block that is already escaped, separated from the previous one by a blank line.
    mutating func block(_ markdown: String) {
        if !text.isEmpty { text += "\n" }
        text += markdown
        text += "\n"
    }
}
