import Catalogue
import JSON
import Money

/// A change from one composed offer to another for one service.
public struct CompositionChange: Sendable, Equatable {
    /// The service code.
    public var service: String
    /// The option in the first offer ("not taken" when absent).
    public var from: String
    /// The option in the second offer.
    public var to: String
}

extension Composition {
    /// The services whose option differs between two offers of this composition, in catalogue order.
    public func changes(from base: ComposedOffer, to other: ComposedOffer) -> [CompositionChange] {
        var result: [CompositionChange] = []
        for (index, choice) in choices.enumerated() where base.picks[index] != other.picks[index] {
            result.append(CompositionChange(service: choice.service.code, from: choice.options[base.picks[index]].label,
                                            to: choice.options[other.picks[index]].label))
        }
        return result
    }
}

/// The JSON form of a composition (`compose --format json`), with sorted keys and money as strings.
public enum CompositionJSON {
    /// The composition; `coverage` is the coverage of the best offer, `more` the composition with a
    /// larger budget, when asked for.
    public static func json(_ composition: Composition, coverage: CoverageReport?, more: Composition?) -> JSONValue {
        var object = header(composition)
        object.set("feasible", .bool(composition.best != nil))
        if let best = composition.best {
            object.set("best", offerJSON(best, rank: 1, in: composition, base: nil))
            object.set("alternatives", .array(composition.ranked.dropFirst().enumerated().map { position, offer in
                offerJSON(offer, rank: position + 2, in: composition, base: best)
            }))
        }
        if let infeasible = composition.infeasible {
            let years = Array(composition.request.years)
            object.set("infeasible", .object(JSONObject([
                .init(key: "reason", value: .string("the services that must be taken cost more than the budget")),
                .init(key: "years", value: .array(years.indices.map { index in
                    .object(JSONObject([
                        .init(key: "year", value: integer(years[index])),
                        .init(key: "minimumCost", value: .string(infeasible.minimumCosts[index].jsonString)),
                        .init(key: "shortfall", value: .string(infeasible.shortfalls[index].jsonString)),
                    ]))
                })),
            ])))
        }
        object.set("notConsidered", .array(composition.notConsidered.map { skipped in
            .object(JSONObject([
                .init(key: "service", value: .string(skipped.service)),
                .init(key: "tier", value: .string(skipped.tier.rawValue)),
                .init(key: "reason", value: .string(skipped.reason)),
            ]))
        }))
        if let coverage { object.set("coverage", CoverageJSON.json(coverage)) }
        if let more {
            var moreObject = JSONObject()
            moreObject.set("budget", .string(more.request.budget.jsonString))
            moreObject.set("feasible", .bool(more.best != nil))
            if let moreBest = more.best {
                moreObject.set("best", offerJSON(moreBest, rank: 1, in: more, base: nil))
                if let best = composition.best {
                    moreObject.set("changes", changesJSON(more.changes(from: best, to: moreBest)))
                }
            }
            object.set("withMoreBudget", .object(moreObject))
        }
        return .object(object)
    }

    private static func header(_ composition: Composition) -> JSONObject {
        let request = composition.request
        var object = JSONObject()
        object.set("municipality", .string(request.profile.code))
        object.set("firstYear", integer(request.years.lowerBound))
        object.set("years", integer(request.years.count))
        object.set("budget", .string(request.budget.jsonString))
        object.set("required", .array(request.required.sorted().map(JSONValue.string)))
        object.set("excluded", .array(request.excluded.sorted().map(JSONValue.string)))
        object.set("tariffBooks", .array(request.years.compactMap { year -> JSONValue? in
            guard let book = request.books[year] else { return nil }
            return .object(JSONObject([
                .init(key: "year", value: integer(year)),
                .init(key: "status", value: .string(book.status.rawValue)),
            ]))
        }))
        object.set("weights", .object(JSONObject(composition.criteria.map { .init(key: $0.name, value: integer($0.weight)) })))
        let statistics = composition.statistics
        object.set("search", .object(JSONObject([
            .init(key: "method", value: .string("branch-and-bound")),
            .init(key: "exact", value: .bool(true)),
            .init(key: "services", value: integer(composition.choices.count)),
            .init(key: "combinations", value: integer(statistics.combinations)),
            .init(key: "evaluated", value: integer(statistics.evaluated)),
            .init(key: "nodes", value: integer(statistics.nodes)),
            .init(key: "pruned", value: integer(statistics.pruned)),
        ])))
        return object
    }

    /// One ranked offer: its value, cost per year, remaining budget, services and offer file.
    static func offerJSON(_ offer: ComposedOffer, rank: Int, in composition: Composition, base: ComposedOffer?) -> JSONValue {
        let years = Array(composition.request.years)
        let budget = composition.request.budget
        var object = JSONObject()
        object.set("rank", integer(rank))
        object.set("coverage", integer(offer.coverage))
        object.set("reach", integer(offer.reach))
        object.set("total", .string(offer.totalCost.jsonString))
        object.set("years", .array(years.indices.map { index in
            let remaining = (try? budget.subtracting(offer.costs[index])) ?? .zero
            return .object(JSONObject([
                .init(key: "year", value: integer(years[index])),
                .init(key: "cost", value: .string(offer.costs[index].jsonString)),
                .init(key: "remaining", value: .string(remaining.jsonString)),
            ]))
        }))
        var services: [JSONValue] = []
        for (index, choice) in composition.choices.enumerated() {
            let option = choice.options[offer.picks[index]]
            guard !option.isNone else { continue }
            var service = JSONObject()
            service.set("service", .string(choice.service.code))
            service.set("tier", .string(choice.service.tier.rawValue))
            if let reason = choice.mandatory { service.set("mandatory", .string(reason.rawValue)) }
            service.set("choice", .string(option.label))
            service.set("reachPercent", integer(option.reachPercent))
            service.set("value", integer(option.value))
            service.set("costs", .array(years.indices.map { yearIndex in
                .object(JSONObject([
                    .init(key: "year", value: integer(years[yearIndex])),
                    .init(key: "amount", value: .string(option.amounts[yearIndex].jsonString)),
                ]))
            }))
            services.append(.object(service))
        }
        object.set("services", .array(services))
        if let base { object.set("changes", changesJSON(composition.changes(from: base, to: offer))) }
        object.set("offer", OfferEncoder.json(offer.offer))
        return .object(object)
    }

    private static func changesJSON(_ changes: [CompositionChange]) -> JSONValue {
        .array(changes.map { change in
            .object(JSONObject([
                .init(key: "service", value: .string(change.service)),
                .init(key: "from", value: .string(change.from)),
                .init(key: "to", value: .string(change.to)),
            ]))
        })
    }

    private static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(integer: Int64(value))) }
}

/// The JSON form of a coverage report.
public enum CoverageJSON {
    /// The report.
    public static func json(_ coverage: CoverageReport) -> JSONValue {
        func integers(_ values: [Int]) -> JSONValue { .array(values.map { .number(JSONNumber(integer: Int64($0))) }) }
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        func gap(_ gap: BasisGap) -> JSONValue {
            var object = JSONObject()
            object.set("service", .string(gap.service))
            object.set("name", .string(gap.name))
            if let reason = gap.notApplicableReason {
                object.set("notApplicable", .string(reason))
            } else {
                object.set("costs", .array(gap.costs.map { cost in
                    .object(JSONObject([
                        .init(key: "year", value: .number(JSONNumber(integer: Int64(cost.year)))),
                        .init(key: "amount", value: .string(cost.amount.jsonString)),
                    ]))
                }))
            }
            return .object(object)
        }
        return .object(JSONObject([
            .init(key: "complete", value: .bool(coverage.isComplete)),
            .init(key: "services", value: strings(coverage.services)),
            .init(key: "wsob", value: .object(JSONObject([
                .init(key: "covered", value: integers(coverage.wsobCovered)),
                .init(key: "missing", value: integers(coverage.wsobMissing)),
            ]))),
            .init(key: "targetGroups", value: .object(JSONObject([
                .init(key: "covered", value: strings(coverage.targetGroupsCovered)),
                .init(key: "missing", value: strings(coverage.targetGroupsMissing)),
            ]))),
            .init(key: "themes", value: .object(JSONObject([
                .init(key: "covered", value: strings(coverage.themesCovered)),
                .init(key: "missing", value: strings(coverage.themesMissing)),
            ]))),
            .init(key: "basisGaps", value: .array(coverage.basisGaps.map(gap))),
            .init(key: "basisNotApplicable", value: .array(coverage.basisNotApplicable.map(gap))),
            .init(key: "branches", value: .array(coverage.branches.map { branch in
                .object(JSONObject([
                    .init(key: "branch", value: .string(branch.id)),
                    .init(key: "name", value: .string(branch.name)),
                    .init(key: "size", value: .string(branch.size.rawValue)),
                    .init(key: "functions", value: integers(branch.functions)),
                    .init(key: "need", value: .number(JSONNumber(integer: Int64(branch.need)))),
                    .init(key: "meetsNeed", value: .bool(branch.meetsNeed)),
                    .init(key: "services", value: strings(branch.services)),
                ]))
            })),
        ]))
    }
}
