import Catalogue
import JSON
import Money
import Pricing
import Support

/// Why a lifecycle step failed; the command-line tool maps each case to its exit code.
public enum LifecycleError: Error, CustomStringConvertible {
    /// Bad or unreadable input (profile, offer, books): 65 or 66.
    case input(InputError)
    /// The database failed: 74.
    case store(StoreError)
    /// The step is not allowed in the offer's state, or names something unknown: 65.
    case refused(String)
    /// Something the program got wrong: 70.
    case internalError(String)
    /// Frozen material no longer matches its stored SHA-256: changed outside the tool (65).
    case tampered(String)

    public var description: String {
        switch self {
        case .tampered(let message): message
        case .input(let error): error.description
        case .store(let error): error.description
        case .refused(let message): message
        case .internalError(let message): message
        }
    }
}

/// From a stored draft to an issued quote to an accepted agreement.
public enum OfferLifecycle {
    /// Prices a stored offer with the current books (projecting later years with `assumptions`).
    public static func price(_ offer: OfferRecord, store: CatalogueStore, library: TariffLibrary,
                             assumptions: ProjectionAssumptions) throws(LifecycleError) -> (PricedOffer, PricingRequest) {
        let profile: String?
        do { profile = try store.profile(code: offer.municipality) } catch { throw .store(error) }
        guard let profile else {
            throw .refused("municipality \(offer.municipality) is not in the database; import its profile with 'catalogue-cli municipality import'")
        }
        return try price(offer, profile: profile) { (years) throws(InputError) -> PricingBooks in
            try BookProjector.books(for: years, library: library, assumptions: assumptions)
        }
    }

    static func price(_ offer: OfferRecord, profile: String, offerFile: String? = nil,
                      books: (ClosedRange<Int>) throws(InputError) -> PricingBooks) throws(LifecycleError) -> (PricedOffer, PricingRequest) {
        let request: PricingRequest
        do {
            request = try PricingRequestLoader.load(
                profileBytes: Array(profile.utf8), profileFile: "municipality \(offer.municipality) (database)",
                offer: offer.offer, offerFile: offerFile ?? "offer \(offer.id) (database)", books: books)
        } catch {
            throw .input(error)
        }
        do {
            return (try PricingEngine.price(request.offer, books: request.books), request)
        } catch {
            throw .internalError(error.description)
        }
    }

    /// Issues a draft: prices it, renders the offerte and freezes lines, amounts, book hashes and
    /// documents. Returns the stored quote.
    ///
    /// The offerte is made with `organisation`'s details and the profile's; a `.final` release is
    /// refused (nothing is stored) while details are missing, or, unless allowed, while it rests
    /// on illustrative data. Without a release the quote is a concept: nothing is final unless
    /// asked for.
    ///
    /// The offer is read, priced and frozen inside one immediate transaction, so a line added or
    /// removed by another process meanwhile is either in the quote or in a new version, never lost.
    public static func issue(_ offerID: Int64, store: CatalogueStore, library: TariffLibrary, assumptions: ProjectionAssumptions,
                             date: CalendarDate, validDays: Int = 60, lateReason: String? = nil,
                             organisation: OrganisationSource = OrganisationSource(),
                             release: DocumentRelease = .concept) throws(LifecycleError) -> QuoteRecord {
        try store.database.transaction(mapping: LifecycleError.store) { () throws(LifecycleError) -> QuoteRecord in
            try issueInTransaction(offerID, store: store, library: library, assumptions: assumptions, date: date, validDays: validDays,
                                   lateReason: lateReason, organisation: organisation, release: release)
        }
    }

    private static func issueInTransaction(_ offerID: Int64, store: CatalogueStore, library: TariffLibrary, assumptions: ProjectionAssumptions,
                                           date: CalendarDate, validDays: Int, lateReason: String?, organisation: OrganisationSource,
                                           release: DocumentRelease) throws(LifecycleError) -> QuoteRecord {
        let offer = try record(offerID, store)
        guard offer.status == .draft else {
            throw .refused("offer \(offerID) (\(offer.label)) is \(offer.status), not a draft; only a draft can be issued")
        }
        if let problem = DateRules.issueProblem(date: date, firstYear: offer.firstYear, lateReason: lateReason) { throw .refused(problem) }
        let late = date >= CalendarDate.firstOfJanuary(offer.firstYear) ? lateReason : nil
        // The profile is read once: the one priced is the one frozen.
        let profile: String?
        do { profile = try store.profile(code: offer.municipality) } catch { throw .store(error) }
        guard let profile else {
            throw .refused("municipality \(offer.municipality) is not in the database; import its profile with 'catalogue-cli municipality import'")
        }
        let (priced, request) = try price(offer, profile: profile) { (years) throws(InputError) -> PricingBooks in
            try BookProjector.books(for: years, library: library, assumptions: assumptions)
        }
        if let problem = InputLimits.documentLinesProblem(priced.lineCount, offer: "offer \(offerID) (\(offer.label))") { throw .refused(problem) }
        var supersedes: String?
        if let previous = offer.supersedes {
            do { supersedes = try store.quote(offerID: previous)?.reference } catch { throw .store(error) }
        }
        let reference = "\(offer.reference)-v\(offer.version)"
        let document: QuoteDocument
        do {
            document = try DocumentBuilder.quote(priced, books: request.books, reference: reference, version: offer.version,
                                                 supersedes: supersedes, date: date, validDays: validDays,
                                                 coverage: CoverageAnalyzer.coverage(of: request.offer, books: request.books),
                                                 lateReason: late, parties: DocumentParties(organisation: organisation, profile: request.offer.profile),
                                                 release: release)
        } catch {
            throw .internalError("the offerte's sums: \(error)")
        }
        if let problem = document.checks.problem(for: release, document: "the offerte of offer \(offerID) (\(offer.label))") {
            throw .refused(problem)
        }
        let rendered = RenderedDocuments(document)
        var books: [(hash: String, year: Int, source: String, content: String)] = []
        var years: [QuoteYearRecord] = []
        for year in priced.years {
            guard let yearBook = request.books[year.year] else { throw .internalError("no book for \(year.year)") }
            // Exactly what was priced: the bytes read for pricing, never a second read of the file.
            let content = yearBook.frozenText
            let hash = YearBook.hash(ofFrozenText: content)
            let source = yearBook.status == .published ? yearBook.file : "projected from \(yearBook.projectedFrom ?? 0)"
            books.append((hash, year.year, source, content))
            years.append(QuoteYearRecord(year: year.year, status: year.status, bookHash: hash, bookFile: year.bookFile,
                                         projectedFrom: year.projectedFrom, totals: year.totals))
        }
        let quote = QuoteRecord(id: 0, offerID: offerID, reference: reference, issuedOn: date, validUntil: document.validUntil,
                                totals: priced.totals, profile: profile, priced: PricedOfferJSON.encode(priced), years: years,
                                html: rendered.html, markdown: rendered.markdown, json: rendered.json)
        do {
            return try store.issue(offerID, quote: quote, books: books,
                                   lines: priced.years.flatMap { year in year.lines.map { (year.year, $0) } })
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .refused("\(error)")
        }
    }

    /// Accepts an issued offer: rebuilds the priced offer from the frozen quote (the stored
    /// profile, lines and books by hash, never the current books), checks it is exactly what was
    /// issued, and stores the agreement with its documents.
    ///
    /// Everything from reading the offer to storing the agreement is one immediate transaction,
    /// so the agreement's number (UVO-…) is allocated by the transaction that inserts it.
    ///
    /// The agreement states `date` as the day the municipality accepted the quote, and is made
    /// with `organisation`'s details and the frozen profile's; a `.final` release is refused as
    /// `issue` refuses one, and then nothing is stored.
    public static func accept(_ offerID: Int64, store: CatalogueStore, date: CalendarDate, payment: PaymentSchedule = .quarterly,
                              organisation: OrganisationSource = OrganisationSource(),
                              release: DocumentRelease = .concept) throws(LifecycleError) -> AgreementRecord {
        try store.database.transaction(mapping: LifecycleError.store) { () throws(LifecycleError) -> AgreementRecord in
            try acceptInTransaction(offerID, store: store, date: date, payment: payment, organisation: organisation, release: release)
        }
    }

    private static func acceptInTransaction(_ offerID: Int64, store: CatalogueStore, date: CalendarDate, payment: PaymentSchedule,
                                            organisation: OrganisationSource, release: DocumentRelease) throws(LifecycleError) -> AgreementRecord {
        let offer = try record(offerID, store)
        guard offer.status == .issued else {
            throw .refused("offer \(offerID) (\(offer.label)) is \(offer.status); only an issued offer can be accepted")
        }
        let quote: QuoteRecord
        do {
            guard let stored = try store.quote(offerID: offerID) else { throw LifecycleError.internalError("offer \(offerID) has no quote") }
            quote = stored
        } catch let error as LifecycleError { throw error } catch let error as StoreError { throw .store(error) } catch {
            throw .internalError("\(error)")
        }
        if let problem = DateRules.acceptanceProblem(date: date, issuedOn: quote.issuedOn, validUntil: quote.validUntil) {
            throw .refused("offer \(offerID) (\(offer.label)) cannot be accepted: \(problem)")
        }
        try verifySeals(.quote, id: quote.id, subject: "quote \(quote.reference)", store: store)
        let frozen = try frozenBooks(quote, store: store)
        let (priced, request) = try price(offer, profile: quote.profile) { (_) throws(InputError) -> PricingBooks in frozen }
        guard PricedOfferJSON.encode(priced) == quote.priced else {
            throw .internalError("the issued quote \(quote.reference) cannot be reproduced from its frozen data")
        }
        let reference: String
        do { reference = try store.nextReference(prefix: "UVO-\(offer.firstYear)-", table: "agreements") } catch { throw .store(error) }
        let document: AgreementDocument
        do {
            document = try DocumentBuilder.agreement(priced, books: request.books, reference: reference, quoteReference: quote.reference,
                                                     quoteDate: quote.issuedOn, acceptedOn: date, date: date, payment: payment,
                                                     parties: DocumentParties(organisation: organisation, profile: request.offer.profile),
                                                     release: release)
        } catch {
            throw .internalError("the agreement's sums: \(error)")
        }
        if let problem = document.checks.problem(for: release, document: "the agreement of offer \(offerID) (\(offer.label))") {
            throw .refused(problem)
        }
        let rendered = RenderedDocuments(document)
        let agreement = AgreementRecord(id: 0, reference: reference, quoteID: quote.id, municipality: offer.municipality,
                                        firstYear: offer.firstYear, lastYear: offer.firstYear + offer.years - 1, acceptedOn: date,
                                        payment: payment, status: .active, html: rendered.html, markdown: rendered.markdown,
                                        json: rendered.json)
        do {
            return try store.accept(offerID, agreement: agreement)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .refused("\(error)")
        }
    }

    /// The books an issued quote was priced with, read back from the store by hash.
    public static func frozenBooks(_ quote: QuoteRecord, store: CatalogueStore) throws(LifecycleError) -> PricingBooks {
        var byYear: [Int: YearBook] = [:]
        for year in quote.years {
            let content: String?
            do { content = try store.bookContent(hash: year.bookHash) } catch { throw .store(error) }
            guard let content else { throw .internalError("book \(year.bookHash) of quote \(quote.reference) is missing") }
            guard "sha256:" + SHA256.hex(Array(content.utf8)) == year.bookHash else {
                throw tampered("the tariff book \(year.bookHash) (\(year.year)) of quote \(quote.reference): its content does not match its SHA-256")
            }
            let book: TariffBook
            do {
                book = try TariffBookLoader.load(bytes: Array(content.utf8), file: year.bookHash, expectedYear: year.year)
            } catch {
                throw .internalError("book \(year.bookHash) of quote \(quote.reference) does not load: \(error)")
            }
            var assumptions: IndexationParameters?
            if year.status == .projected, let record = book.provenance.indexation {
                assumptions = try? IndexationParameters(wage: record.wage, price: record.price, weights: record.mixedWeights)
            }
            byYear[year.year] = YearBook(book: book, status: year.status, file: year.bookFile, projectedFrom: year.projectedFrom,
                                         assumptions: assumptions, sourceBytes: Array(content.utf8))
        }
        return PricingBooks(byYear: byYear)
    }

    /// Refuses frozen material whose rows no longer match their seals (`.tampered`).
    public static func verifySeals(_ entity: Seals.Entity, id: Int64, subject: String, store: CatalogueStore) throws(LifecycleError) {
        let mismatches: [String]
        do { mismatches = try Seals.mismatches(entity, id: id, database: store.database) } catch { throw .store(error) }
        guard mismatches.isEmpty else { throw tampered("\(subject): " + mismatches.joined(separator: "; ")) }
    }

    static func tampered(_ what: String) -> LifecycleError {
        .tampered("the database was changed outside catalogue-cli: \(what); 'catalogue-cli store check' lists every such problem")
    }

    static func record(_ offerID: Int64, _ store: CatalogueStore) throws(LifecycleError) -> OfferRecord {
        let record: OfferRecord?
        do { record = try store.offer(offerID) } catch { throw .store(error) }
        guard let record else { throw .refused("no offer \(offerID) in the database; 'catalogue-cli offer list' shows them") }
        return record
    }
}
