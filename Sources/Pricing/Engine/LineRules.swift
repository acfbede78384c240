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

    /// What every line of one component shares, taken out of the component once instead of
    /// once per line (the component's enum holds arrays and strings whose copies cost).
    struct ComponentFacts {
        let component: Component
        let single: Tariff?
        let options: [ComponentOption]
        let recurrence: Recurrence
        let namesOption: Bool
        let unitText: String
        /// The explanation's shared part for each tariff of the component, made once.
        let explanations: [String: LineExplanation.Shared]

        func option(_ key: String) -> ComponentOption? {
            options.first { $0.key == key }
        }
    }

    /// The lines a component gives this year: none when its recurrence does not fall in the year.
    func price(_ component: Component) throws(PricingError) -> [PricedLine] {
        if component.basis == .customQuote { return try quoteLines(component) }
        guard let recurrence = component.recurrence, charged(recurrence),
              let facts = facts(of: component, recurrence: recurrence) else { return [] }
        switch component.basis {
        case .perMunicipality:
            let quantity = scaled(component, Quantity(1))
            return [try tariffLine(facts, option: nil, subject: nil, quantity: quantity,
                                   phrase: quantityPhrase(component, quantity, unit: nil))]
        case .perInhabitant:
            guard let count = profile.inhabitants(forPricingYear: year) else { return [] }
            let quantity = Quantity(Int64(count.count))
            return [try tariffLine(facts, option: nil, subject: nil, quantity: quantity,
                                   phrase: .inhabitants(quantity, date: count.date))]
        case .perBranch:
            var lines: [PricedLine] = []
            let quantity = scaled(component, Quantity(1))
            let phrase = quantityPhrase(component, quantity, unit: "vestiging")
            for branch in resolved.branches {
                let option = facts.option(branch.size.rawValue)
                if facts.single == nil, option == nil { continue }
                lines.append(try tariffLine(facts, option: option, subject: (branch.id, branch.name), quantity: quantity, phrase: phrase))
            }
            return lines
        case .perPupil:
            return try resolved.schools.map { (school) throws(PricingError) -> PricedLine in
                let quantity = scaled(component, Quantity(Int64(school.pupils)))
                return try tariffLine(facts, option: nil, subject: (school.id, school.name), quantity: quantity,
                                      phrase: .pupils(school.pupils))
            }
        case .perSchool:
            return try subjectLines(facts, subjects: resolved.schools.map { ($0.id, $0.name) }, unit: "school")
        case .perChildcareLocation:
            return try subjectLines(facts, subjects: resolved.childcareLocations.map { ($0.id, $0.name) },
                                    unit: "kinderopvanglocatie")
        case .perConsultationBureau:
            return try subjectLines(facts, subjects: resolved.consultationBureaus.map { ($0.id, $0.name) },
                                    unit: "consultatiebureau")
        case .perPackage:
            guard let key = line.package, let option = facts.option(key) else { return [] }
            return [try tariffLine(facts, option: option, subject: nil, quantity: Quantity(1),
                                   phrase: .package(name: option.tariff.name, activities: option.activities))]
        case .perHour:
            guard let key = line.level, let hours = line.numbers["hours"], let option = facts.option(key) else {
                return []
            }
            return [try tariffLine(facts, option: option, subject: nil, quantity: hours,
                                   phrase: .hours(hours, level: option.tariff.name))]
        case .perParticipant:
            return try participantLines(facts)
        case .customQuote:
            return []
        }
    }

    /// Builds what every line of a component shares: its tariffs, unit and explanations; nil for a quoted component.
    private func facts(of component: Component, recurrence: Recurrence) -> ComponentFacts? {
        var single: Tariff?
        var options: [ComponentOption] = []
        var namesOption = false
        switch component.pricing {
        case .single(let published): single = published.tariff
        case .table(let dimension, _, let tableOptions):
            options = tableOptions
            namesOption = dimension == .branchSize
        case .customQuote: return nil
        }
        let unit = unitText(component)
        var explanations: [String: LineExplanation.Shared] = [:]
        for tariff in (single.map { [$0] } ?? []) + options.map(\.tariff) {
            var formula: String?
            if case .formula(let value) = tariff.value { formula = value.text }
            explanations[tariff.id] = LineExplanation.Shared(
                service: service.code, component: component.code,
                kind: .tariff(id: tariff.id, formula: formula, recurrence: recurrence, serviceFirstYear: resolved.serviceFirstYear),
                componentName: component.name, unitPrice: tariff.amount, unitText: unit,
                recurrence: recurrence == .oneOff ? .oneOff : .annual, payer: component.payer, indicative: component.isIndicative,
                bookYear: yearBook.book.year, projected: yearBook.status == .projected)
        }
        return ComponentFacts(component: component, single: single, options: options, recurrence: recurrence,
                              namesOption: namesOption, unitText: unit, explanations: explanations)
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

    private func quantityPhrase(_ component: Component, _ quantity: Quantity, unit: String?) -> LineExplanation.QuantityPhrase {
        if let scaling = component.scaledBy {
            return scaling.field == "hoursPerWeek" ? .hoursPerWeek(quantity) : .scaled(quantity, field: scaling.field)
        }
        return .count(quantity, unit: unit)
    }

    private func subjectLines(_ facts: ComponentFacts, subjects: [(id: String, name: String)], unit: String) throws(PricingError) -> [PricedLine] {
        let quantity = scaled(facts.component, Quantity(1))
        let phrase = quantityPhrase(facts.component, quantity, unit: unit)
        return try subjects.map { (subject) throws(PricingError) -> PricedLine in
            try tariffLine(facts, option: nil, subject: subject, quantity: quantity, phrase: phrase)
        }
    }

    /// Expected participant fees: activities × participants per activity × the fee. Left out when
    /// the offer gives no participant count and the book has no planning figure.
    private func participantLines(_ facts: ComponentFacts) throws(PricingError) -> [PricedLine] {
        let component = facts.component
        let given = line.numbers["participantsPerActivity"]
        guard let participants = given ?? component.planningParticipantsPerActivity.map({ Quantity(Int64($0)) }) else {
            return []
        }
        func feeLine(activities: Int, subject: (String, String)?) throws(PricingError) -> PricedLine {
            let quantity = (try? Quantity(Int64(activities)).multiplied(by: participants)) ?? participants
            return try tariffLine(facts, option: nil, subject: subject, quantity: quantity,
                                  phrase: .participants(activities: activities, participants: participants, planning: given == nil))
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
            let why = LineExplanation(
                shared: LineExplanation.Shared(
                    service: service.code, component: component.code,
                    kind: .quote(description: quote.description, oneOff: quote.recurrence == .oneOff),
                    componentName: component.name, unitPrice: quote.amount, unitText: "",
                    recurrence: quote.recurrence == .oneOff ? .oneOff : .annual, payer: component.payer, indicative: false,
                    bookYear: yearBook.book.year, projected: yearBook.status == .projected),
                optionName: nil, quantity: .count(Quantity(1), unit: nil))
            lines.append(PricedLine(subject: nil, subjectName: nil, quantity: Quantity(1), amount: quote.amount, vat: nil,
                                    description: quote.description, why: why))
        }
        return lines
    }

    // MARK: Building a line

    /// A line priced from a published tariff: the one multiplication and the one rounding.
    private func tariffLine(_ facts: ComponentFacts, option: ComponentOption?, subject: (id: String, name: String)?,
                            quantity: Quantity, phrase: LineExplanation.QuantityPhrase) throws(PricingError) -> PricedLine {
        let component = facts.component
        guard let tariff = option?.tariff ?? facts.single else { throw .overflow(path: path, what: "a missing option") }
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

        // What, for whom, how much, when, which tariff: kept as data, written out on demand.
        let optionName = facts.namesOption ? option?.tariff.name : nil
        guard let shared = facts.explanations[tariff.id] else { throw .overflow(path: path, what: "an unknown tariff") }
        let why = LineExplanation(shared: shared, optionName: optionName, quantity: phrase)
        return PricedLine(subject: subject?.id, subjectName: subject?.name, quantity: quantity, amount: amount, vat: vat,
                          description: line.description, why: why)
    }

    private func unitText(_ component: Component) -> String {
        if let scaling = component.scaledBy, scaling.field == "hoursPerWeek" {
            return "per uur per week"
        }
        return component.basis.dutchUnit
    }
}
