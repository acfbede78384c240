import Catalogue
import Money

/// Lays out the offerte, the uitvoeringsovereenkomst and the rekenbijlage as GitHub-flavoured
/// Markdown, with the same content, wording and numbers as the HTML. Every text from the model
/// passes through `escape`, so no input can turn into formatting, a link, HTML or a spreadsheet
/// formula. A concept says CONCEPT in its title and in its first paragraph.
public enum MarkdownRenderer {
    /// The offerte in Markdown.
    public static func render(_ document: QuoteDocument) -> String {
        var markdown = MarkdownText()
        let years = document.years
        let concept = document.release.isConcept
        markdown.block(concept ? "# Offerte (CONCEPT)" : "# Offerte")
        markdown.block("**\(escape(DocumentWording.partyName(document.supplier)))**\\\n"
            + DocumentWording.supplierDetails(document.supplier).map(placeholders).joined(separator: "\\\n"))
        markdown.block([
            field("Kenmerk", document.reference),
            field("Versie", DocumentWording.version(document.version, supersedes: document.supersedes)),
            field("Datum", document.date.dutchString),
            field("Geldig tot en met", document.validUntil.dutchString),
        ].map { "- " + $0 }.joined(separator: "\n"))
        notices(concept: concept ? "een offerte" : nil, checks: document.checks, into: &markdown)
        var addressee = "Aan: **\(escape(DocumentWording.partyName(document.municipality)))**"
        if let signatory = document.municipality.signatory, let name = signatory.name {
            addressee += "\\\nt.a.v. \(escape(name))" + (signatory.function.map { ", " + escape($0) } ?? "")
        }
        addressee += "\\\n" + placeholders(DocumentWording.address(document.municipality.address))
        markdown.block(addressee)
        markdown.block("## \(escape(document.title ?? DocumentWording.defaultTitle))")
        markdown.block(escape(QuoteWording.introduction(document)))
        markdown.block("## Activiteiten en subsidiebedrag per jaar")
        markdown.block(escape(DocumentWording.overviewExplanation))
        servicesTables(document.tiers, years: years, into: &markdown)
        totalsSection(document.totals, years: years, into: &markdown)
        let conditions = document.conditions + document.notes
        markdown.block("## Voorwaarden")
        markdown.block(conditions.enumerated().map { "\($0.offset + 1). \(placeholders($0.element))" }.joined(separator: "\n"))
        markdown.block("## Aanvaarden")
        markdown.block(placeholders(QuoteWording.howToAccept(document)))
        signatures(SignatureBlock.quote(document), into: &markdown)
        if let coverage = document.coverage {
            markdown.block("---")
            for block in coverageBlocks(coverage, number: 1, years: years) { markdown.block(block) }
        }
        return markdown.text
    }

    /// The uitvoeringsovereenkomst in Markdown.
    public static func render(_ document: AgreementDocument) -> String {
        var markdown = MarkdownText()
        let concept = document.release.isConcept
        markdown.block(concept ? "# Uitvoeringsovereenkomst (CONCEPT)" : "# Uitvoeringsovereenkomst")
        markdown.block(escape(AgreementWording.subtitle(document)))
        markdown.block("**\(escape(DocumentWording.partyName(document.supplier)))**")
        markdown.block([
            field("Kenmerk", document.reference),
            field("Offerte", "\(document.quoteReference) van \(document.quoteDate.dutchString)"),
            field("Datum", document.date.dutchString),
            field("Looptijd", DocumentWording.term(first: document.firstYear, last: document.lastYear)),
        ].map { "- " + $0 }.joined(separator: "\n"))
        notices(concept: concept ? "een uitvoeringsovereenkomst" : nil, checks: document.checks, into: &markdown)
        markdown.block("## Partijen")
        markdown.block([document.municipality, document.supplier].enumerated().map { index, party in
            "\(index + 1). **\(placeholders(DocumentWording.partyName(party)))**, \(placeholders(DocumentWording.partyClauses(party)))"
        }.joined(separator: "\n"))
        markdown.block("hierna samen: partijen.")
        markdown.block("## Overwegingen")
        markdown.block("Overwegende dat:")
        markdown.block(document.considerations.enumerated().map { "\(letter($0.offset)) \(escape($0.element))" }.joined(separator: "\\\n"))
        markdown.block("komen het volgende overeen.")
        for article in document.articles {
            markdown.block("### Artikel \(article.number) \(escape(article.title))")
            // Each paragraph carries its number in bold, so Markdown does not renumber it as a list.
            for (index, paragraph) in article.paragraphs.enumerated() {
                markdown.block("**\(article.number).\(index + 1)** \(placeholders(paragraph))")
            }
        }
        signatures(SignatureBlock.agreement(document), into: &markdown)
        markdown.block("## Bijlagen")
        markdown.block(DocumentWording.agreementAnnexes.enumerated().map { "\($0.offset + 1). \(escape($0.element))" }.joined(separator: "\n"))
        agreementAnnexes(document, into: &markdown)
        return markdown.text
    }

    /// The rekenbijlage in Markdown.
    public static func render(_ document: CalculationDocument) -> String {
        var markdown = MarkdownText()
        markdown.block("# Rekenbijlage")
        if let supplier = document.supplier { markdown.block("**\(escape(supplier))**") }
        markdown.block([field("Bij", document.belongsTo), field("Gemeente", document.municipality), field("Datum", document.date.dutchString)]
            .map { "- " + $0 }.joined(separator: "\n"))
        markdown.block(escape(DocumentWording.calculationIntroduction))
        if !document.illustrative.isEmpty { markdown.block("> " + escape(DocumentWording.illustrativeNotice(document.illustrative))) }
        calculationSections(document, into: &markdown)
        return markdown.text
    }

    /// "a)" … for the recitals.
    private static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26))) + ")"
    }

    /// Escapes `text` and puts each "[in te vullen]" in bold.
    static func placeholders(_ text: String) -> String {
        let placeholder = escape(DocumentWording.missing)
        return escape(text).replacing(placeholder, with: "**\(placeholder)**")
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
    static func field(_ label: String, _ value: String) -> String {
        "\(label): \(escape(value))"
    }

    /// A table row from cells that are already escaped.
    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}

/// The Markdown text being built, one block (paragraph, list, table, heading) at a time.
struct MarkdownText {
    var text = ""

    /// Appends a block that is already escaped, separated from the previous one by a blank line.
    mutating func block(_ markdown: String) {
        if !text.isEmpty { text += "\n" }
        text += markdown
        text += "\n"
    }
}
