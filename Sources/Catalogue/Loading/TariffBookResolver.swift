import JSON
import Money
import Support

/// The second pass over a decoded book: checks what spans several places (unique codes,
/// references between services, complete option tables) and evaluates every formula in
/// dependency order, reporting unknown references and cycles.
///
/// On a book whose first pass found problems only the formulas are evaluated (`checkFormulas`),
/// so that a draft's bad formulas are reported together with its other problems: their paths
/// were recorded as they were read. The checks between places wait for a clean first pass,
/// because they name places by position in the decoded lists, which a dropped entry shifts.
struct TariffBookResolver {
    let collector: DiagnosticCollector
    /// Tariff ids the book declares, whether or not their values could be read.
    var declaredTariffs: Set<String> = []

    /// Checks the book and fills in every tariff's amount; returns nil when anything is wrong.
    func resolve(_ book: TariffBook, pending: [PendingTariff]) -> TariffBook? {
        checkUniqueCodes(book)
        checkReferences(book)
        checkOptionTables(book)
        guard let amounts = evaluate(pending) else { return nil }
        guard collector.isEmpty else { return nil }
        return fill(book, amounts: amounts)
    }

    // MARK: Codes and references

    private func checkUniqueCodes(_ book: TariffBook) {
        reportDuplicates(book.units.map(\.id), at: { JSONPath.root.appending("units").appending(index: $0).appending("code") },
                         noun: "unit code")
        reportDuplicates(book.programmeLines.map(\.code),
                         at: { JSONPath.root.appending("programmeLines").appending(index: $0).appending("code") },
                         noun: "programme line code")
        reportDuplicates(book.targetGroups.map(\.code),
                         at: { JSONPath.root.appending("targetGroups").appending(index: $0).appending("code") },
                         noun: "target group code")
        reportDuplicates(book.themes.map(\.code),
                         at: { JSONPath.root.appending("themes").appending(index: $0).appending("code") },
                         noun: "theme code")
        reportDuplicates(book.services.map(\.code), at: { servicePath($0).appending("code") }, noun: "service code")
        for (serviceIndex, service) in book.services.enumerated() {
            reportDuplicates(service.components.map(\.code),
                             at: { servicePath(serviceIndex).appending("components").appending(index: $0).appending("code") },
                             noun: "component code in \(service.code)")
            reportDuplicates(service.serviceLevels.map(\.code),
                             at: { servicePath(serviceIndex).appending("serviceLevels").appending(index: $0).appending("code") },
                             noun: "service level code in \(service.code)")
            for (componentIndex, component) in service.components.enumerated() {
                guard case .table(_, _, let options) = component.pricing else { continue }
                reportDuplicates(options.map(\.key),
                                 at: { servicePath(serviceIndex).appending("components").appending(index: componentIndex)
                                     .appending("options").appending(index: $0).appending("key") },
                                 noun: "option key in \(service.code)/\(component.code) (options must not overlap)")
            }
        }
    }

    private func reportDuplicates(_ codes: [String], at path: (Int) -> JSONPath, noun: String) {
        var firstIndex: [String: Int] = [:]
        for (index, code) in codes.enumerated() {
            if let first = firstIndex[code] {
                collector.report(path(index), "duplicate \(noun) \(quoted(code)), first used at index \(first)")
            } else {
                firstIndex[code] = index
            }
        }
    }

    /// Each code is one of the book's terms, once.
    private func checkTerms(_ codes: [String], of terms: [Term], at path: JSONPath, noun: String, listedAt key: String) {
        let known = Set(terms.map(\.code))
        var seen: Set<String> = []
        for (index, code) in codes.enumerated() {
            if !known.contains(code) {
                let expected = terms.isEmpty ? "the book lists no \(noun)s under \"\(key)\""
                    : "expected one of " + terms.map { "\"\($0.code)\"" }.joined(separator: ", ")
                collector.report(path.appending(index: index), "unknown \(noun) \(quoted(code)); \(expected)")
            } else if !seen.insert(code).inserted {
                collector.report(path.appending(index: index), "\(noun) \(quoted(code)) is listed twice")
            }
        }
    }

    private func checkReferences(_ book: TariffBook) {
        let lines = Set(book.programmeLines.map(\.code))
        let services = Set(book.services.map(\.code))
        for (serviceIndex, service) in book.services.enumerated() {
            checkTerms(service.targetGroups, of: book.targetGroups, at: servicePath(serviceIndex).appending("targetGroups"),
                       noun: "target group", listedAt: "targetGroups")
            checkTerms(service.themes, of: book.themes, at: servicePath(serviceIndex).appending("themes"),
                       noun: "theme", listedAt: "themes")
            if let line = service.programmeLine, !lines.contains(line) {
                collector.report(servicePath(serviceIndex).appending("programmeLine"),
                                 "unknown programme line \(quoted(line)); expected one of " + book.programmeLines.map { "\"\($0.code)\"" }.joined(separator: ", "))
            }
            for (constraintIndex, constraint) in service.constraints.enumerated() {
                guard case .requiresServiceOnSchool(let required) = constraint else { continue }
                let path = servicePath(serviceIndex).appending("constraints").appending(index: constraintIndex).appending("service")
                if required == service.code {
                    collector.report(path, "a service cannot require itself")
                } else if !services.contains(required) {
                    collector.report(path, "unknown service \(quoted(required)); no service of this book has that code")
                }
            }
        }
    }

    /// A branch-size table must price every size the service allows, exactly once (overlaps
    /// are reported as duplicate keys).
    private func checkOptionTables(_ book: TariffBook) {
        for (serviceIndex, service) in book.services.enumerated() {
            var allowed = BranchSize.allCases
            for constraint in service.constraints {
                if case .branchSizes(let sizes) = constraint { allowed = sizes }
            }
            for (componentIndex, component) in service.components.enumerated() {
                guard case .table(.branchSize, _, let options) = component.pricing else { continue }
                let path = servicePath(serviceIndex).appending("components").appending(index: componentIndex).appending("options")
                let keys = Set(options.map(\.key))
                for size in allowed where !keys.contains(size.rawValue) {
                    collector.report(path, "gap: no option for branch size \"\(size.rawValue)\"; add one, or exclude the size with a \"branch-sizes\" constraint")
                }
                for (optionIndex, option) in options.enumerated() {
                    if let size = BranchSize(rawValue: option.key), !allowed.contains(size) {
                        collector.report(path.appending(index: optionIndex).appending("key"),
                                         "an option for branch size \"\(size.rawValue)\", which the service's \"branch-sizes\" constraint excludes")
                    }
                }
            }
        }
    }

    // MARK: Formulas

    /// Evaluates every formula, for its problems only: the second pass on a half-read book.
    func checkFormulas(_ pending: [PendingTariff]) {
        _ = evaluate(pending)
    }

    /// Evaluates every tariff, formulas after the tariffs they name. A formula's references
    /// use the referenced tariff's rounded amount, as a reader of the catalogue would.
    private func evaluate(_ pending: [PendingTariff]) -> [String: Money]? {
        var byID: [String: PendingTariff] = [:]
        for tariff in pending where byID[tariff.id] == nil {
            byID[tariff.id] = tariff
        }
        var amounts: [String: Money] = [:]
        var failed: Set<String> = []
        var visiting: [String] = []

        func amount(of id: String) -> Money? {
            if let known = amounts[id] { return known }
            if failed.contains(id) { return nil }
            guard let tariff = byID[id] else { return nil }
            if let start = visiting.firstIndex(of: id) {
                let cycle = Array(visiting[start...]) + [id]
                collector.report(byID[cycle[0]]!.path, "the formulas form a cycle: " + cycle.joined(separator: " → "))
                failed.formUnion(cycle)
                return nil
            }
            switch tariff.value {
            case .amount(let money):
                amounts[id] = money
                return money
            case .formula(let formula):
                visiting.append(id)
                defer { visiting.removeLast() }
                var unknown: [String] = []
                var unresolved = false
                for reference in formula.references {
                    if byID[reference] == nil {
                        // A tariff the book declares but could not read was reported at its place.
                        if declaredTariffs.contains(reference) { unresolved = true } else { unknown.append(reference) }
                    } else if amount(of: reference) == nil {
                        unresolved = true
                    }
                }
                for reference in unknown {
                    collector.report(tariff.path, "the formula \(quoted(formula.text)) refers to \(quoted(reference)), which is not a tariff of this book")
                }
                if failed.contains(id) { return nil }
                guard unknown.isEmpty, !unresolved else {
                    failed.insert(id)
                    return nil
                }
                do {
                    let euros = try formula.evaluate { reference in
                        amounts[reference].flatMap { try? Rational(numerator: Int128($0.cents), denominator: 100) }
                    }
                    let cents = try euros.multiplied(by: Rational(100))
                    let result = try cents.roundedMoney(to: tariff.precision, .halfAwayFromZero)
                    if result < Money.zero {
                        collector.report(tariff.path, "the formula \(quoted(formula.text)) gives a negative amount (\(result.jsonString))")
                        failed.insert(id)
                        return nil
                    }
                    amounts[id] = result
                    return result
                } catch {
                    collector.report(tariff.path, "the formula \(quoted(formula.text)) cannot be evaluated: \(error)")
                    failed.insert(id)
                    return nil
                }
            }
        }

        for tariff in pending {
            _ = amount(of: tariff.id)
        }
        return failed.isEmpty ? amounts : nil
    }

    private func fill(_ book: TariffBook, amounts: [String: Money]) -> TariffBook {
        book.mappingTariffs { (tariff) throws(Never) -> Tariff in
            var copy = tariff
            copy.amount = amounts[tariff.id] ?? .zero
            return copy
        }
    }

    private func servicePath(_ index: Int) -> JSONPath {
        JSONPath.root.appending("services").appending(index: index)
    }
}

extension TariffBookResolver {
    /// Every tariff of a book, with its value, precision and path, ready to be resolved again.
    static func pending(for book: TariffBook) -> [PendingTariff] {
        var pending: [PendingTariff] = []
        func field(_ value: TariffValue) -> String {
            if case .formula = value { return "formula" }
            return "amount"
        }
        for (index, unit) in book.units.enumerated() {
            pending.append(PendingTariff(id: unit.id, value: unit.value, precision: unit.precision,
                                         path: JSONPath.root.appending("units").appending(index: index).appending(field(unit.value))))
        }
        for (serviceIndex, service) in book.services.enumerated() {
            for (componentIndex, component) in service.components.enumerated() {
                let path = JSONPath.root.appending("services").appending(index: serviceIndex)
                    .appending("components").appending(index: componentIndex)
                switch component.pricing {
                case .customQuote:
                    break
                case .single(let published):
                    pending.append(PendingTariff(id: published.tariff.id, value: published.tariff.value,
                                                 precision: published.tariff.precision, path: path.appending(field(published.tariff.value))))
                case .table(_, _, let options):
                    for (optionIndex, option) in options.enumerated() {
                        pending.append(PendingTariff(id: option.tariff.id, value: option.tariff.value, precision: option.tariff.precision,
                                                     path: path.appending("options").appending(index: optionIndex).appending(field(option.tariff.value))))
                    }
                }
            }
        }
        return pending
    }
}

extension TariffBook {
    /// The same book with every amount taken from its published value and every derived tariff
    /// computed again from the others: what a book is after its amounts change (indexation).
    public func recomputingDerived(file: String = "(indexed book)") throws(InputError) -> TariffBook {
        let collector = DiagnosticCollector(file: file)
        guard let book = TariffBookResolver(collector: collector).resolve(self, pending: TariffBookResolver.pending(for: self)) else {
            throw .invalid(collector.diagnostics)
        }
        return book
    }

    /// Every tariff whose value is a published amount replaced by `transform(tariff)`; formulas
    /// are kept. Call `recomputingDerived()` afterwards.
    public func replacingAmounts(_ transform: (Tariff) throws(MoneyError) -> Money) throws(MoneyError) -> TariffBook {
        try mappingTariffs { (tariff) throws(MoneyError) -> Tariff in
            guard case .amount = tariff.value else { return tariff }
            var copy = tariff
            let amount = try transform(tariff)
            copy.value = .amount(amount)
            copy.amount = amount
            return copy
        }
    }

    /// The same book with every tariff (units, single components, options) passed through
    /// `transform`; the one walk over a book's tariffs that changes them.
    public func mappingTariffs<Failure: Error>(_ transform: (Tariff) throws(Failure) -> Tariff) throws(Failure) -> TariffBook {
        var book = self
        for index in book.units.indices {
            book.units[index] = try transform(book.units[index])
        }
        for serviceIndex in book.services.indices {
            for componentIndex in book.services[serviceIndex].components.indices {
                var component = book.services[serviceIndex].components[componentIndex]
                switch component.pricing {
                case .customQuote:
                    break
                case .single(var published):
                    published.tariff = try transform(published.tariff)
                    component.pricing = .single(published)
                case .table(let dimension, let published, var options):
                    for optionIndex in options.indices {
                        options[optionIndex].tariff = try transform(options[optionIndex].tariff)
                    }
                    component.pricing = .table(dimension: dimension, published: published, options: options)
                }
                book.services[serviceIndex].components[componentIndex] = component
            }
        }
        return book
    }
}

extension TariffBook {
    /// The field path of each tariff's `amount` or `formula` in the book's JSON, by tariff id.
    public var tariffPaths: [String: JSONPath] {
        Dictionary(TariffBookResolver.pending(for: self).map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
    }
}
