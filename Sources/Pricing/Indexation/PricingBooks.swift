import Catalogue
import Support

/// Whether a year's book is published or projected (indexed forward with assumed percentages).
public enum BookStatus: String, Sendable {
    case published
    case projected
}

/// The tariff book a year is priced with.
public struct YearBook: Sendable {
    /// The book.
    public var book: TariffBook
    /// Published or projected.
    public var status: BookStatus
    /// Where it was read from (for a projection: the published book it starts from).
    public var file: String
    /// For a projected year: the last published year it is indexed forward from.
    public var projectedFrom: Int?
    /// For a projected year: the percentages assumed for this year.
    public var assumptions: IndexationParameters?
    /// For a published year: the exact bytes the book was read from, which issuing freezes
    /// (never a second read of the file, which may have changed since pricing).
    public var sourceBytes: [UInt8]?

    /// Creates a year's book.
    public init(book: TariffBook, status: BookStatus, file: String, projectedFrom: Int? = nil,
                assumptions: IndexationParameters? = nil, sourceBytes: [UInt8]? = nil) {
        self.book = book
        self.status = status
        self.file = file
        self.projectedFrom = projectedFrom
        self.assumptions = assumptions
        self.sourceBytes = sourceBytes
    }

    /// The text to freeze for this year: the bytes as read (a published book, or any book read
    /// back from a store), else the projected book in canonical form.
    public var frozenText: String {
        if let sourceBytes { return String(decoding: sourceBytes, as: UTF8.self) }
        return TariffBookEncoder.encode(book)
    }

    /// The SHA-256 of `frozenText`, "sha256:…", as an issued quote stores it.
    public var hash: String { Self.hash(ofFrozenText: frozenText) }

    /// The hash of a book's frozen text, for a caller that holds the text already.
    public static func hash(ofFrozenText text: String) -> String { "sha256:" + SHA256.hex(Array(text.utf8)) }
}

/// The books of every year of an offer.
public struct PricingBooks: Sendable {
    /// The book of each year.
    public var byYear: [Int: YearBook]

    /// Creates the set.
    public init(byYear: [Int: YearBook]) {
        self.byYear = byYear
    }

    /// The book of a year; the caller has made sure every offer year has one.
    public subscript(year: Int) -> YearBook? { byYear[year] }

    /// The numeric offer-line fields any of the books names (scalings and constraints).
    public var lineNumberFields: Set<String> {
        var fields: Set<String> = []
        for yearBook in byYear.values {
            for service in yearBook.book.services {
                fields.formUnion(service.numberFields)
            }
        }
        return fields
    }
}

extension Service {
    /// The numeric offer-line fields this service uses.
    public var numberFields: Set<String> {
        var fields: Set<String> = []
        for component in components {
            if let scaling = component.scaledBy { fields.insert(scaling.field) }
            if component.basis == .perHour { fields.insert("hours") }
            if component.basis == .perParticipant {
                fields.insert("participantsPerActivity")
                if !components.contains(where: { $0.hasActivityOptions }) { fields.insert("activities") }
            }
        }
        for constraint in constraints {
            switch constraint {
            case .range(let field, _, _), .activityEquivalent(let field, _, _): fields.insert(field)
            default: break
            }
        }
        return fields
    }

    /// The component whose options are chosen by `dimension` in the offer line.
    public func optionComponent(by dimension: OptionDimension) -> Component? {
        components.first { component in
            if case .table(let tableDimension, _, _) = component.pricing { return tableDimension == dimension }
            return false
        }
    }

    /// The custom-quote components.
    public var customQuoteComponents: [Component] {
        components.filter { $0.basis == .customQuote }
    }

    /// The branch sizes the service allows (all when it has no rule).
    public var allowedBranchSizes: [BranchSize] {
        for constraint in constraints {
            if case .branchSizes(let allowed) = constraint { return allowed }
        }
        return BranchSize.allCases
    }

    /// The school level the service requires, if any.
    public var requiredSchoolLevel: SchoolLevel? {
        for constraint in constraints {
            if case .schoolLevel(let level) = constraint { return level }
        }
        return nil
    }

    /// The service each school needs as well, if any (Thuislezen needs dBos PO).
    public var requiredServiceOnSchool: String? {
        for constraint in constraints {
            if case .requiresServiceOnSchool(let service) = constraint { return service }
        }
        return nil
    }
}

extension Component {
    /// Whether the component's options carry activity counts (activity packages).
    var hasActivityOptions: Bool {
        if case .table(_, _, let options) = pricing { return options.contains { $0.activities != nil } }
        return false
    }
}
