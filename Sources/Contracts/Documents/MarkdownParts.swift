import Catalogue
import Money

/// The parts the Markdown documents share, laid out as in the HTML.
extension MarkdownRenderer {
    /// The CONCEPT banner, the illustrative data and the missing details, each a quoted block.
    static func notices(concept kind: String?, checks: DocumentChecks, into markdown: inout MarkdownText) {
        if let kind { markdown.block("> **" + escape(DocumentWording.conceptNotice(kind)) + "**") }
        if !checks.illustrative.isEmpty { markdown.block("> " + escape(DocumentWording.illustrativeNotice(checks.illustrative))) }
        if !checks.missing.isEmpty { markdown.block("> " + placeholders(DocumentWording.missingNotice(checks.missing))) }
    }

    /// An amount in the documents' notation, escaped; a dash for none.
    private static func amount(_ money: Money?) -> String {
        money.map { escape(DocumentNotation.amount($0)) } ?? "—"
    }

    /// One table per tier, as in the HTML: a row per programme line heading and per service,
    /// a column per year and one for the term, then the subtotal.
    static func servicesTables(_ tiers: [DocumentTier], years: [DocumentYear], into markdown: inout MarkdownText) {
        for tier in tiers {
            markdown.block("### \(escape(tier.name))")
            var rows = [
                row(["Dienst"] + years.map { escape(DocumentWording.yearLabel($0)) } + [escape(DocumentWording.termTotalLabel(years))]),
                "| :-- | " + String(repeating: "--: | ", count: years.count + 1).dropLast(),
            ]
            for programmeLine in tier.programmeLines {
                rows.append(row(["**\(escape(programmeLine.name))**"] + Array(repeating: "", count: years.count + 1)))
                for service in programmeLine.services {
                    var name = escape(service.name)
                    for marker in DocumentWording.markers(quote: service.hasQuote, indicative: service.hasIndicative, illustrative: service.illustrative) {
                        name += " " + escape(marker)
                    }
                    name += " — " + escape(DocumentWording.sectionLabel(service.section))
                    var cells = [name]
                    for year in years {
                        guard let value = service.amounts.byYear[year.year] else {
                            cells.append("—")
                            continue
                        }
                        cells.append(amount(value) + (service.oneOff[year.year].map { " (\(escape(DocumentWording.oneOffPart($0))))" } ?? ""))
                    }
                    cells.append(amount(service.amounts.total))
                    rows.append(row(cells))
                }
            }
            rows.append(row(["**Subtotaal \(escape(tier.name))**"]
                + years.map { year in tier.subtotal.byYear[year.year].map { "**\(amount($0))**" } ?? "—" }
                + ["**\(amount(tier.subtotal.total))**"]))
            markdown.block(rows.joined(separator: "\n"))
        }
    }

    /// The totals per year and for the term, with the sentence that says which line the
    /// municipality pays.
    static func totalsSection(_ totals: [DocumentTotals], years: [DocumentYear], into markdown: inout MarkdownText) {
        markdown.block("### Totalen")
        markdown.block(escape(DocumentWording.totalsExplanation))
        var rows = [
            row(["Bedrag"] + years.map { escape(DocumentWording.yearLabel($0)) } + [escape(DocumentWording.termTotalLabel(years))]),
            "| :-- | " + String(repeating: "--: | ", count: years.count + 1).dropLast(),
        ]
        let columns: [Int?] = years.map { Optional($0.year) } + [nil]
        for totalsRow in DocumentWording.totalsRows(totals) {
            let emphasis = totalsRow.kind == .municipality ? "**" : ""
            rows.append(row(["\(emphasis)\(escape(totalsRow.label))\(emphasis)"] + columns.map { year in
                guard let value = totals.first(where: { $0.year == year }).map(totalsRow.value) else { return "—" }
                return "\(emphasis)\(amount(value))\(emphasis)"
            }))
        }
        markdown.block(rows.joined(separator: "\n"))
    }

    /// The signature block, the same in every document: per party its name and a dotted line per
    /// field, the name and function filled in when known.
    static func signatures(_ block: SignatureBlock, into markdown: inout MarkdownText) {
        markdown.block("## Ondertekening")
        markdown.block(escape(block.statement))
        for (heading, party) in block.parties {
            markdown.block("**\(escape(heading)): \(placeholders(party.name ?? DocumentWording.missing))**")
            markdown.block(SignatureBlock.fields.map { field in
                "- \(field): " + (SignatureBlock.filled(field, party).map(escape) ?? String(repeating: "…", count: 30))
            }.joined(separator: "\n"))
        }
    }

    /// The agreement's four annexes, as in the HTML.
    static func agreementAnnexes(_ document: AgreementDocument, into markdown: inout MarkdownText) {
        let names = DocumentWording.agreementAnnexes
        markdown.block("---")
        markdown.block("## Bijlage 1 — \(escape(names[0]))")
        markdown.block(escape(DocumentWording.overviewExplanation))
        servicesTables(document.tiers, years: document.years, into: &markdown)
        totalsSection(document.totals, years: document.years, into: &markdown)
        markdown.block("## Bijlage 2 — \(escape(names[1]))")
        markdown.block("### Activiteiten en prestaties per dienst")
        markdown.block(escape(DocumentWording.activitiesIntroduction))
        var activities = [row(["Dienst", "Wat de bibliotheek doet"]), row([":--", ":--"])]
        for activity in document.activities {
            let name = escape(activity.service) + (activity.illustrative ? " " + escape(DocumentWording.illustrativeMark) : "")
            let what = ([activity.description].compactMap { $0 } + activity.commitments).map(escape).joined(separator: "; ")
            activities.append(row(["**\(name)**", what]))
        }
        markdown.block(activities.joined(separator: "\n"))
        serviceLevels(document, into: &markdown)
        markdown.block("## Bijlage 3 — \(escape(names[2]))")
        let schedule = DocumentWording.InstalmentTable(document)
        var rows = [row(["Termijn", "Vervaldag"] + document.years.map { escape(DocumentWording.yearLabel($0)) }),
                    row([":--", ":--"] + document.years.map { _ in "--:" })]
        for entry in schedule.rows {
            rows.append(row([escape(entry.period), escape(entry.due)] + document.years.map { amount(entry.amounts[$0.year]) }))
        }
        rows.append(row(["**Totaal**", ""] + document.years.map { year in
            "**\(amount(document.totals.first { $0.year == year.year }?.municipality))**"
        }))
        markdown.block(rows.joined(separator: "\n"))
        markdown.block("## Bijlage 4 — \(escape(names[3]))")
        markdown.block(escape(DocumentWording.booksIntroduction))
        markdown.block(([row(["Jaar", "Tariefboek", "SHA-256"]), row(["--:", ":--", ":--"])]
            + document.books.map { row([String($0.year), escape($0.status), "`\($0.hash)`"]) }).joined(separator: "\n"))
    }

    /// The promised service levels once for the whole term: per service a table.
    private static func serviceLevels(_ document: AgreementDocument, into markdown: inout MarkdownText) {
        guard !document.serviceLevels.isEmpty else { return }
        markdown.block("### Dienstverleningsniveau per school")
        markdown.block(escape(DocumentWording.serviceLevelsIntroduction))
        let serviceNames = DocumentWording.serviceNames(document.tiers)
        let table = DocumentWording.ServiceLevelTable(document.serviceLevels, years: document.years.map(\.year))
        for group in table.groups {
            markdown.block("**\(escape(serviceNames[group.service] ?? "Dienst"))**")
            var rows = [row(["School", "Leerlingen"] + group.levelNames.map(escape)), row([":--", "--:"] + group.levelNames.map { _ in ":--" })]
            for schoolRow in group.rows {
                let mark = schoolRow.illustrative ? " " + escape(DocumentWording.illustrativeMark) : ""
                rows.append(row([escape(schoolRow.school) + mark, String(schoolRow.pupils)] + group.levelNames.map { escape(table.cell(schoolRow, $0)) }))
            }
            markdown.block(rows.joined(separator: "\n"))
        }
    }

    /// The rekenbijlage's years: the lines as a table, their explanations as a list numbered
    /// like the table's rows, then the totals.
    static func calculationSections(_ document: CalculationDocument, into markdown: inout MarkdownText) {
        for annex in document.annexes {
            markdown.block("## \(escape(DocumentWording.calculationHeading(annex)))")
            if let note = document.years.first(where: { $0.year == annex.year })?.note {
                markdown.block(escape(DocumentWording.projectionSentence(year: annex.year, note: note)))
            }
            var rows = [
                "| Nr. | Dienst | Onderdeel | Voor | Aantal | Prijs per eenheid | Bedrag | Frequentie | Betaler |",
                "| --: | :-- | :-- | :-- | --: | --: | --: | :-- | :-- |",
            ]
            for (lineIndex, line) in annex.lines.enumerated() {
                var component = escape(line.componentName)
                for marker in DocumentWording.markers(quote: line.isQuote, indicative: line.isIndicative, illustrative: line.illustrative) {
                    component += " " + escape(marker)
                }
                rows.append(row([
                    String(lineIndex + 1), escape(line.serviceName), component, escape(line.subject ?? "—"),
                    escape(line.quantity.dutchString), amount(line.unitPrice), amount(line.amount),
                    escape(line.recurrence), escape(DocumentWording.payer(line)),
                ]))
            }
            markdown.block(rows.joined(separator: "\n"))
            if !annex.lines.isEmpty {
                markdown.block("Toelichting per regel:")
                markdown.block(annex.lines.enumerated().map { "\($0.offset + 1). \(escape($0.element.explanation))" }.joined(separator: "\n"))
            }
        }
        totalsSection(document.totals, years: document.years, into: &markdown)
    }
}
