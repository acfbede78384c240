import Catalogue
import Money
import Pricing
import Workbook

/// The workbook of `catalogue-cli price`: an offer priced for a municipality, year by year.
///
/// Sheets: "Overzicht" (per year the book's status and the totals per payer, and the overall
/// total), "Per dienst" (what the municipality pays per service and year), "Regels" (every priced
/// line with names and codes, quantity, unit price, the amount under its payer, VAT and the
/// explanation; a bold total row per year and overall) and "Uitgangspunten" (municipality,
/// profile and offer files, and each year's book with its hash and assumed percentages).
public enum PriceWorkbook {
    /// Where the priced offer came from, for the sheet "Uitgangspunten".
    public struct Sources: Sendable {
        /// The profile file, as the user named it.
        public var profile: String?
        /// The offer file, as the user named it.
        public var offer: String?

        /// The files; both optional (the web workspace prices from the database).
        public init(profile: String? = nil, offer: String? = nil) {
            self.profile = profile
            self.offer = offer
        }
    }

    /// The workbook of `priced`, the offer of `request` priced with the request's books.
    public static func build(_ priced: PricedOffer, request: PricingRequest, sources: Sources = Sources()) throws(SpreadsheetError) -> Workbook {
        let years = priced.years.map(\.year)
        var assumptions = try AssumptionsSheet()
        try assumptions.text("Gemeente", "\(priced.municipalityName) (\(priced.municipality))")
        if let title = priced.title { try assumptions.text("Titel van de offerte", title) }
        try assumptions.text("Looptijd", Dutch.span(years))
        if let profile = sources.profile { try assumptions.text("Profiel", profile) }
        if let offer = sources.offer { try assumptions.text("Offertebestand", offer) }
        try assumptions.roundingNote()
        try assumptions.text("Schoolbijdragen", "betaald door de scholen, exclusief btw (de btw staat ernaast); nooit in het totaal van de gemeente")
        try assumptions.text("Bijdragen deelnemers", "verwachte bijdragen van deelnemers; nooit in het totaal van de gemeente")
        try assumptions.books(BookProvenance.of(request.books, years: years))
        let sheets = [
            try PricedYearSheets.overview(priced.years, totals: priced.totals),
            try PricedYearSheets.perService(priced.years, books: request.books, totals: priced.totals),
            try PricedLinesSheet.sheet(priced.years, totals: priced.totals, books: request.books),
            assumptions.sheet,
        ]
        let properties = DocumentProperties(title: "Prijsberekening \(priced.municipalityName) \(Dutch.span(years))",
                                            subject: priced.title, creator: "Bind bibliotheken", application: "catalogue")
        return try building { () throws(WorkbookError) in try Workbook(sheets: sheets, properties: properties) }
    }
}
