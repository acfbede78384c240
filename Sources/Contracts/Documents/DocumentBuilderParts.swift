import Catalogue
import Money
import Pricing
import Support

extension DocumentBuilder {
    static func years(_ priced: PricedOffer) -> [DocumentYear] {
        priced.years.map { year in
            var note: String?
            if year.status == .projected, let from = year.projectedFrom, let assumptions = year.assumptions {
                note = "geraamd vanuit tariefboek \(from) met lonen \(DocumentNotation.percent(TariffIndexer.percentText(assumptions.wage.rational))) en prijzen \(DocumentNotation.percent(TariffIndexer.percentText(assumptions.price.rational))) per jaar"
            }
            return DocumentYear(year: year.year, projected: year.status == .projected, note: note)
        }
    }

    static func tiers(_ priced: PricedOffer, books: PricingBooks, data: IllustrativeData) throws(MoneyError) -> [DocumentTier] {
        // The catalogue structure comes from the first year's book; later books have the same services.
        guard let firstYear = priced.years.first, let book = books[firstYear.year]?.book else { return [] }
        var result: [DocumentTier] = []
        for tier in Tier.allCases {
            var lines: [DocumentProgrammeLine] = []
            let programmeCodes = book.programmeLines.map { Optional($0.code) } + [nil]
            for code in programmeCodes {
                var services: [DocumentService] = []
                for service in book.services where service.tier == tier && service.programmeLine == code {
                    if let documented = try documentService(service, priced: priced, data: data) { services.append(documented) }
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

    private static func documentService(_ service: Service, priced: PricedOffer, data: IllustrativeData) throws(MoneyError) -> DocumentService? {
        var byYear: [Int: Money] = [:]
        var oneOff: [Int: Money] = [:]
        var hasQuote = false, hasIndicative = false, present = false, illustrative = false
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
            illustrative = illustrative || municipal.contains(where: data.marks)
        }
        guard present else { return nil }
        return DocumentService(code: service.code, name: service.name, section: service.section,
                               amounts: YearAmounts(byYear: byYear, total: try Money.sum(byYear.values)),
                               oneOff: oneOff, hasQuote: hasQuote, hasIndicative: hasIndicative, illustrative: illustrative)
    }

    private static func yearTotals(_ year: Int?, _ lines: [PricedLine], _ totals: PayerTotals) throws(MoneyError) -> DocumentTotals {
        let municipal = lines.filter { $0.payer == .municipality }
        let oneOff = try Money.sum(municipal.filter { $0.recurrence == .oneOff }.map(\.amount))
        return DocumentTotals(year: year, municipality: totals.municipality, oneOff: oneOff,
                              annual: try totals.municipality.subtracting(oneOff),
                              school: totals.school, schoolVAT: totals.schoolVAT, participants: totals.participants)
    }

    static func totals(_ priced: PricedOffer) throws(MoneyError) -> [DocumentTotals] {
        try priced.years.map { (year) throws(MoneyError) -> DocumentTotals in try yearTotals(year.year, year.lines, year.totals) }
            + [try yearTotals(nil, priced.years.flatMap(\.lines), priced.totals)]
    }

    /// The priced lines per year, for the rekenbijlage: named, never coded.
    static func annexes(_ priced: PricedOffer, books: PricingBooks, data: IllustrativeData) throws(MoneyError) -> [DocumentAnnex] {
        try priced.years.map { (year) throws(MoneyError) -> DocumentAnnex in
            let book = books[year.year]?.book
            let lines = year.lines.map { line in
                let service = book?.service(line.service)
                return DocumentLine(
                    service: line.service, serviceName: service?.name ?? line.service, component: line.component,
                    componentName: service?.component(line.component)?.name ?? line.component, tariff: line.tariff,
                    subject: line.subjectName ?? line.description, quantity: line.quantity, unitPrice: line.unitPrice,
                    amount: line.amount, recurrence: line.recurrence == .oneOff ? "eenmalig" : "jaarlijks",
                    payer: dutchPayer(line.payer), vat: line.vat?.amount, explanation: DocumentNotation.sentence(line.documentExplanation),
                    isQuote: line.isQuote, isIndicative: line.isIndicative, illustrative: data.marks(line))
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

    /// The service levels of every year, each school marked when it is illustrative.
    static func serviceLevels(_ priced: PricedOffer, data: IllustrativeData) -> [DocumentServiceLevel] {
        priced.years.flatMap { year in
            year.serviceLevels.map { level in
                DocumentServiceLevel(year: year.year, service: level.service, schoolID: level.subject, school: level.subjectName, pupils: level.pupils,
                                     name: level.name, value: "\(level.value.dutchString) \(level.unit)", note: level.note,
                                     illustrative: data.marksSchool(id: level.subject, name: level.subjectName))
            }
        }
    }

    /// The books of every year: published, or projected from which book (the percentages are
    /// stated once, in the article on the subsidy amount), and the SHA-256 of the text that was
    /// frozen.
    static func books(_ priced: PricedOffer, books: PricingBooks) -> [DocumentBook] {
        priced.years.compactMap { year in
            guard let yearBook = books[year.year] else { return nil }
            var status = "gepubliceerd"
            if yearBook.status == .projected {
                status = "geraamd vanuit tariefboek \(yearBook.projectedFrom.map(String.init) ?? "?") (artikel 4)"
            }
            return DocumentBook(year: year.year, status: status, hash: yearBook.hash)
        }
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
