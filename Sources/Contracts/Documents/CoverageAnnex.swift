import Catalogue
import Money
import Pricing

/// The coverage annex of the offerte, in Dutch: which Wsob core functions, target groups and
/// themes the offer serves and through which services, which Basis services it lacks and what they
/// would cost, and per branch how many core functions it reaches against what it needs.
public struct DocumentCoverage: Sendable, Equatable {
    /// One criterion: a core function, target group or theme.
    public struct Criterion: Sendable, Equatable {
        /// "Kernfunctie (Wsob)", "Doelgroep" or "Thema".
        public var kind: String
        /// "1 Kennis en informatie", "Jongeren (12 tot 18 jaar)".
        public var name: String
        /// Whether a service of the offer serves it.
        public var covered: Bool
        /// The names of those services, in catalogue order.
        public var services: [String]
    }

    /// A Basis service the offer lacks.
    public struct Gap: Sendable, Equatable {
        /// The service's name.
        public var name: String
        /// Its cost per document year, nil when it does not apply to the municipality.
        public var costs: [Money]?
    }

    /// One branch.
    public struct Branch: Sendable, Equatable {
        public var name: String
        /// "grote bibliotheek".
        public var size: String
        /// The core functions reached, ascending.
        public var functions: [Int]
        /// How many it should reach.
        public var need: Int
        public var meetsNeed: Bool
    }

    /// One or two sentences summing up the coverage.
    public var summary: [String]
    public var criteria: [Criterion]
    public var gaps: [Gap]
    public var branches: [Branch]
}

extension DocumentBuilder {
    /// The coverage annex from a coverage report and the book of the first year.
    static func coverage(_ report: CoverageReport, book: TariffBook?, years: [Int]) -> DocumentCoverage {
        let services = (book?.services ?? []).filter { report.services.contains($0.code) }
        var criteria: [DocumentCoverage.Criterion] = []
        for function in book?.wsobFunctions ?? [] {
            let serving = services.filter { $0.wsob.contains(function.number) }
            criteria.append(.init(kind: "Kernfunctie (Wsob)", name: "\(function.number) \(function.name)",
                                  covered: !serving.isEmpty, services: serving.map(\.name)))
        }
        for group in book?.targetGroups ?? [] {
            let serving = services.filter { $0.targetGroups.contains(group.code) }
            criteria.append(.init(kind: "Doelgroep", name: group.name, covered: !serving.isEmpty, services: serving.map(\.name)))
        }
        for theme in book?.themes ?? [] {
            let serving = services.filter { $0.themes.contains(theme.code) }
            criteria.append(.init(kind: "Thema", name: theme.name, covered: !serving.isEmpty, services: serving.map(\.name)))
        }
        let gaps = report.basisGaps.map { gap in
            DocumentCoverage.Gap(name: gap.name, costs: years.map { year in
                gap.costs.first { $0.year == year }?.amount ?? .zero
            })
        } + report.basisNotApplicable.map { DocumentCoverage.Gap(name: $0.name, costs: nil) }
        let branches = report.branches.map { branch in
            DocumentCoverage.Branch(name: branch.name, size: branch.size.dutchName, functions: branch.functions,
                                    need: branch.need, meetsNeed: branch.meetsNeed)
        }
        var summary: [String] = []
        if report.basisGaps.isEmpty {
            summary.append("Het aanbod bevat alle basisdiensten die voor de gemeente gelden.")
        } else {
            summary.append("Het aanbod mist \(report.basisGaps.count == 1 ? "één basisdienst" : "\(report.basisGaps.count) basisdiensten"): "
                           + report.basisGaps.map(\.name).joined(separator: ", ") + ".")
        }
        if report.wsobMissing.isEmpty {
            summary.append("Alle vijf kernfuncties van de Wsob worden door ten minste één dienst gedekt.")
        } else {
            summary.append("Niet gedekte kernfuncties: " + report.wsobMissing.map(String.init).joined(separator: ", ") + ".")
        }
        let below = report.branches.filter { !$0.meetsNeed }
        if !report.branches.isEmpty {
            summary.append(below.isEmpty
                ? "Elke vestiging bereikt het aantal kernfuncties dat bij haar grootte hoort."
                : "Onder het gewenste aantal kernfuncties: " + below.map(\.name).joined(separator: ", ") + ".")
        }
        return DocumentCoverage(summary: summary, criteria: criteria, gaps: gaps, branches: branches)
    }
}

enum CoverageWording {
    static let heading = "Dekking van het aanbod"
    static let introduction = "Deze bijlage laat zien welke kernfuncties van de Wsob, doelgroepen en thema's de diensten in dit aanbod dekken, welke basisdiensten ontbreken en hoeveel kernfuncties elke vestiging bereikt. Een vestiging bereikt de kernfuncties van de diensten die per vestiging worden afgenomen (de bibliotheek zelf, Open+, het programma Leven lang ontwikkelen); een grote vestiging hoort alle vijf kernfuncties te bieden, een kleinere vestiging drie."
    static let gapsIntroduction = "Ontbrekende basisdiensten, met wat zij de gemeente zouden kosten:"
    static let notApplicable = "niet van toepassing voor deze gemeente"

    static func covered(_ criterion: DocumentCoverage.Criterion) -> String { criterion.covered ? "ja" : "nee" }

    static func services(_ criterion: DocumentCoverage.Criterion) -> String {
        criterion.services.isEmpty ? "—" : criterion.services.joined(separator: "; ")
    }

    static func functions(_ branch: DocumentCoverage.Branch) -> String {
        branch.functions.isEmpty ? "geen" : branch.functions.map(String.init).joined(separator: ", ")
    }

    static func verdict(_ branch: DocumentCoverage.Branch) -> String { branch.meetsNeed ? "voldoet" : "voldoet niet" }
}

extension HTMLRenderer {
    /// The coverage annex, on a page of its own.
    static func coverageSection(_ coverage: DocumentCoverage, number: Int, years: [DocumentYear], into html: inout Markup) {
        html.line("<section class=\"annex\">")
        html.line("<h2>\(escape("Bijlage \(number) — \(CoverageWording.heading)"))</h2>")
        html.line("<p>\(escape(CoverageWording.introduction))</p>")
        html.line("<ul>")
        for sentence in coverage.summary { html.line("<li>\(escape(sentence))</li>") }
        html.line("</ul>")
        html.line("<table class=\"lines\">")
        html.line("<thead><tr><th scope=\"col\">Onderdeel</th><th scope=\"col\">Omschrijving</th><th scope=\"col\">Gedekt</th><th scope=\"col\">Door</th></tr></thead>")
        html.line("<tbody>")
        for criterion in coverage.criteria {
            html.line("<tr><td>\(escape(criterion.kind))</td><td>\(escape(criterion.name))</td>"
                + "<td>\(escape(CoverageWording.covered(criterion)))</td><td>\(escape(CoverageWording.services(criterion)))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        if !coverage.gaps.isEmpty {
            html.line("<section class=\"keep\">")
            html.line("<h3>Ontbrekende basisdiensten</h3>")
            html.line("<p>\(escape(CoverageWording.gapsIntroduction))</p>")
            html.line("<table class=\"lines\">")
            html.line("<thead><tr><th scope=\"col\">Dienst</th>"
                + years.map { "<th scope=\"col\" class=\"amount\">\(escape(String($0.year)))</th>" }.joined() + "</tr></thead>")
            html.line("<tbody>")
            for gap in coverage.gaps {
                if let costs = gap.costs {
                    html.line("<tr><td>\(escape(gap.name))</td>"
                        + costs.map { "<td class=\"amount\">\(escape(DocumentNotation.amount($0)))</td>" }.joined() + "</tr>")
                } else {
                    html.line("<tr><td>\(escape(gap.name))</td><td colspan=\"\(years.count)\">\(escape(CoverageWording.notApplicable))</td></tr>")
                }
            }
            html.line("</tbody>")
            html.line("</table>")
            html.line("</section>")
        }
        if !coverage.branches.isEmpty {
            html.line("<section class=\"keep\">")
            html.line("<h3>Kernfuncties per vestiging</h3>")
            html.line("<table class=\"lines\">")
            html.line("<thead><tr><th scope=\"col\">Vestiging</th><th scope=\"col\">Grootte</th><th scope=\"col\">Kernfuncties</th>"
                + "<th scope=\"col\" class=\"amount\">Bereikt</th><th scope=\"col\" class=\"amount\">Nodig</th><th scope=\"col\">Oordeel</th></tr></thead>")
            html.line("<tbody>")
            for branch in coverage.branches {
                html.line("<tr><td>\(escape(branch.name))</td><td>\(escape(branch.size))</td><td>\(escape(CoverageWording.functions(branch)))</td>"
                    + "<td class=\"amount\">\(branch.functions.count)</td><td class=\"amount\">\(branch.need)</td>"
                    + "<td>\(escape(CoverageWording.verdict(branch)))</td></tr>")
            }
            html.line("</tbody>")
            html.line("</table>")
            html.line("</section>")
        }
        html.line("</section>")
    }
}

extension MarkdownRenderer {
    /// The coverage annex as Markdown blocks.
    static func coverageBlocks(_ coverage: DocumentCoverage, number: Int, years: [DocumentYear]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var blocks: [String] = []
        blocks.append("## " + escape("Bijlage \(number) — \(CoverageWording.heading)"))
        blocks.append(escape(CoverageWording.introduction))
        blocks.append(coverage.summary.map { "- " + escape($0) }.joined(separator: "\n"))
        var table = [row(["Onderdeel", "Omschrijving", "Gedekt", "Door"]), row(["---", "---", "---", "---"])]
        for criterion in coverage.criteria {
            table.append(row([escape(criterion.kind), escape(criterion.name), CoverageWording.covered(criterion),
                              escape(CoverageWording.services(criterion))]))
        }
        blocks.append(table.joined(separator: "\n"))
        if !coverage.gaps.isEmpty {
            blocks.append("### Ontbrekende basisdiensten")
            blocks.append(escape(CoverageWording.gapsIntroduction))
            var gaps = [row(["Dienst"] + years.map { String($0.year) }), row(["---"] + years.map { _ in "---:" })]
            for gap in coverage.gaps {
                gaps.append(row([escape(gap.name)] + (gap.costs?.map { escape(DocumentNotation.amount($0)) }
                    ?? [CoverageWording.notApplicable] + Array(repeating: "", count: max(0, years.count - 1)))))
            }
            blocks.append(gaps.joined(separator: "\n"))
        }
        if !coverage.branches.isEmpty {
            blocks.append("### Kernfuncties per vestiging")
            var branches = [row(["Vestiging", "Grootte", "Kernfuncties", "Bereikt", "Nodig", "Oordeel"]),
                            row(["---", "---", "---", "---:", "---:", "---"])]
            for branch in coverage.branches {
                branches.append(row([escape(branch.name), escape(branch.size), CoverageWording.functions(branch),
                                     String(branch.functions.count), String(branch.need), CoverageWording.verdict(branch)]))
            }
            blocks.append(branches.joined(separator: "\n"))
        }
        return blocks
    }
}
