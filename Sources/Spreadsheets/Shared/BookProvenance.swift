import Catalogue
import Pricing
import Support

/// Where the tariff book of one year comes from, as the sheet "Uitgangspunten" states it: the
/// year, published or projected, the file, the SHA-256 of exactly what was priced with, and for a
/// projected year the percentages assumed.
public struct BookProvenance: Sendable, Equatable {
    /// The year the book prices.
    public var year: Int
    /// Published or projected.
    public var status: BookStatus
    /// The file it was read from; for a projection, the published book it starts from.
    public var file: String
    /// `sha256:` and the hex digest of the book as priced with: the bytes read for a published
    /// book, the canonical text of a projected one (what `offer issue` freezes).
    public var hash: String
    /// For a projected year: the last published year it is indexed forward from.
    public var projectedFrom: Int?
    /// For a projected year: the percentages and mixed weights assumed.
    public var assumptions: IndexationParameters?

    /// A provenance with a known hash (an issued quote's frozen book).
    public init(year: Int, status: BookStatus, file: String, hash: String, projectedFrom: Int? = nil,
                assumptions: IndexationParameters? = nil) {
        self.year = year
        self.status = status
        self.file = file
        self.hash = hash
        self.projectedFrom = projectedFrom
        self.assumptions = assumptions
    }

    /// The provenance of a book a request priced with; the hash is computed from what was priced.
    public init(year: Int, book: YearBook) {
        self.init(year: year, status: book.status, file: book.file, hash: book.hash,
                  projectedFrom: book.projectedFrom, assumptions: book.assumptions)
    }

    /// A published book read from `file` as `bytes`.
    public init(published book: TariffBook, file: String, bytes: [UInt8]) {
        self.init(year: book.year, status: .published, file: file, hash: "sha256:" + SHA256.hex(bytes))
    }

    /// The provenance of every year of `books` among `years`, in year order.
    public static func of(_ books: PricingBooks, years: [Int]) -> [BookProvenance] {
        years.sorted().compactMap { year in books[year].map { BookProvenance(year: year, book: $0) } }
    }
}
