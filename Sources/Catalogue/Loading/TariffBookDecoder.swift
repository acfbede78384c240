import JSON
import Money
import Support

/// A tariff whose amount is still to be computed: formulas are evaluated by
/// `TariffBookResolver` once the whole book has been read.
struct PendingTariff {
    var id: String
    var value: TariffValue
    var precision: Precision
    /// The path of the `amount` or `formula` field, for messages.
    var path: JSONPath
}

/// Turns the JSON of a tariff book into a `TariffBook` whose formula amounts are still zero,
/// reporting every problem of shape, type and vocabulary to the collector.
struct TariffBookDecoder {
    let collector: DiagnosticCollector
    private(set) var pending: [PendingTariff] = []
    /// Every tariff id whose amount or formula was looked at, read or not: a formula naming one
    /// whose value is broken adds no problem, since the broken value is reported at its place.
    private(set) var declaredTariffs: Set<String> = []

    init(collector: DiagnosticCollector) {
        self.collector = collector
    }

    /// The supported file format version.
    static let formatVersion = 1

    /// The largest published tariff (ten million euro): far above any service of the catalogue.
    static let maximumTariffCents: Int64 = 1_000_000_000

    mutating func decode(_ root: JSONValue) -> TariffBook? {
        guard let reader = ObjectReader(root, at: .root, collector: collector) else { return nil }
        let formatVersion = reader.integer("formatVersion", in: 0...Int(Int32.max))
        if let formatVersion, formatVersion != Self.formatVersion {
            collector.report(JSONPath.root.appending("formatVersion"),
                             "this program reads tariff books of format version \(Self.formatVersion), found version \(formatVersion)")
        }
        let year = reader.integer("year", in: 2000...2999)
        let currency = reader.string("currency")
        if let currency, currency != "EUR" {
            collector.report(JSONPath.root.appending("currency"), "expected \"EUR\", found \(quoted(currency))")
        }
        let title = reader.string("title")
        let publisher = reader.string("publisher")
        let provenance = reader.object("provenance").flatMap(decodeProvenance)
        let mixedWeights = reader.object("indexation").flatMap(decodeIndexation)
        let vatRate = reader.object("vat").flatMap(decodeVAT)
        let wsobFunctions = reader.array("wsobFunctions").map(decodeWsobFunctions) ?? []
        let programmeLines = reader.array("programmeLines").map { elements in
            elements.compactMap { decodeProgrammeLine($0.value, at: $0.path) }
        } ?? []
        let targetGroups = reader.array("targetGroups", required: false).map(decodeTerms) ?? []
        let themes = reader.array("themes", required: false).map(decodeTerms) ?? []
        let units = reader.array("units").map { elements in
            elements.compactMap { decodeUnit($0.value, at: $0.path) }
        } ?? []
        let services = reader.array("services").map { elements in
            elements.compactMap { decodeService($0.value, at: $0.path) }
        } ?? []
        reader.finish()

        guard let formatVersion, let year, let currency, let title, let publisher, let provenance,
              let mixedWeights, let vatRate else { return nil }
        return TariffBook(
            formatVersion: formatVersion, year: year, currency: currency, title: title,
            publisher: publisher, provenance: provenance, mixedWeights: mixedWeights,
            schoolContributionVATRate: vatRate, wsobFunctions: wsobFunctions,
            programmeLines: programmeLines, targetGroups: targetGroups, themes: themes,
            units: units, services: services)
    }

    // MARK: Book-level sections

    private func decodeProvenance(_ reader: ObjectReader) -> Provenance? {
        let kind = reader.string("kind")
        let source = reader.string("source")
        let note = reader.string("note", required: false)
        var record: IndexationRecord?
        if kind == Provenance.indexationKind {
            record = decodeIndexationRecord(reader)
        } else if let kind, kind != Provenance.transcription {
            collector.report(reader.path.appending("kind"), "unknown provenance kind \(quoted(kind)); expected \"transcription\" or \"indexation\"")
        }
        reader.finish()
        guard let kind, let source else { return nil }
        if kind == Provenance.indexationKind && record == nil { return nil }
        return Provenance(kind: kind, source: source, note: note, indexation: record)
    }

    private func decodeIndexationRecord(_ reader: ObjectReader) -> IndexationRecord? {
        let sourceYear = reader.integer("sourceYear", in: 2000...2999)
        let sourceHash = reader.string("sourceHash")
        if let sourceHash, !isHash(sourceHash) {
            collector.report(reader.path.appending("sourceHash"), "expected \"sha256:\" and 64 lowercase hex digits, found \(quoted(sourceHash))")
        }
        let percentages = reader.object("percentages")
        let wage = percentages?.percentage("wage")
        let price = percentages?.percentage("price")
        percentages?.finish()
        let weights = reader.object("mixedWeights")
        let wageWeight = weights?.fraction("wage")
        let priceWeight = weights?.fraction("price")
        weights?.finish()
        var date: CalendarDate?
        if let text = reader.string("date", required: false) {
            date = CalendarDate(parsing: text)
            if date == nil { collector.report(reader.path.appending("date"), "expected a date like \"2026-01-15\", found \(quoted(text))") }
        }
        let summary = reader.string("summary")
        let replaced = reader.string("replaces", required: false)
        if let replaced, !isHash(replaced) {
            collector.report(reader.path.appending("replaces"), "expected \"sha256:\" and 64 lowercase hex digits, found \(quoted(replaced))")
        }
        guard let sourceYear, let sourceHash, let wage, let price, let wageWeight, let priceWeight, let summary else { return nil }
        return IndexationRecord(sourceYear: sourceYear, sourceHash: sourceHash, wage: wage, price: price,
                                mixedWeights: MixedWeights(wage: wageWeight, price: priceWeight), date: date,
                                summary: summary, replacedHash: replaced)
    }

    private func isHash(_ text: String) -> Bool {
        text.hasPrefix("sha256:") && text.count == 71
            && text.dropFirst(7).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    private func decodeIndexation(_ reader: ObjectReader) -> MixedWeights? {
        defer { reader.finish() }
        guard let weights = reader.object("mixedWeights") else { return nil }
        let wage = weights.fraction("wage")
        let price = weights.fraction("price")
        weights.finish()
        guard let wage, let price else { return nil }
        let zero = Rational(0), one = Rational(1)
        if wage < zero || price < zero || (try? wage.adding(price)) != one {
            collector.report(weights.path, "the weights of wage (\(wage)) and price (\(price)) must be zero or more and add up to 1")
            return nil
        }
        return MixedWeights(wage: wage, price: price)
    }

    private func decodeVAT(_ reader: ObjectReader) -> Percentage? {
        let rate = reader.percentage("schoolContributionRate")
        reader.finish()
        guard let rate else { return nil }
        if rate < (try! Percentage(parsing: "0")) || rate > (try! Percentage(parsing: "100")) {
            collector.report(reader.path.appending("schoolContributionRate"), "expected a VAT rate from 0 to 100 percent, found \(rate)")
            return nil
        }
        return rate
    }

    private func decodeWsobFunctions(_ elements: [(value: JSONValue, path: JSONPath)]) -> [WsobFunction] {
        var functions: [WsobFunction] = []
        for element in elements {
            guard let reader = ObjectReader(element.value, at: element.path, collector: collector) else { continue }
            let number = reader.integer("number", in: 1...5)
            let name = reader.string("name")
            reader.finish()
            guard let number, let name else { continue }
            if functions.contains(where: { $0.number == number }) {
                collector.report(element.path.appending("number"), "Wsob function \(number) is listed twice")
                continue
            }
            functions.append(WsobFunction(number: number, name: name))
        }
        let missing = (1...5).filter { number in !functions.contains { $0.number == number } }
        if !missing.isEmpty && functions.count + missing.count == 5 && elements.count == functions.count {
            collector.report(JSONPath.root.appending("wsobFunctions"),
                             "expected the five Wsob core functions 1 to 5; missing " + missing.map(String.init).joined(separator: ", "))
        }
        return functions
    }

    /// A vocabulary: objects with a code and a Dutch name.
    private func decodeTerms(_ elements: [(value: JSONValue, path: JSONPath)]) -> [Term] {
        elements.compactMap { element in
            guard let reader = ObjectReader(element.value, at: element.path, collector: collector) else { return nil }
            let code = reader.code("code")
            let name = reader.string("name")
            reader.finish()
            guard let code, let name else { return nil }
            return Term(code: code, name: name)
        }
    }

    private func decodeProgrammeLine(_ value: JSONValue, at path: JSONPath) -> ProgrammeLine? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.string("name")
        let wsob = decodeWsobList(reader)
        reader.finish()
        guard let code, let name, let wsob else { return nil }
        return ProgrammeLine(code: code, name: name, wsob: wsob)
    }

    /// An optional list of codes (target groups, themes); the references are checked once the
    /// whole book is read.
    private func decodeCodeList(_ reader: ObjectReader, _ key: String) -> [String] {
        guard let elements = reader.array(key, required: false) else { return [] }
        return elements.compactMap { collector.code($0.value, at: $0.path) }
    }

    /// A list of Wsob function numbers: each from 1 to 5, ascending, no repeats.
    private func decodeWsobList(_ reader: ObjectReader) -> [Int]? {
        guard let elements = reader.array("wsob") else { return nil }
        let numbers = elements.compactMap { collector.integer($0.value, in: 1...5, at: $0.path) }
        guard numbers.count == elements.count else { return nil }
        for index in numbers.indices.dropFirst() where numbers[index] <= numbers[index - 1] {
            collector.report(elements[index].path, "expected Wsob functions in ascending order without repeats, found \(numbers[index]) after \(numbers[index - 1])")
            return nil
        }
        return numbers
    }

    // MARK: Tariffs

    /// Reads `amount` or `formula`, checks it agrees with the index class and precision, and
    /// queues it for resolution.
    private mutating func decodeTariffValue(
        _ reader: ObjectReader, id: String, indexClass: IndexClass?, precision: Precision?
    ) -> TariffValue? {
        declaredTariffs.insert(id)
        let hasAmount = reader.has("amount"), hasFormula = reader.has("formula")
        let amountPath = reader.path.appending("amount"), formulaPath = reader.path.appending("formula")
        if hasAmount && hasFormula {
            _ = reader.value("amount"); _ = reader.value("formula")
            collector.report(formulaPath, "a tariff has either an amount or a formula, not both")
            return nil
        }
        if hasFormula {
            guard let text = reader.string("formula") else { return nil }
            let formula: Formula
            do {
                formula = try Formula(parsing: text)
            } catch {
                collector.report(formulaPath, "invalid formula \(quoted(text)): \(error)")
                return nil
            }
            if let indexClass, indexClass != .derived {
                collector.report(reader.path.appending("indexClass"),
                                 "a tariff with a formula is computed from other tariffs and must have indexClass \"derived\", found \"\(indexClass.rawValue)\"")
            }
            guard let precision else { return nil }
            pending.append(PendingTariff(id: id, value: .formula(formula), precision: precision, path: formulaPath))
            return .formula(formula)
        }
        if !hasAmount {
            collector.report(reader.path, "missing required field \"amount\" (or \"formula\" for a derived tariff)")
            _ = reader.value("amount", required: false)
            return nil
        }
        guard let amount = reader.money("amount") else { return nil }
        if amount.cents > TariffBookDecoder.maximumTariffCents {
            collector.report(amountPath, "a tariff is at most 10000000.00 euro, found \(amount.jsonString)")
            return nil
        }
        if indexClass == .derived {
            collector.report(reader.path.appending("indexClass"),
                             "indexClass \"derived\" needs a formula over other tariffs instead of an amount")
        }
        if precision == .euro, amount.cents % 100 != 0 {
            collector.report(amountPath, "the tariff is published in whole euros (precision \"euro\") but \(quoted(amount.jsonString)) has cents")
        }
        guard let precision else { return nil }
        pending.append(PendingTariff(id: id, value: .amount(amount), precision: precision, path: amountPath))
        return .amount(amount)
    }

    private mutating func decodeUnit(_ value: JSONValue, at path: JSONPath) -> Tariff? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.string("name")
        let indexClass = reader.choice("indexClass", IndexClass.self, named: "index class")
        let precision = reader.choice("precision", Precision.self, named: "precision")
        let source = reader.string("source")
        let note = reader.string("note", required: false)
        let tariffValue = decodeTariffValue(reader, id: code ?? "", indexClass: indexClass, precision: precision)
        reader.finish()
        guard let code, let name, let indexClass, let precision, let source, let tariffValue else { return nil }
        return Tariff(id: code, name: name, value: tariffValue, amount: .zero,
                      indexClass: indexClass, precision: precision, source: source, note: note)
    }

    // MARK: Services

    private mutating func decodeService(_ value: JSONValue, at path: JSONPath) -> Service? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.string("name")
        let section = reader.string("section")
        let programmeLine = reader.code("programmeLine", required: false)
        let tier = reader.choice("tier", Tier.self, named: "tier")
        let wsob = decodeWsobList(reader)
        let targetGroup = reader.string("targetGroup")
        let targetGroups = decodeCodeList(reader, "targetGroups")
        let themes = decodeCodeList(reader, "themes")
        let partners = reader.strings("partners")
        let description = reader.string("description")
        let specialFunding = reader.string("specialFunding", required: false)
        let schoolAgreement = reader.object("schoolAgreement", required: false).flatMap(decodeSchoolAgreement)
        var components: [Component] = []
        if let elements = reader.array("components") {
            if elements.isEmpty {
                collector.report(path.appending("components"), "a service needs at least one component")
            }
            for element in elements {
                if let component = decodeComponent(element.value, at: element.path, service: code ?? "") {
                    components.append(component)
                }
            }
        }
        let serviceLevels = reader.array("serviceLevels").map { elements in
            elements.compactMap { decodeServiceLevel($0.value, at: $0.path) }
        } ?? []
        let constraints = reader.array("constraints").map { elements in
            elements.compactMap { decodeConstraint($0.value, at: $0.path) }
        } ?? []
        reader.finish()
        guard let code, let name, let section, let tier, let wsob, let targetGroup, let partners,
              let description else { return nil }
        return Service(
            code: code, name: name, section: section, programmeLine: programmeLine, tier: tier,
            wsob: wsob, targetGroup: targetGroup, targetGroups: targetGroups, themes: themes,
            partners: partners, description: description,
            specialFunding: specialFunding, schoolAgreement: schoolAgreement, components: components,
            serviceLevels: serviceLevels, constraints: constraints)
    }

    private func decodeSchoolAgreement(_ reader: ObjectReader) -> SchoolAgreementTerms? {
        let initialYears = reader.integer("initialYears", in: 1...50)
        let renewalYears = reader.integer("renewalYears", in: 1...50)
        let noticeYears = reader.integer("noticeYears", in: 0...50)
        let tacitRenewal = reader.boolean("tacitRenewal")
        reader.finish()
        guard let initialYears, let renewalYears, let noticeYears, let tacitRenewal else { return nil }
        return SchoolAgreementTerms(initialYears: initialYears, renewalYears: renewalYears,
                                    noticeYears: noticeYears, tacitRenewal: tacitRenewal)
    }

    private mutating func decodeComponent(_ value: JSONValue, at path: JSONPath, service: String) -> Component? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.string("name")
        let basis = reader.choice("basis", Basis.self, named: "basis")
        let payer = reader.choice("payer", Payer.self, named: "payer")
        let source = reader.string("source")
        let note = reader.string("note", required: false)
        let id = "\(service)/\(code ?? "")"

        if basis == .customQuote {
            for key in ["amount", "formula", "options", "recurrence", "precision", "indexClass", "indicative", "by"]
            where reader.has(key) {
                _ = reader.value(key)
                collector.report(path.appending(key),
                                 "a custom-quote component has no \"\(key)\": the account manager gives amount and recurrence in the offer")
            }
            reader.finish()
            guard let code, let name, let payer, let source else { return nil }
            return Component(code: code, name: name, basis: .customQuote, payer: payer, source: source,
                             note: note, pricing: .customQuote, scaledBy: nil, excludesVAT: false,
                             planningParticipantsPerActivity: nil)
        }

        let recurrence = reader.choice("recurrence", Recurrence.self, named: "recurrence")
        let precision = reader.choice("precision", Precision.self, named: "precision")
        let indicative = reader.boolean("indicative")
        let indexClass = reader.choice("indexClass", IndexClass.self, named: "index class")
        let scaledBy = reader.object("scaledBy", required: false).flatMap(decodeScaling)
        let excludesVAT = reader.boolean("excludesVat", required: false) ?? false
        let planning = reader.integer("planningParticipantsPerActivity", in: 1...100_000, required: false)

        var pricing: ComponentPricing?
        if reader.has("by") || reader.has("options") {
            pricing = decodeOptionTable(reader, id: id, name: name, basis: basis, recurrence: recurrence,
                                        indicative: indicative, indexClass: indexClass,
                                        precision: precision, source: source)
        } else if let tariffValue = decodeTariffValue(reader, id: id, indexClass: indexClass, precision: precision),
                  let name, let indexClass, let precision, let source, let recurrence, let indicative {
            pricing = .single(PublishedTariff(
                tariff: Tariff(id: id, name: name, value: tariffValue, amount: .zero, indexClass: indexClass,
                               precision: precision, source: source),
                recurrence: recurrence, indicative: indicative))
        }
        reader.finish()
        guard let code, let name, let basis, let payer, let source, let pricing else { return nil }
        return Component(code: code, name: name, basis: basis, payer: payer, source: source, note: note,
                         pricing: pricing, scaledBy: scaledBy, excludesVAT: excludesVAT,
                         planningParticipantsPerActivity: planning)
    }

    private mutating func decodeOptionTable(
        _ reader: ObjectReader, id: String, name: String?, basis: Basis?, recurrence: Recurrence?,
        indicative: Bool?, indexClass: IndexClass?, precision: Precision?, source: String?
    ) -> ComponentPricing? {
        let dimension = reader.choice("by", OptionDimension.self, named: "option dimension")
        if let dimension, let basis, basis != dimension.requiredBasis {
            collector.report(reader.path.appending("by"),
                             "options by \"\(dimension.rawValue)\" need basis \"\(dimension.requiredBasis.rawValue)\", found \"\(basis.rawValue)\"")
        }
        for key in ["amount", "formula"] where reader.has(key) {
            _ = reader.value(key)
            collector.report(reader.path.appending(key), "a component with options has its amounts in the options, not a \"\(key)\" of its own")
        }
        guard let elements = reader.array("options") else { return nil }
        if elements.isEmpty {
            collector.report(reader.path.appending("options"), "expected at least one option")
        }
        var options: [ComponentOption] = []
        var formulaCount = 0
        for element in elements {
            guard let optionReader = ObjectReader(element.value, at: element.path, collector: collector) else { continue }
            let key = optionReader.code("key")
            if let key, let dimension, dimension == .branchSize, BranchSize(rawValue: key) == nil {
                let allowed = BranchSize.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                collector.report(element.path.appending("key"), "unknown branch size \(quoted(key)); expected one of \(allowed)")
            }
            let optionName = optionReader.string("name")
            let activities = optionReader.integer("activities", in: 1...10_000, required: false)
            if optionReader.has("formula") { formulaCount += 1 }
            // Options share the component's index class; the value check needs the option's own
            // kind, so a formula option is checked against "derived" and an amount against the rest.
            let optionID = "\(id)/\(key ?? "")"
            let tariffValue = decodeTariffValue(optionReader, id: optionID, indexClass: indexClass, precision: precision)
            optionReader.finish()
            guard let key, let optionName, let tariffValue, let indexClass, let precision, let source else { continue }
            options.append(ComponentOption(
                key: key,
                tariff: Tariff(id: optionID, name: optionName, value: tariffValue, amount: .zero,
                               indexClass: indexClass, precision: precision, source: source),
                activities: activities))
        }
        guard let dimension, let name, let recurrence, let indicative, let indexClass, let precision, let source,
              options.count == elements.count else { return nil }
        let shared = Tariff(id: id, name: name, value: .amount(.zero), amount: .zero, indexClass: indexClass,
                            precision: precision, source: source)
        return .table(dimension: dimension,
                      published: PublishedTariff(tariff: shared, recurrence: recurrence, indicative: indicative),
                      options: options)
    }

    private func decodeScaling(_ reader: ObjectReader) -> Scaling? {
        let field = reader.string("field")
        let defaultValue = reader.quantity("default")
        let minimum = reader.quantity("minimum", required: false)
        reader.finish()
        guard let field, let defaultValue else { return nil }
        if let field = Optional(field), !field.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            collector.report(reader.path.appending("field"), "expected an offer field name like \"hoursPerWeek\", found \(quoted(field))")
            return nil
        }
        if defaultValue <= Quantity(0) {
            collector.report(reader.path.appending("default"), "expected a default greater than zero, found \(defaultValue)")
            return nil
        }
        if let minimum, defaultValue < minimum {
            collector.report(reader.path.appending("default"), "the default \(defaultValue) is below the minimum \(minimum)")
            return nil
        }
        return Scaling(field: field, defaultValue: defaultValue, minimum: minimum)
    }

    // MARK: Rules

    private func decodeServiceLevel(_ value: JSONValue, at path: JSONPath) -> ServiceLevel? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.string("name")
        let input = reader.string("input")
        if let input, input != "pupils" {
            collector.report(path.appending("input"), "unknown service-level input \(quoted(input)); expected \"pupils\"")
        }
        let unit = reader.string("unit")
        let note = reader.string("note", required: false)
        var rule: ServiceLevelRule?
        if reader.has("rows") && reader.has("rate") {
            _ = reader.value("rows"); _ = reader.value("rate")
            collector.report(path, "a service level has either \"rows\" or a \"rate\", not both")
        } else if reader.has("rate") {
            rule = reader.object("rate").flatMap(decodeRate)
        } else if let elements = reader.array("rows") {
            rule = decodeRows(elements, at: path.appending("rows")).map(ServiceLevelRule.table)
        }
        reader.finish()
        guard let code, let name, input == "pupils", let unit, let rule else { return nil }
        return ServiceLevel(code: code, name: name, input: "pupils", unit: unit, note: note, rule: rule)
    }

    private func decodeRate(_ reader: ObjectReader) -> ServiceLevelRule? {
        let per = reader.integer("per", in: 1...1_000_000)
        let value = reader.quantity("value")
        reader.finish()
        guard let per, let value else { return nil }
        var power = 1
        while power < per { power *= 10 }
        if power != per {
            collector.report(reader.path.appending("per"), "expected a power of ten (1, 10, 100, …) so levels stay exact decimals, found \(per)")
            return nil
        }
        return .rate(per: per, value: value)
    }

    /// Reads a table's rows and checks the UNIQUE hit policy: from 0, no gaps, no overlaps,
    /// the last row open-ended.
    private func decodeRows(_ elements: [(value: JSONValue, path: JSONPath)], at path: JSONPath) -> [ServiceLevelRow]? {
        var rows: [ServiceLevelRow] = []
        for element in elements {
            guard let reader = ObjectReader(element.value, at: element.path, collector: collector) else { continue }
            let from = reader.integer("from", in: 0...10_000_000)
            let to = reader.integer("to", in: 0...10_000_000, required: false)
            let value = reader.quantity("value")
            let note = reader.string("note", required: false)
            reader.finish()
            guard let from, let value else { continue }
            if let to, to < from {
                collector.report(element.path.appending("to"), "the row ends (\(to)) before it starts (\(from))")
                continue
            }
            rows.append(ServiceLevelRow(from: from, to: to, value: value, note: note))
        }
        guard rows.count == elements.count else { return nil }
        guard !rows.isEmpty else {
            collector.report(path, "expected at least one row")
            return nil
        }
        var valid = true
        if rows[0].from != 0 {
            collector.report(path.appending(index: 0).appending("from"),
                             "the table leaves 0 to \(rows[0].from - 1) uncovered: the first row must start at 0")
            valid = false
        }
        for index in rows.indices.dropFirst() {
            let previous = rows[index - 1], row = rows[index]
            let rowPath = path.appending(index: index).appending("from")
            guard let previousEnd = previous.to else {
                collector.report(path.appending(index: index - 1),
                                 "row \(index) has no upper bound, so row \(index + 1) (from \(row.from)) overlaps it; only the last row may be open-ended")
                valid = false
                continue
            }
            if row.from > previousEnd + 1 {
                collector.report(rowPath,
                                 "gap: no row covers \(previousEnd + 1) to \(row.from - 1) (row \(index) ends at \(previousEnd), row \(index + 1) starts at \(row.from))")
                valid = false
            } else if row.from <= previousEnd {
                collector.report(rowPath,
                                 "overlap: rows \(index) and \(index + 1) both cover \(row.from) to \(min(previousEnd, row.to ?? previousEnd)) (row \(index) ends at \(previousEnd), row \(index + 1) starts at \(row.from))")
                valid = false
            }
        }
        if let last = rows.last, let end = last.to {
            collector.report(path.appending(index: rows.count - 1).appending("to"),
                             "the table leaves everything above \(end) uncovered: the last row must have no \"to\"")
            valid = false
        }
        return valid ? rows : nil
    }

    private func decodeConstraint(_ value: JSONValue, at path: JSONPath) -> ServiceConstraint? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        defer { reader.finish() }
        guard let rule = reader.choice("rule", ConstraintRule.self, named: "constraint rule") else { return nil }
        switch rule {
        case .branchSizes:
            guard let elements = reader.array("allowed") else { return nil }
            let sizes = elements.compactMap { collector.choice($0.value, BranchSize.self, named: "branch size", at: $0.path) }
            guard sizes.count == elements.count else { return nil }
            if sizes.isEmpty {
                collector.report(path.appending("allowed"), "expected at least one branch size")
                return nil
            }
            return .branchSizes(allowed: sizes)
        case .schoolLevel:
            return reader.choice("level", SchoolLevel.self, named: "school level").map(ServiceConstraint.schoolLevel)
        case .requiresServiceOnSchool:
            return reader.code("service").map { .requiresServiceOnSchool(service: $0) }
        case .range:
            let field = reader.string("field")
            let minimum = reader.quantity("minimum", required: false)
            let maximum = reader.quantity("maximum", required: false)
            guard let field else { return nil }
            if minimum == nil && maximum == nil {
                collector.report(path, "a range needs a \"minimum\", a \"maximum\" or both")
                return nil
            }
            if let minimum, let maximum, maximum < minimum {
                collector.report(path.appending("maximum"), "the maximum \(maximum) is below the minimum \(minimum)")
                return nil
            }
            return .range(field: field, minimum: minimum, maximum: maximum)
        case .activityEquivalent:
            let field = reader.string("field")
            let name = reader.string("name")
            let activities = reader.integer("activities", in: 1...10_000)
            guard let field, let name, let activities else { return nil }
            return .activityEquivalent(field: field, name: name, activities: activities)
        }
    }
}

/// The spelling of each constraint rule in the book.
enum ConstraintRule: String, CaseIterable {
    case branchSizes = "branch-sizes"
    case schoolLevel = "school-level"
    case requiresServiceOnSchool = "requires-service-on-school"
    case range
    case activityEquivalent = "activity-equivalent"
}
