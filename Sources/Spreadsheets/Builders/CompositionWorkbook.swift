import Catalogue
import Money
import Pricing
import Workbook

/// The workbook of `catalogue-cli compose`: the best offer within a budget and the next best.
///
/// Sheets: "Beste aanbod" (each service taken: tier, name, code, why it must be taken, the choice,
/// reach, value and what it costs each year and over the term; bold rows for the total, the
/// budget and what remains), "Alternatieven" (the best offer, the next best and, with `--more`,
/// the best with the larger budget: coverage, reach, cost per year and over the term, what
/// changes), "Niet samengesteld" (services the composer leaves to a person, and why) and
/// "Uitgangspunten" (profile, budget, required and excluded services, weights, the search, each
/// year's book with its hash and assumptions). A composition without a fitting offer has no
/// workbook: the command explains why instead.
public enum CompositionWorkbook {
    /// Where the composition came from, for "Uitgangspunten".
    public struct Sources: Sendable {
        /// The profile file, as the user named it.
        public var profile: String?
        /// The weights file, if one was given.
        public var weights: String?

        /// The files; both optional.
        public init(profile: String? = nil, weights: String? = nil) {
            self.profile = profile
            self.weights = weights
        }
    }

    /// The workbook of `composition`, whose best offer `best` is; `more` is the composition with
    /// the larger budget of `--more`, if asked for.
    public static func build(_ composition: Composition, best: ComposedOffer, more: Composition? = nil,
                             sources: Sources = Sources()) throws(SpreadsheetError) -> Workbook {
        let sheets = [
            try bestSheet(composition, best: best),
            try alternativesSheet(composition, best: best, more: more),
            try notComposedSheet(composition),
            try assumptions(composition, more: more, sources: sources),
        ]
        let request = composition.request
        let properties = DocumentProperties(
            title: "Samenstelling \(request.profile.name) \(Dutch.span(Array(request.years))) binnen \(request.budget.dutchString) per jaar",
            creator: "Bind bibliotheken", application: "catalogue")
        return try building { () throws(WorkbookError) in try Workbook(sheets: sheets, properties: properties) }
    }

    /// The sheet "Beste aanbod".
    static func bestSheet(_ composition: Composition, best: ComposedOffer) throws(SpreadsheetError) -> Sheet {
        let years = Array(composition.request.years)
        let budget = composition.request.budget
        let columns = [Column("Niveau", kind: .text, width: 12), Column("Dienst", kind: .text, width: 40), Column("Dienstcode", kind: .text, width: 24),
                       Column("Verplicht", kind: .text, width: 20), Column("Keuze", kind: .text, width: 40), Column("Bereik", kind: .percentage),
                       Column("Waarde", kind: .integer)]
            + years.map { Column("Bedrag \($0)", kind: .amount) } + [Column("Bedrag totaal", kind: .amount)]
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Beste aanbod", columns: columns)
            for (index, choice) in composition.choices.enumerated() {
                let option = choice.options[best.picks[index]]
                guard !option.isNone else { continue }
                let service = choice.service
                try sheet.append([.text(service.tier.dutchName), .text(service.name), .text(service.code), .text(ComposerWording.mandatory(choice.mandatory)),
                                  .text(ComposerWording.option(option.label)), .percentage(units: Int64(option.reachPercent), scale: 0),
                                  .count(option.value)] + option.amounts.map(Cell.money) + [.money(try? Money.sum(option.amounts))])
            }
            let lead: [Cell] = [.empty]
            try sheet.append(lead + [.text("Totaal")] + Array(repeating: .empty, count: 5) + best.costs.map(Cell.money) + [.money(best.totalCost)],
                             isTotal: true)
            try sheet.append(lead + [.text("Budget per jaar")] + Array(repeating: .empty, count: 5) + years.map { _ in .money(budget) }, isTotal: true)
            try sheet.append(lead + [.text("Ruimte binnen het budget")] + Array(repeating: .empty, count: 5)
                + best.costs.map { .money(try? budget.subtracting($0)) }, isTotal: true)
            return sheet
        }
    }

    /// The sheet "Alternatieven": the best offer first, then the next best, then the best with more budget.
    static func alternativesSheet(_ composition: Composition, best: ComposedOffer, more: Composition?) throws(SpreadsheetError) -> Sheet {
        let years = Array(composition.request.years)
        let columns = [Column("Rang", kind: .integer, width: 8), Column("Aanbod", kind: .text, width: 36), Column("Dekking", kind: .integer),
                       Column("Bereik (gewogen)", kind: .integer)]
            + years.map { Column("Bedrag \($0)", kind: .amount) }
            + [Column("Bedrag totaal", kind: .amount), Column("Wat verandert ten opzichte van het beste aanbod", kind: .text, width: 90)]
        func cells(_ offer: ComposedOffer, rank: Int?, label: String, changes: [CompositionChange]) -> [Cell] {
            let changed = changes.map { change in
                let name = composition.choices.first { $0.service.code == change.service }?.service.name ?? change.service
                return "\(name): \(ComposerWording.option(change.from)) → \(ComposerWording.option(change.to))"
            }
            return [rank.map(Cell.count) ?? .empty, .text(label), .count(offer.coverage), .count(offer.reach)]
                + offer.costs.map(Cell.money) + [.money(offer.totalCost), .text(changed.joined(separator: "; "))]
        }
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Alternatieven", columns: columns)
            for (position, offer) in composition.ranked.enumerated() {
                let label = position == 0 ? "Beste aanbod" : "Alternatief \(position + 1)"
                try sheet.append(cells(offer, rank: position + 1, label: label, changes: composition.changes(from: best, to: offer)))
            }
            if let more, let moreBest = more.best {
                let extra = (try? more.request.budget.subtracting(composition.request.budget)) ?? .zero
                try sheet.append(cells(moreBest, rank: nil, label: "Met \(extra.dutchString) meer per jaar", changes: more.changes(from: best, to: moreBest)))
            }
            return sheet
        }
    }

    /// The sheet "Niet samengesteld".
    static func notComposedSheet(_ composition: Composition) throws(SpreadsheetError) -> Sheet {
        let columns = [Column("Niveau", kind: .text, width: 12), Column("Dienst", kind: .text, width: 40), Column("Dienstcode", kind: .text, width: 24),
                       Column("Reden", kind: .text, width: 100)]
        return try building { () throws(WorkbookError) in
            var sheet = try Sheet(name: "Niet samengesteld", columns: columns)
            for skipped in composition.notConsidered {
                try sheet.append([.text(skipped.tier.dutchName), .text(skipped.name), .text(skipped.service), .text(ComposerWording.reason(skipped.reason))])
            }
            return sheet
        }
    }

    /// The sheet "Uitgangspunten".
    static func assumptions(_ composition: Composition, more: Composition?, sources: Sources) throws(SpreadsheetError) -> Sheet {
        let request = composition.request
        let years = Array(request.years)
        var sheet = try AssumptionsSheet()
        try sheet.text("Gemeente", "\(request.profile.name) (\(request.profile.code))")
        if let profile = sources.profile { try sheet.text("Profiel", profile) }
        try sheet.text("Looptijd", Dutch.span(years))
        try sheet.amount("Budget per jaar", request.budget, note: "wat de gemeente elk jaar kan besteden, indexatie en eenmalige kosten inbegrepen; schoolbijdragen en bijdragen van deelnemers vallen erbuiten")
        if let more { try sheet.amount("Budget per jaar, ruimer", more.request.budget, note: "voor het aanbod met meer budget (--more)") }
        func names(_ codes: Set<String>) -> String {
            codes.sorted().map { Dutch.serviceName($0, year: years[0], books: request.books) }.joined(separator: "; ")
        }
        try sheet.text("Vereiste diensten (--require)", request.required.isEmpty ? "geen" : names(request.required))
        try sheet.text("Uitgesloten diensten (--exclude)", request.excluded.isEmpty ? "geen" : names(request.excluded))
        try sheet.text("Gewichten", sources.weights ?? "elk criterium weegt 1")
        let statistics = composition.statistics
        try sheet.text("Zoektocht", "exact (branch and bound) over \(composition.choices.count) diensten en \(statistics.combinations) combinaties; "
            + "\(statistics.evaluated) volledige combinaties één voor één gecontroleerd, de rest uitgesloten door een grens die bewijst dat ze niet passen of niet beter zijn")
        try sheet.text("Waardering", "eerst dekking (Wsob-functies, doelgroepen en thema's, gewogen), dan bereik (gewicht × bereik), dan de laagste kosten")
        try sheet.roundingNote()
        try sheet.books(BookProvenance.of(request.books, years: years))
        return sheet.sheet
    }
}
