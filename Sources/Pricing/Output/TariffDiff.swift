import Catalogue
import JSON
import Money

/// Every tariff of two books side by side: what finance reviews before publishing a new year.
public struct TariffDiff: Sendable {
    /// One tariff in either book.
    public struct Row: Sendable, Equatable {
        /// The service code, or nil for a unit.
        public var service: String?
        /// The tariff id.
        public var tariff: String
        /// The Dutch name (from the newer book when both have it).
        public var name: String
        /// The index class (from the newer book when both have it).
        public var indexClass: IndexClass
        /// The amount in the older book, or nil when the tariff is new.
        public var old: Money?
        /// The amount in the newer book, or nil when the tariff was removed.
        public var new: Money?

        /// new − old, when both exist.
        public var change: Money? {
            guard let old, let new else { return nil }
            return try? new.subtracting(old)
        }

        /// The change as a percentage of the old amount, rounded half away from zero to two
        /// decimals; nil when either amount is missing or the old one is zero.
        public var changePercentage: Percentage? {
            guard let old, let new, old != .zero,
                  let ratio = try? Rational(numerator: Int128(new.cents - old.cents) * 10_000, denominator: Int128(old.cents)),
                  let hundredths = try? ratio.rounded(.halfAwayFromZero), let value = Int64(exactly: hundredths) else { return nil }
            return Percentage(hundredths: value)
        }
    }

    /// The older book's year.
    public var fromYear: Int
    /// The newer book's year.
    public var toYear: Int
    /// Units first, then each service's tariffs in catalogue order; removed tariffs last.
    public var rows: [Row]

    /// Compares two books.
    public init(from old: TariffBook, to new: TariffBook) {
        fromYear = old.year
        toYear = new.year
        func tariffs(_ book: TariffBook) -> [(service: String?, tariff: Tariff)] {
            book.units.map { (nil, $0) } + book.services.flatMap { service in
                service.components.flatMap { $0.tariffs }.map { (service.code, $0) }
            }
        }
        let oldTariffs = tariffs(old)
        let oldByID = Dictionary(oldTariffs.map { ($0.tariff.id, $0.tariff) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        var seen: Set<String> = []
        for (service, tariff) in tariffs(new) {
            seen.insert(tariff.id)
            rows.append(Row(service: service, tariff: tariff.id, name: tariff.name, indexClass: tariff.indexClass,
                            old: oldByID[tariff.id]?.amount, new: tariff.amount))
        }
        for (service, tariff) in oldTariffs where !seen.contains(tariff.id) {
            rows.append(Row(service: service, tariff: tariff.id, name: tariff.name, indexClass: tariff.indexClass,
                            old: tariff.amount, new: nil))
        }
        self.rows = rows
    }

    /// The JSON form.
    public var json: JSONValue {
        func money(_ value: Money?) -> JSONValue { value.map { .string($0.jsonString) } ?? .null }
        return .object(JSONObject([
            .init(key: "from", value: .number(JSONNumber(integer: Int64(fromYear)))),
            .init(key: "to", value: .number(JSONNumber(integer: Int64(toYear)))),
            .init(key: "tariffs", value: .array(rows.map { row in
                .object(JSONObject([
                    .init(key: "service", value: row.service.map(JSONValue.string) ?? .null),
                    .init(key: "tariff", value: .string(row.tariff)),
                    .init(key: "name", value: .string(row.name)),
                    .init(key: "indexClass", value: .string(row.indexClass.rawValue)),
                    .init(key: "old", value: money(row.old)),
                    .init(key: "new", value: money(row.new)),
                    .init(key: "change", value: money(row.change)),
                    .init(key: "changePercent", value: row.changePercentage.map { .string($0.plainString) } ?? .null),
                ]))
            })),
        ]))
    }

    /// The CSV form, CRLF line ends, text cells neutralised as in `PricedOfferCSV`.
    public var csv: String {
        var lines = ["service,tariff,name,index_class,old,new,change,change_percent"]
        for row in rows {
            lines.append([
                PricedOfferCSV.text(row.service ?? ""), PricedOfferCSV.text(row.tariff), PricedOfferCSV.text(row.name),
                row.indexClass.rawValue, row.old?.jsonString ?? "", row.new?.jsonString ?? "",
                row.change?.jsonString ?? "", row.changePercentage?.plainString ?? "",
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
