import Catalogue
import Money
import Pricing
import Support

/// Fills the document model from a priced offer and the books that priced it.
public enum DocumentBuilder {
    /// The library that supplies the services.
    public static let supplier = DocumentParty(name: "Biblionet Drenthe (Bind bibliotheken)", role: "opdrachtnemer", representative: nil)

    /// The offerte.
    /// Sums in the documents are sums of lines whose totals the pricing already computed, so
    /// they cannot leave the supported range; if one ever did, the document is refused rather
    /// than printed with a wrong amount.
    public static func quote(_ priced: PricedOffer, books: PricingBooks, reference: String, version: Int = 1,
                             supersedes: String? = nil, date: CalendarDate, validDays: Int = 60,
                             coverage: CoverageReport? = nil, lateReason: String? = nil) throws(MoneyError) -> QuoteDocument {
        let firstBook = priced.years.first.flatMap { books[$0.year]?.book }
        // A validity that leaves the calendar is out of range; the commands bound it to a year.
        guard validDays >= 0, let validUntil = date.adding(days: validDays) else { throw .overflow }
        return QuoteDocument(
            reference: reference, version: version, supersedes: supersedes, date: date,
            validUntil: validUntil, supplier: supplier, municipality: municipality(priced),
            title: priced.title, years: years(priced), tiers: try tiers(priced, books: books), totals: try totals(priced),
            notes: lateNote(lateReason, date: date, priced: priced) + notes(priced, books: books), annexes: try annexes(priced, books: books),
            coverage: coverage.map { self.coverage($0, book: firstBook, years: priced.years.map(\.year)) })
    }

    /// The uitvoeringsovereenkomst.
    public static func agreement(_ priced: PricedOffer, books: PricingBooks, reference: String, quoteReference: String,
                                 quoteDate: CalendarDate, date: CalendarDate, payment: PaymentSchedule = .quarterly) throws(MoneyError) -> AgreementDocument {
        let first = priced.years.first?.year ?? date.year
        let last = priced.years.last?.year ?? first
        let hasDbos = priced.years.contains { $0.lines.contains { NoticeRules.hasSchoolTerm($0.service) } }
        let levels = priced.years.flatMap { year in
            year.serviceLevels.map { level in
                DocumentServiceLevel(year: year.year, service: level.service, schoolID: level.subject, school: level.subjectName, pupils: level.pupils,
                                     name: level.name, value: "\(level.value.dutchString) \(level.unit)", note: level.note)
            }
        }
        return AgreementDocument(
            reference: reference, quoteReference: quoteReference, date: date, supplier: supplier,
            municipality: municipality(priced), firstYear: first, lastYear: last, years: years(priced),
            considerations: [
                "\(supplier.name) verzorgt het openbaar bibliotheekwerk in de gemeente \(priced.municipalityName) en biedt daarvoor de diensten van haar Activiteitencatalogus aan.",
                "De gemeente heeft op \(quoteDate.dutchString) de offerte \(quoteReference) aanvaard.",
                "Partijen leggen in deze overeenkomst vast welke diensten de bibliotheek \(first == last ? "in \(first)" : "in de jaren \(first) tot en met \(last)") levert, op welk niveau en tegen welke prijs.",
            ],
            articles: articles(priced, first: first, last: last, quoteReference: quoteReference, payment: payment,
                               hasDbos: hasDbos, hasProjection: priced.years.contains { $0.status == .projected }),
            tiers: try tiers(priced, books: books), totals: try totals(priced), serviceLevels: levels,
            instalments: try instalments(priced, schedule: payment), annexes: try annexes(priced, books: books),
            notes: notes(priced, books: books))
    }

    // MARK: Parts

    private static func municipality(_ priced: PricedOffer) -> DocumentParty {
        DocumentParty(name: "Gemeente \(priced.municipalityName)", role: "opdrachtgever", representative: nil)
    }

    private static func years(_ priced: PricedOffer) -> [DocumentYear] {
        priced.years.map { year in
            var note: String?
            if year.status == .projected, let from = year.projectedFrom, let assumptions = year.assumptions {
                note = "geprojecteerd vanuit tariefboek \(from) met lonen \(TariffIndexer.percentText(assumptions.wage.rational)) en prijzen \(TariffIndexer.percentText(assumptions.price.rational)) per jaar; de bedragen zijn indicatief"
            }
            return DocumentYear(year: year.year, projected: year.status == .projected, note: note)
        }
    }

    private static func tiers(_ priced: PricedOffer, books: PricingBooks) throws(MoneyError) -> [DocumentTier] {
        // The catalogue structure comes from the first year's book; later books have the same services.
        guard let firstYear = priced.years.first, let book = books[firstYear.year]?.book else { return [] }
        var result: [DocumentTier] = []
        for tier in Tier.allCases {
            var lines: [DocumentProgrammeLine] = []
            let programmeCodes = book.programmeLines.map { Optional($0.code) } + [nil]
            for code in programmeCodes {
                var services: [DocumentService] = []
                for service in book.services where service.tier == tier && service.programmeLine == code {
                    if let documented = try documentService(service, priced: priced) { services.append(documented) }
                }
                if services.isEmpty { continue }
                lines.append(DocumentProgrammeLine(name: code.flatMap { book.programmeLine($0)?.name } ?? "Overig", services: services))
            }
            if lines.isEmpty { continue }
            let all = lines.flatMap(\.services)
            var subtotal: [Int: Money] = [:]
            for year in priced.years {
                subtotal[year.year] = try Money.sum(all.compactMap { $0.amounts.byYear[year.year] })
            }
            result.append(DocumentTier(name: tier.dutchName, programmeLines: lines,
                                       subtotal: YearAmounts(byYear: subtotal, total: try Money.sum(subtotal.values))))
        }
        return result
    }

    private static func documentService(_ service: Service, priced: PricedOffer) throws(MoneyError) -> DocumentService? {
        var byYear: [Int: Money] = [:]
        var oneOff: [Int: Money] = [:]
        var hasQuote = false, hasIndicative = false, present = false
        for year in priced.years {
            let lines = year.lines.filter { $0.service == service.code }
            guard !lines.isEmpty else { continue }
            present = true
            let municipal = lines.filter { $0.payer == .municipality }
            byYear[year.year] = try Money.sum(municipal.map(\.amount))
            let once = try Money.sum(municipal.filter { $0.recurrence == .oneOff }.map(\.amount))
            if once != .zero { oneOff[year.year] = once }
            hasQuote = hasQuote || lines.contains(where: \.isQuote)
            hasIndicative = hasIndicative || lines.contains(where: \.isIndicative)
        }
        guard present else { return nil }
        return DocumentService(code: service.code, name: service.name, section: service.section,
                               amounts: YearAmounts(byYear: byYear, total: try Money.sum(byYear.values)),
                               oneOff: oneOff, hasQuote: hasQuote, hasIndicative: hasIndicative)
    }

    private static func yearTotals(_ year: Int?, _ lines: [PricedLine], _ totals: PayerTotals) throws(MoneyError) -> DocumentTotals {
        let municipal = lines.filter { $0.payer == .municipality }
        let oneOff = try Money.sum(municipal.filter { $0.recurrence == .oneOff }.map(\.amount))
        return DocumentTotals(year: year, municipality: totals.municipality, oneOff: oneOff,
                              annual: try totals.municipality.subtracting(oneOff),
                              school: totals.school, schoolVAT: totals.schoolVAT, participants: totals.participants)
    }

    private static func totals(_ priced: PricedOffer) throws(MoneyError) -> [DocumentTotals] {
        try priced.years.map { (year) throws(MoneyError) -> DocumentTotals in try yearTotals(year.year, year.lines, year.totals) }
            + [try yearTotals(nil, priced.years.flatMap(\.lines), priced.totals)]
    }

    private static func annexes(_ priced: PricedOffer, books: PricingBooks) throws(MoneyError) -> [DocumentAnnex] {
        try priced.years.map { (year) throws(MoneyError) -> DocumentAnnex in
            let book = books[year.year]?.book
            let lines = year.lines.map { line in
                let service = book?.service(line.service)
                return DocumentLine(
                    service: line.service, serviceName: service?.name ?? line.service, component: line.component,
                    componentName: service?.component(line.component)?.name ?? line.component, tariff: line.tariff,
                    subject: line.subjectName ?? line.description, quantity: line.quantity, unitPrice: line.unitPrice,
                    amount: line.amount, recurrence: line.recurrence == .oneOff ? "eenmalig" : "jaarlijks",
                    payer: dutchPayer(line.payer), vat: line.vat?.amount, explanation: line.explanation, isQuote: line.isQuote,
                    isIndicative: line.isIndicative)
            }
            return DocumentAnnex(year: year.year, projected: year.status == .projected, lines: lines,
                                 totals: try yearTotals(year.year, year.lines, year.totals))
        }
    }

    private static func dutchPayer(_ payer: Payer) -> String {
        switch payer {
        case .municipality: "gemeente"
        case .school: "school"
        case .participants: "deelnemers"
        }
    }

    /// The note a quote issued after its term began carries, with the reason given for it.
    private static func lateNote(_ reason: String?, date: CalendarDate, priced: PricedOffer) -> [String] {
        guard let reason, let first = priced.years.first?.year else { return [] }
        return ["Deze offerte is uitgebracht op \(date.dutchString), na de aanvang van de looptijd op \(CalendarDate.firstOfJanuary(first).dutchString). Reden: \(reason)"]
    }

    private static func notes(_ priced: PricedOffer, books: PricingBooks) -> [String] {
        var notes = ["Alle bedragen zijn in euro's. De bijdragen van de gemeente zijn subsidie voor de publieke taak van de bibliotheek en vallen buiten de reikwijdte van de btw."]
        let lines = priced.years.flatMap(\.lines)
        if lines.contains(where: { $0.payer == .school }) {
            let rate = books.byYear.values.first?.book.schoolContributionVATRate.dutchString ?? "9 %"
            notes.append("De bijdrage van scholen voor de Bibliotheek op school wordt aan de scholen gefactureerd, exclusief \(rate) btw, en valt niet onder het bedrag van de gemeente.")
        }
        if lines.contains(where: { $0.payer == .participants }) {
            notes.append("De verwachte bijdragen van deelnemers aan activiteiten zijn ter informatie vermeld en maken geen deel uit van het bedrag van de gemeente.")
        }
        if lines.contains(where: \.isQuote) {
            notes.append("Onderdelen op offertebasis zijn gemarkeerd met (O); hun bedrag is met de gemeente afgesproken.")
        }
        if lines.contains(where: \.isIndicative) {
            notes.append("Richtprijzen zijn gemarkeerd met (R); het definitieve bedrag hangt af van de situatie ter plaatse.")
        }
        for year in priced.years where year.status == .projected {
            if let from = year.projectedFrom, let assumptions = year.assumptions {
                notes.append("De bedragen voor \(year.year) zijn een projectie: tariefboek \(from) is jaarlijks geïndexeerd met aangenomen percentages (lonen \(TariffIndexer.percentText(assumptions.wage.rational)), prijzen \(TariffIndexer.percentText(assumptions.price.rational))). Zij zijn indicatief; gefactureerd wordt volgens de gepubliceerde catalogus van dat jaar.")
            }
        }
        notes.append("Elk bedrag is per regel exact berekend en eenmaal afgerond op de precisie van het tarief; ieder totaal is de som van de regels. De bijlagen tonen elke regel met de regel en het tarief waaruit hij volgt.")
        return notes
    }

    private static func articles(_ priced: PricedOffer, first: Int, last: Int, quoteReference: String,
                                 payment: PaymentSchedule, hasDbos: Bool, hasProjection: Bool) -> [DocumentArticle] {
        var articles: [DocumentArticle] = []
        func add(_ title: String, _ paragraphs: [String]) {
            articles.append(DocumentArticle(number: articles.count + 1, title: title, paragraphs: paragraphs))
        }
        add("Onderwerp", [
            "De bibliotheek levert de gemeente de diensten uit de Activiteitencatalogus die in deze overeenkomst en haar bijlagen zijn genoemd, zoals aangeboden in offerte \(quoteReference).",
        ])
        add("Looptijd", [
            "Deze overeenkomst geldt van 1 januari \(first) tot en met 31 december \(last).",
            "Een volgende periode wordt in een nieuwe overeenkomst vastgelegd; de bibliotheek doet daarvoor uiterlijk 1 oktober \(last) een voorstel.",
        ])
        add("Diensten en dienstverleningsniveau", [
            "De diensten en het bedrag per dienst per jaar staan in het overzicht van diensten en prijzen.",
            "Het dienstverleningsniveau per school (collectie per leerling en inzet van de educatiemedewerker) staat in het overzicht van dienstverleningsniveaus en volgt uit de normen van de catalogus.",
        ])
        add("Prijs", [
            "De gemeente betaalt per jaar het bedrag dat in het overzicht van diensten en prijzen voor dat jaar is vermeld.",
            "De bijdragen van de gemeente zijn subsidie voor de publieke taak van de bibliotheek en vallen buiten de reikwijdte van de btw. Bijdragen van scholen en deelnemers worden rechtstreeks aan hen in rekening gebracht.",
        ])
        var indexation = [
            "De tarieven worden jaarlijks geïndexeerd. Voor elk jaar gelden de tarieven van de gepubliceerde Activiteitencatalogus van dat jaar; de jaarbedragen in deze overeenkomst worden daarop aangepast.",
        ]
        if hasProjection {
            indexation.append("Bedragen voor jaren waarvoor nog geen catalogus is gepubliceerd, zijn geprojecteerd met aangenomen percentages en daarom indicatief.")
        }
        add("Indexatie", indexation)
        let schedule: String
        switch payment {
        case .quarterly: schedule = "in vier gelijke voorschotten per kwartaal, te voldoen aan het begin van elk kwartaal"
        case .monthly: schedule = "in twaalf gelijke voorschotten per maand, te voldoen aan het begin van elke maand"
        case .yearly: schedule = "in één bedrag, te voldoen vóór 1 februari van dat jaar"
        }
        add("Betaling", [
            "De gemeente betaalt het jaarlijkse bedrag \(schedule).",
            "Eenmalige kosten worden in de eerste termijn van het jaar waarin zij vallen in rekening gebracht.",
            "Het betalingsschema staat in het overzicht van termijnen.",
        ])
        add("Verantwoording", [
            "De bibliotheek verantwoordt jaarlijks vóór 1 april inhoudelijk en financieel over het voorgaande jaar, met de bereikte resultaten per dienst.",
        ])
        add("Wijzigingen", [
            "Wijzigingen in de afgenomen diensten worden schriftelijk vastgelegd in een wijzigingsdocument dat per jaar het oude bedrag, de wijziging en het nieuwe bedrag toont.",
            "Een wijziging gaat in op 1 januari van het jaar dat in het wijzigingsdocument staat en loopt tot het einde van deze overeenkomst.",
        ])
        if hasDbos {
            add("De Bibliotheek op school", [
                "Voor de Bibliotheek op school sluit de bibliotheek met elke deelnemende school een samenwerkingsovereenkomst voor drie jaar.",
                "Daarna wordt die overeenkomst telkens stilzwijgend met een jaar verlengd, tenzij de school of de bibliotheek uiterlijk een jaar voor het einde van de lopende periode opzegt.",
            ])
        }
        add("Beëindiging", [
            "Deze overeenkomst eindigt van rechtswege aan het einde van de looptijd.",
            "Tussentijdse beëindiging is alleen mogelijk met wederzijds goedvinden, met inachtneming van de lopende verplichtingen van de bibliotheek jegens scholen en partners.",
        ])
        add("Slotbepaling", [
            "Op deze overeenkomst is Nederlands recht van toepassing. Partijen lossen geschillen eerst in overleg op.",
        ])
        return articles
    }

    /// The advances per year: equal instalments of the annual amount, the remainder cents on
    /// the last one, and the one-off costs on the first one of their year.
    static func instalments(_ priced: PricedOffer, schedule: PaymentSchedule) throws(MoneyError) -> [DocumentInstalment] {
        var result: [DocumentInstalment] = []
        for year in priced.years {
            let municipal = year.lines.filter { $0.payer == .municipality }
            let oneOff = try Money.sum(municipal.filter { $0.recurrence == .oneOff }.map(\.amount))
            let annual = year.totals.municipality.cents - oneOff.cents
            let periods: [(String, Int)]
            switch schedule {
            case .quarterly: periods = [("1e kwartaal", 1), ("2e kwartaal", 4), ("3e kwartaal", 7), ("4e kwartaal", 10)]
            case .monthly: periods = (1...12).map { ("maand \($0)", $0) }
            case .yearly: periods = [("jaar", 1)]
            }
            let share = annual / Int64(periods.count)
            for (index, period) in periods.enumerated() {
                var cents = share
                if index == periods.count - 1 { cents = annual - share * Int64(periods.count - 1) }
                if index == 0 { cents += oneOff.cents }
                let due = schedule == .yearly ? CalendarDate(year: year.year, month: 2, day: 1)! : CalendarDate(year: year.year, month: period.1, day: 1)!
                result.append(DocumentInstalment(year: year.year, period: period.0, due: due, amount: try Money(cents: cents)))
            }
        }
        return result
    }
}

