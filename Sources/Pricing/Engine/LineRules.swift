import Catalogue
import JSON
import Money

/// Prices the components of one offer line in one year: one rule per basis of the tariff book.
struct LineContext {
    let year: Int
    let yearBook: YearBook
    let service: Service
    let resolved: ResolvedLine
    let profile: MunicipalityProfile

    private var line: OfferLine { resolved.line }
    private var path: JSONPath { JSONPath.root.appending("lines").appending(index: resolved.index) }

    /// The lines a component gives this year: none when its recurrence does not fall in the year.
    func price(_ component: Component) throws(PricingError) -> [PricedLine] {
        if component.basis == .customQuote { return try quoteLines(component) }
        guard let recurrence = component.recurrence, charged(recurrence) else { return [] }
        switch component.basis {
        case .perMunicipality:
            return [try tariffLine(component, option: nil, subject: nil, quantity: scaled(component, Quantity(1)),
                                   quantityText: quantityPhrase(component, scaled(component, Quantity(1)), unit: nil))]
        case .perInhabitant:
            guard let count = profile.inhabitants(forPricingYear: year) else { return [] }
            let quantity = Quantity(Int64(count.count))
            return [try tariffLine(component, option: nil, subject: nil, quantity: quantity,
                                   quantityText: "\(quantity.dutchString) inwoners (stand \(count.date.dutchString))")]
        case .perBranch:
            var lines: [PricedLine] = []
            for branch in resolved.branches {
                let option = try self.option(of: component, key: branch.size.rawValue)
                if case .table = component.pricing, option == nil { continue }
                let quantity = scaled(component, Quantity(1))
                lines.append(try tariffLine(component, option: option, subject: (branch.id, branch.name), quantity: quantity,
                                            quantityText: quantityPhrase(component, quantity, unit: "vestiging")))
            }
            return lines
        case .perPupil:
            return try resolved.schools.map { (school) throws(PricingError) -> PricedLine in
                let quantity = scaled(component, Quantity(Int64(school.pupils)))
                return try tariffLine(component, option: nil, subject: (school.id, school.name), quantity: quantity,
                                      quantityText: "\(Quantity(Int64(school.pupils)).dutchString) leerlingen")
            }
        case .perSchool:
            return try subjectLines(component, subjects: resolved.schools.map { ($0.id, $0.name) }, unit: "school")
        case .perChildcareLocation:
            return try subjectLines(component, subjects: resolved.childcareLocations.map { ($0.id, $0.name) },
                                    unit: "kinderopvanglocatie")
        case .perConsultationBureau:
            return try subjectLines(component, subjects: resolved.consultationBureaus.map { ($0.id, $0.name) },
                                    unit: "consultatiebureau")
        case .perPackage:
            guard let key = line.package, let option = try option(of: component, key: key) else { return [] }
            let activities = option.activities.map { ", \($0) activiteiten" } ?? ""
            return [try tariffLine(component, option: option, subject: nil, quantity: Quantity(1),
                                   quantityText: "1 pakket (\(option.tariff.name.lowercased())\(activities))")]
        case .perHour:
            guard let key = line.level, let hours = line.numbers["hours"], let option = try option(of: component, key: key) else {
                return []
            }
            return [try tariffLine(component, option: option, subject: nil, quantity: hours,
                                   quantityText: "\(hours.dutchString) uur \(option.tariff.name.lowercased())")]
        case .perParticipant:
            return try participantLines(component)
        case .customQuote:
            return []
        }
    }

    // MARK: Rules

    /// Whether a component with this recurrence is charged this year.
    private func charged(_ recurrence: Recurrence) -> Bool {
        switch recurrence {
        case .annual: true
        case .oneOff: year == resolved.serviceFirstYear
        case .annualFromSecondYear: year > resolved.serviceFirstYear
        }
    }

    /// Multiplies a quantity by the offer's number for a scaled component (hours a week).
    private func scaled(_ component: Component, _ quantity: Quantity) -> Quantity {
        guard let scaling = component.scaledBy else { return quantity }
        let factor = line.numbers[scaling.field] ?? scaling.defaultValue
        return (try? quantity.multiplied(by: factor)) ?? quantity
    }

    private func quantityPhrase(_ component: Component, _ quantity: Quantity, unit: String?) -> String {
        if let scaling = component.scaledBy {
            return scaling.field == "hoursPerWeek" ? "\(quantity.dutchString) uur per week" : "\(quantity.dutchString) × \(scaling.field)"
        }
        return unit.map { "\(quantity.dutchString) \($0)" } ?? quantity.dutchString
    }

    private func subjectLines(_ component: Component, subjects: [(id: String, name: String)], unit: String) throws(PricingError) -> [PricedLine] {
        try subjects.map { (subject) throws(PricingError) -> PricedLine in
            let quantity = scaled(component, Quantity(1))
            return try tariffLine(component, option: nil, subject: subject, quantity: quantity,
                                  quantityText: quantityPhrase(component, quantity, unit: unit))
        }
    }

    /// Expected participant fees: activities × participants per activity × the fee. Left out when
    /// the offer gives no participant count and the book has no planning figure.
    private func participantLines(_ component: Component) throws(PricingError) -> [PricedLine] {
        let given = line.numbers["participantsPerActivity"]
        guard let participants = given ?? component.planningParticipantsPerActivity.map({ Quantity(Int64($0)) }) else {
            return []
        }
        let source = given == nil ? " (planningscijfer)" : ""
        func feeLine(activities: Int, subject: (String, String)?) throws(PricingError) -> PricedLine {
            let quantity = (try? Quantity(Int64(activities)).multiplied(by: participants)) ?? participants
            return try tariffLine(component, option: nil, subject: subject, quantity: quantity,
                                  quantityText: "\(activities) activiteiten × \(participants.dutchString) deelnemers\(source)")
        }
        if let byBranch = service.optionComponent(by: .branchSize), case .table(_, _, let options) = byBranch.pricing,
           options.contains(where: { $0.activities != nil }) {
            var lines: [PricedLine] = []
            for branch in resolved.branches {
                guard let activities = options.first(where: { $0.key == branch.size.rawValue })?.activities else { continue }
                lines.append(try feeLine(activities: activities, subject: (branch.id, branch.name)))
            }
            return lines
        }
        if let byPackage = service.optionComponent(by: .package), case .table(_, _, let options) = byPackage.pricing {
            guard let activities = options.first(where: { $0.key == line.package })?.activities else { return [] }
            return [try feeLine(activities: activities, subject: nil)]
        }
        guard let activities = line.numbers["activities"], activities.isInteger,
              let count = Int(exactly: activities.units) else { return [] }
        return [try feeLine(activities: count, subject: nil)]
    }

    private func quoteLines(_ component: Component) throws(PricingError) -> [PricedLine] {
        let codes = service.customQuoteComponents.map(\.code)
        var lines: [PricedLine] = []
        for quote in line.quotes {
            let target = quote.component ?? (codes.count == 1 ? codes[0] : nil)
            guard target == component.code else { continue }
            if quote.recurrence == .oneOff && year != resolved.startYear { continue }
            let recurrenceText = quote.recurrence == .oneOff ? "eenmalig" : "jaarlijks"
            let explanation = "\(component.name): offerte van de accountmanager voor \(quote.description), "
                + "\(quote.amount.dutchString) \(recurrenceText); tariefboek \(bookLabel)."
            lines.append(PricedLine(service: service.code, component: component.code, tariff: nil, subject: nil, subjectName: nil,
                                    quantity: Quantity(1), unitPrice: quote.amount, amount: quote.amount,
                                    recurrence: quote.recurrence == .oneOff ? .oneOff : .annual, payer: component.payer,
                                    explanation: explanation, isQuote: true, isIndicative: false, vat: nil,
                                    description: quote.description))
        }
        return lines
    }

    // MARK: Building a line

    private func option(of component: Component, key: String) throws(PricingError) -> ComponentOption? {
        guard case .table(_, _, let options) = component.pricing else { return nil }
        return options.first { $0.key == key }
    }

    private var bookLabel: String {
        yearBook.status == .projected ? "\(yearBook.book.year) (geprojecteerd)" : "\(yearBook.book.year)"
    }

    /// A line priced from a published tariff: the one multiplication and the one rounding.
    private func tariffLine(_ component: Component, option: ComponentOption?, subject: (id: String, name: String)?,
                            quantity: Quantity, quantityText: String) throws(PricingError) -> PricedLine {
        let tariff: Tariff
        let recurrence: Recurrence
        switch component.pricing {
        case .single(let published):
            tariff = published.tariff
            recurrence = published.recurrence
        case .table(_, let published, _):
            guard let option else { throw .overflow(path: path, what: "a missing option") }
            tariff = option.tariff
            recurrence = published.recurrence
        case .customQuote:
            throw .overflow(path: path, what: "a custom quote")
        }
        let amount: Money
        do {
            amount = try tariff.amount.multiplied(by: quantity, rounding: PricingEngine.rounding, to: tariff.precision)
        } catch {
            throw .overflow(path: path, what: "\(tariff.id) × \(quantity.plainString)")
        }
        var vat: VATAmount?
        if component.excludesVAT {
            let rate = yearBook.book.schoolContributionVATRate
            do {
                let vatAmount = try amount.indexed(by: rate.rational, to: .cent, PricingEngine.rounding)
                vat = VATAmount(rate: rate, amount: vatAmount)
            } catch {
                throw .overflow(path: path, what: "the VAT on \(tariff.id)")
            }
        }

        // One sentence: what, for whom, how much, when, which tariff.
        var sentence = component.name
        if let option, case .table(.branchSize, _, _) = component.pricing {
            sentence += " (\(option.tariff.name.lowercased()))"
        }
        if let subject { sentence += " voor \(subject.name)" }
        sentence += ": \(quantityText) × \(tariff.amount.dutchString) \(unitText(component)) = \(amount.dutchString)"
        var clauses: [String] = []
        switch recurrence {
        case .annual:
            clauses.append("jaarlijks")
        case .oneOff:
            clauses.append("eenmalig in het eerste jaar van de dienst")
        case .annualFromSecondYear:
            clauses.append("jaarlijks vanaf het tweede jaar van de dienst (gestart in \(resolved.serviceFirstYear))")
        }
        switch component.payer {
        case .municipality: break
        case .school:
            if let vat {
                clauses.append("betaald door de school, exclusief \(vat.rate.plainString.replacing(".", with: ","))% btw (\(vat.amount.dutchString))")
            } else {
                clauses.append("betaald door de school")
            }
        case .participants:
            clauses.append("verwachte bijdrage van deelnemers, niet in het totaal van de gemeente")
        }
        if component.isIndicative { clauses.append("richtprijs") }
        var tariffClause = "tarief \(tariff.id)"
        if case .formula(let formula) = tariff.value {
            tariffClause += " = \(formula.text.replacing("*", with: "×"))"
        }
        clauses.append("\(tariffClause), tariefboek \(bookLabel)")
        sentence += "; " + clauses.joined(separator: "; ") + "."

        let recurrenceOut: Recurrence = recurrence == .oneOff ? .oneOff : .annual
        return PricedLine(service: service.code, component: component.code, tariff: tariff.id, subject: subject?.id,
                          subjectName: subject?.name, quantity: quantity, unitPrice: tariff.amount, amount: amount,
                          recurrence: recurrenceOut, payer: component.payer, explanation: sentence, isQuote: false,
                          isIndicative: component.isIndicative, vat: vat, description: line.description)
    }

    private func unitText(_ component: Component) -> String {
        if let scaling = component.scaledBy, scaling.field == "hoursPerWeek" {
            return "per uur per week"
        }
        return component.basis.dutchUnit
    }
}
