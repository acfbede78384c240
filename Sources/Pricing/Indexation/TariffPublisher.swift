import Support
import Catalogue
import Money

/// What publishing next year's book came to.
public enum PublishOutcome: Sendable {
    /// The directory already holds the book these inputs give; nothing was written.
    case unchanged(file: String, hash: String)
    /// The book was written.
    case written(Publication)
}

/// A book `TariffPublisher` wrote, and what it was made from.
public struct Publication: Sendable {
    /// The book as written.
    public var book: TariffBook
    /// The file it was written to, `<directory>/<year>.json`.
    public var file: String
    /// The book it was indexed from, and that file's hash (`sha256:…`).
    public var sourceFile: String
    public var sourceHash: String
    /// The percentages and weights it was indexed with.
    public var parameters: IndexationParameters

    /// The hash of the book it replaced; nil when the file was new.
    public var replacedHash: String? { book.provenance.indexation?.replacedHash }
}

/// Why a book was not published.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory or a book cannot be read, a book is not valid, or the indexed book would
    /// not be (exit 66 or 65, as `InputError`).
    case input(InputError)
    /// A percentage, the mixed wage share or the year outside what indexation accepts: the
    /// request itself is wrong.
    case parameters(String)
    /// The year already has a book that differs from what these inputs give, and replacing it
    /// was not asked for; `holds` says what it is.
    case existsAndDiffers(file: String, hash: String, holds: String)
    /// The book could not be written.
    case cannotWrite(OutputError)

    public var description: String {
        switch self {
        case .input(let error): error.description
        case .parameters(let message): message
        case .existsAndDiffers(let file, let hash, let holds): "cannot create \(file): it already exists and differs (\(holds); \(hash))"
        case .cannotWrite(let error): error.description
        }
    }
}

/// Publishing a tariff book: next year's book, indexed from a published one, written into the
/// same tariff directory, once.
///
/// The source book is read once, and its hash is taken from the bytes that were indexed. The
/// same inputs give the same book: when the directory already holds it (apart from the date and
/// a replaced book's hash), nothing is written. A differing book of that year is kept unless
/// `replace` is asked for; then its hash is recorded in the new book. The new book is checked as
/// `tariffs validate` checks a written one before it is written, and written atomically.
///
/// Programs publishing the same year at once never overwrite each other unseen: a new file is
/// put in place only if nothing has appeared at its path (`ExistingOutput.keep`), a replaced
/// one only if it is still the book that was read and compared (`.replaceOnly`). Otherwise the
/// file is read again and the same rules are applied to what is there now.
public enum TariffPublisher {
    /// How often a publish reads the target again after another program changed it meanwhile.
    public static let maximumAttempts = 8

    /// Indexes the book of `year` in `directory` with `wage` and `price` (and `mixedWageShare`,
    /// by default the book's own mixed weights) and writes the book of `year + 1` beside it.
    public static func publish(from year: Int, directory: String, wage: Percentage, price: Percentage,
                               mixedWageShare: Rational? = nil, date: CalendarDate? = nil,
                               replace: Bool = false) throws(PublishError) -> PublishOutcome {
        guard year >= InputLimits.calendarYears.lowerBound, year < InputLimits.calendarYears.upperBound else {
            throw .parameters("the book of \(year) cannot be indexed: the tool prices \(InputLimits.calendarYears.lowerBound) to \(InputLimits.calendarYears.upperBound)")
        }
        guard FileSystem.isDirectory(directory) else {
            throw .input(.cannotRead(file: directory, reason: "no such directory; indexing reads and writes the books of a tariff directory (--tariffs)"))
        }
        let target = file(directory, year + 1)
        do { try FileSystem.checkOutputPath(target) } catch { throw .cannotWrite(error) }
        let source = try Source(file: file(directory, year), year: year)
        let parameters = try indexationParameters(wage: wage, price: price, mixedWageShare: mixedWageShare, book: source.book)
        let plan = Plan(source: source, parameters: parameters, date: date, target: target, replace: replace)
        let fresh = try plan.index(replacing: nil)
        for _ in 0..<maximumAttempts {
            if let outcome = try plan.attempt(fresh) { return outcome }
        }
        throw .cannotWrite(OutputError(file: target, reason: "other programs kept changing it while this one was writing it; run again"))
    }

    /// What a book holds, in words: "indexed from 2025 with wage 3.75 % and price 2.1 %".
    public static func describe(_ book: TariffBook?) -> String {
        guard let book else { return "it is not a valid tariff book" }
        guard let record = book.provenance.indexation else {
            return "a \(book.provenance.kind) of \(book.provenance.source)"
        }
        return "indexed from \(record.sourceYear) with wage \(record.wage.plainString) % and price \(record.price.plainString) %"
    }

    /// A book without what may differ between two runs with the same inputs: the date given and
    /// the hash of a replaced book.
    static func essence(_ book: TariffBook) -> String {
        var book = book
        book.provenance.indexation?.date = nil
        book.provenance.indexation?.replacedHash = nil
        return TariffBookEncoder.encode(book)
    }

    /// `<directory>/<year>.json`.
    public static func file(_ directory: String, _ year: Int) -> String {
        directory.hasSuffix("/") ? "\(directory)\(year).json" : "\(directory)/\(year).json"
    }

    private static func indexationParameters(wage: Percentage, price: Percentage, mixedWageShare: Rational?,
                                             book: TariffBook) throws(PublishError) -> IndexationParameters {
        var weights = book.mixedWeights
        if let share = mixedWageShare {
            guard share >= .zero, share <= .one, let priceShare = try? Rational.one.subtracting(share) else {
                throw .parameters("the mixed wage share \(share) is outside 0 to 1")
            }
            weights = MixedWeights(wage: share, price: priceShare)
        }
        do {
            return try IndexationParameters(wage: wage, price: price, weights: weights)
        } catch {
            throw .parameters(error.description)
        }
    }
}

/// A book read once: its bytes, their hash and what they hold.
private struct Source {
    var file: String
    var bytes: [UInt8]
    var hash: String
    var book: TariffBook

    init(file: String, year: Int) throws(PublishError) {
        do {
            bytes = try FileSystem.readFile(file, limit: FileSystem.maximumBookBytes)
            hash = "sha256:" + SHA256.hex(bytes)
            book = try TariffBookLoader.load(bytes: bytes, file: file, expectedYear: year)
        } catch {
            throw .input(error)
        }
        self.file = file
    }
}

/// The book at the target path as one attempt found it.
private struct Existing {
    var identity: FileIdentity
    var hash: String
    /// Nil when it is not a valid book of its year.
    var book: TariffBook?
}

/// One publish: what is indexed, with what, and where it goes.
private struct Plan {
    var source: Source
    var parameters: IndexationParameters
    var date: CalendarDate?
    var target: String
    var replace: Bool

    /// Reads what is at the target now and writes `fresh` (or, replacing, the book that records
    /// the replaced hash) under the rules; nil when another program changed the target meanwhile.
    func attempt(_ fresh: TariffBook) throws(PublishError) -> PublishOutcome? {
        var book = fresh
        var allowed = ExistingOutput.keep
        if let existing = try readExisting() {
            if let current = existing.book, TariffPublisher.essence(current) == TariffPublisher.essence(fresh) {
                return .unchanged(file: target, hash: existing.hash)
            }
            guard replace else {
                throw .existsAndDiffers(file: target, hash: existing.hash, holds: TariffPublisher.describe(existing.book))
            }
            book = try index(replacing: existing.hash)
            allowed = .replaceOnly(existing.identity)
        }
        let text: String
        do { text = try TariffIndexer.checkedText(book, file: target, source: (source.file, source.bytes)) } catch { throw .input(error) }
        do {
            try FileSystem.writeFileAtomically(target, Array(text.utf8), existing: allowed)
        } catch {
            if error.isConflict { return nil }
            throw .cannotWrite(error)
        }
        return .written(Publication(book: book, file: target, sourceFile: source.file, sourceHash: source.hash, parameters: parameters))
    }

    /// The book at the target, nil when there is none. Its identity is taken before it is read,
    /// so a file replaced in between is found by the writer as a conflict.
    private func readExisting() throws(PublishError) -> Existing? {
        guard let identity = FileIdentity(path: target) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(target, limit: FileSystem.maximumBookBytes)
        } catch {
            // Removed between the look and the read: there is none now.
            if case .cannotRead = error, FileIdentity(path: target) == nil { return nil }
            throw .input(error)
        }
        let book = try? TariffBookLoader.load(bytes: bytes, file: target, expectedYear: source.book.year + 1)
        return Existing(identity: identity, hash: "sha256:" + SHA256.hex(bytes), book: book)
    }

    /// The indexed book, recording `replacedHash`.
    func index(replacing replacedHash: String?) throws(PublishError) -> TariffBook {
        let year = source.book.year
        do {
            return try TariffIndexer.index(source.book, with: parameters, sourceFile: "\(year).json", sourceHash: source.hash,
                                           date: date, replacedHash: replacedHash)
        } catch {
            throw .input(.invalid([Diagnostic(file: "\(year).json", path: .root, message: error.description)]))
        }
    }
}
