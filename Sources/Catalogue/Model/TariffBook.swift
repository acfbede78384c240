import Money
import Support

/// One year's tariff book: every service of the catalogue with its tariffs, the units that
/// derived tariffs are computed from, and the rule tables the contract promises.
///
/// A `TariffBook` is only ever built by `TariffBookLoader`, so every formula in it has been
/// resolved, every table checked complete and non-overlapping, every code is unique.
public struct TariffBook: Sendable {
    /// The version of the file format; this program reads version 1.
    public var formatVersion: Int
    /// The calendar year the tariffs apply to.
    public var year: Int
    /// Always "EUR".
    public var currency: String
    /// The catalogue's title, e.g. "Activiteitencatalogus 2025".
    public var title: String
    /// Who publishes the catalogue.
    public var publisher: String
    /// Where the book comes from: a transcription of the published catalogue, or an indexation.
    public var provenance: Provenance
    /// The weights of wage and price in the `mixed` index class.
    public var mixedWeights: MixedWeights
    /// The VAT rate shown on documents addressed to schools (the school contribution excludes VAT).
    public var schoolContributionVATRate: Percentage
    /// The five core functions of the Wsob, by number.
    public var wsobFunctions: [WsobFunction]
    /// The catalogue's programme lines.
    public var programmeLines: [ProgrammeLine]
    /// The target groups services are tagged with (age groups), in catalogue order.
    public var targetGroups: [Term] = []
    /// The societal themes services are tagged with (laaggeletterdheid, digitale inclusie, …).
    public var themes: [Term] = []
    /// Book-level tariffs that derived tariffs are computed from (hourly rates, book price, …).
    public var units: [Tariff]
    /// Every service, in catalogue order.
    public var services: [Service]

    /// Every tariff of the book in document order: units first, then each service's components.
    public var allTariffs: [Tariff] {
        var result = units
        for service in services {
            for component in service.components {
                result.append(contentsOf: component.tariffs)
            }
        }
        return result
    }

    /// The service with this code, if the book has one.
    public func service(_ code: String) -> Service? {
        services.first { $0.code == code }
    }

    /// The tariff with this identifier (`uurtarief-mbo`, `robuuste-bibliotheek/vestiging/large`).
    public func tariff(_ id: String) -> Tariff? {
        allTariffs.first { $0.id == id }
    }

    /// The target group with this code.
    public func targetGroup(_ code: String) -> Term? {
        targetGroups.first { $0.code == code }
    }

    /// The theme with this code.
    public func theme(_ code: String) -> Term? {
        themes.first { $0.code == code }
    }

    /// The programme line with this code.
    public func programmeLine(_ code: String) -> ProgrammeLine? {
        programmeLines.first { $0.code == code }
    }
}

/// Where a tariff book comes from.
public struct Provenance: Sendable, Equatable {
    /// `transcription` (typed from the published catalogue) or `indexation` (computed by the tool).
    public var kind: String
    /// The source document or book.
    public var source: String
    /// A human-readable remark.
    public var note: String?
    /// For an indexed book: how it was computed, so anyone can check it.
    public var indexation: IndexationRecord?

    /// Creates a provenance.
    public init(kind: String, source: String, note: String? = nil, indexation: IndexationRecord? = nil) {
        self.kind = kind
        self.source = source
        self.note = note
        self.indexation = indexation
    }

    /// The kinds a book can have.
    public static let transcription = "transcription"
    /// A book computed by `catalogue-cli tariffs index`.
    public static let indexationKind = "indexation"
}

/// How an indexed book was computed from its source.
public struct IndexationRecord: Sendable, Equatable {
    /// The year of the source book.
    public var sourceYear: Int
    /// `sha256:` and the hex digest of the source book's file.
    public var sourceHash: String
    /// The wage percentage.
    public var wage: Percentage
    /// The price percentage.
    public var price: Percentage
    /// The weights used for the mixed class.
    public var mixedWeights: MixedWeights
    /// The date finance gave, if any (the tool never reads the clock).
    public var date: CalendarDate?
    /// A Dutch summary for people.
    public var summary: String
    /// The hash of the book this one replaced (`--replace`), if any.
    public var replacedHash: String?

    /// Creates a record.
    public init(sourceYear: Int, sourceHash: String, wage: Percentage, price: Percentage, mixedWeights: MixedWeights,
                date: CalendarDate?, summary: String, replacedHash: String?) {
        self.sourceYear = sourceYear
        self.sourceHash = sourceHash
        self.wage = wage
        self.price = price
        self.mixedWeights = mixedWeights
        self.date = date
        self.summary = summary
        self.replacedHash = replacedHash
    }
}

/// The weights of the wage and price percentages in the `mixed` index class; they sum to one.
public struct MixedWeights: Sendable, Equatable {
    /// The weight of the wage percentage, e.g. 2/3.
    public var wage: Rational
    /// The weight of the price percentage, e.g. 1/3.
    public var price: Rational

    /// Creates weights; the caller makes sure they sum to one.
    public init(wage: Rational, price: Rational) {
        self.wage = wage
        self.price = price
    }
}

/// One of the five core functions of a public library under the Wsob (art. 5).
public struct WsobFunction: Sendable, Equatable {
    /// 1 to 5.
    public var number: Int
    /// The Dutch name, e.g. "Kennis en informatie".
    public var name: String
}

/// A named code of a vocabulary of the book: a target group or a theme.
public struct Term: Sendable, Equatable {
    /// A stable code, e.g. `jongeren`.
    public var code: String
    /// The Dutch name, e.g. "Jongeren (12 tot 18 jaar)".
    public var name: String

    /// Creates a term.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A programme line of the catalogue, e.g. "Geletterde samenleving: Drenthe leest".
public struct ProgrammeLine: Sendable, Equatable {
    /// A stable code.
    public var code: String
    /// The Dutch name.
    public var name: String
    /// The Wsob functions the line serves.
    public var wsob: [Int]
}

/// How a tariff's amount is published: as a number, or as a formula over other tariffs.
public enum TariffValue: Sendable, Equatable {
    /// An amount typed from the catalogue (or written by indexation).
    case amount(Money)
    /// A formula such as `16 * uurtarief-mbo`, evaluated over the same book.
    case formula(Formula)
}

/// One priced amount of the book: a unit, a single-amount component or one option of a
/// component's table. Everything that indexation, diffs and tests speak of is a `Tariff`.
public struct Tariff: Sendable, Equatable {
    /// A book-wide identifier: `uurtarief-mbo`, `thuislezen/implementatie`,
    /// `robuuste-bibliotheek/vestiging/large`.
    public var id: String
    /// The Dutch name.
    public var name: String
    /// As published: an amount or a formula.
    public var value: TariffValue
    /// The amount, with formulas evaluated and rounded to `precision`.
    public var amount: Money
    /// How the tariff is indexed.
    public var indexClass: IndexClass
    /// Whole euros or cents: the precision the tariff is published in, and so the precision
    /// every line priced from it is rounded to.
    public var precision: Precision
    /// The catalogue section the amount comes from.
    public var source: String
    /// A remark in Dutch (units only; a component's remark is on the component).
    public var note: String? = nil
}
