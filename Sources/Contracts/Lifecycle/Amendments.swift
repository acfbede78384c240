import Catalogue
import JSON
import Money
import Pricing
import Support

/// One change an amendment makes to the lines in effect in its first year. Line numbers are
/// 1-based, as `catalogue-cli contract show` lists them.
public enum AgreementChange: Sendable, Equatable {
    /// A new line.
    case add(OfferLine)
    /// The line with this number ends.
    case remove(line: Int)
    /// The line with this number is replaced by another.
    case replace(line: Int, with: OfferLine)
}

/// The lines of an agreement from a year on: the original agreement's or an amendment's.
public struct AgreementSegment: Sendable, Equatable {
    /// The first year these lines apply.
    public var fromYear: Int
    /// The profile they are priced with.
    public var profile: String
    /// The lines.
    public var lines: [OfferLine]
    /// The agreement's or the amendment's reference.
    public var reference: String
    /// When it was agreed.
    public var dated: CalendarDate
}

/// An agreement as it stands on a date: the original plus its amendments dated on or before it,
/// in order. The lines in effect in a year are those of the last segment starting on or before it.
public struct AgreementState: Sendable {
    public var agreement: AgreementRecord
    public var quote: QuoteRecord
    /// The original offer's title, if any.
    public var title: String?
    /// The original first, then each amendment.
    public var segments: [AgreementSegment]
    /// The amendments included.
    public var amendments: [AmendmentRecord]

    /// The segment whose lines apply in `year`.
    public func segment(for year: Int) -> AgreementSegment {
        segments.last { $0.fromYear <= year } ?? segments[0]
    }

    /// The agreement's years.
    public var years: ClosedRange<Int> { agreement.firstYear...agreement.lastYear }
}

/// Amending agreements and reading their state on any date.
public enum AgreementLifecycle {
    /// Loads an agreement by reference with the amendments dated on or before `date` (all when nil).
    public static func state(_ reference: String, store: CatalogueStore, on date: CalendarDate? = nil) throws(LifecycleError) -> AgreementState {
        do {
            guard let agreement = try store.agreement(reference: reference) else {
                throw LifecycleError.refused("no agreement '\(reference)' in the database; agreements are named like UVO-2026-001 ('catalogue-cli offer list' shows the accepted offers)")
            }
            guard let quote = try store.quote(id: agreement.quoteID), let offer = try store.offer(quote.offerID) else {
                throw LifecycleError.internalError("agreement \(reference) has no quote or offer in the database")
            }
            if let date, date < agreement.acceptedOn {
                throw LifecycleError.refused("agreement \(reference) was accepted on \(agreement.acceptedOn); there is no state on \(date)")
            }
            let amendments = try store.amendments(agreementID: agreement.id).filter { date == nil || $0.dated <= date! }
            try OfferLifecycle.verifySeals(.agreement, id: agreement.id, subject: "agreement \(agreement.reference)", store: store)
            try OfferLifecycle.verifySeals(.quote, id: quote.id, subject: "quote \(quote.reference)", store: store)
            for amendment in amendments {
                try OfferLifecycle.verifySeals(.amendment, id: amendment.id, subject: "amendment \(amendment.reference)", store: store)
            }
            var segments = [AgreementSegment(fromYear: agreement.firstYear, profile: quote.profile, lines: offer.lines,
                                             reference: agreement.reference, dated: agreement.acceptedOn)]
            for amendment in amendments {
                segments.append(AgreementSegment(fromYear: amendment.fromYear, profile: amendment.profile, lines: amendment.lines,
                                                 reference: amendment.reference, dated: amendment.dated))
            }
            return AgreementState(agreement: agreement, quote: quote, title: offer.title, segments: segments, amendments: amendments)
        } catch let error as LifecycleError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Prices every year of the state with the agreement's frozen books: each year by the
    /// segment in effect then. Returns the years in order and the municipality's name.
    public static func pricedYears(_ state: AgreementState, books: PricingBooks) throws(LifecycleError) -> (years: [PricedYear], name: String) {
        var years: [PricedYear] = []
        var name = state.agreement.municipality
        for (index, segment) in state.segments.enumerated() {
            let priced = try price(segment.lines, profile: segment.profile, state: state, books: books,
                                   label: "\(segment.reference) (database)")
            name = priced.municipalityName
            let until = index + 1 < state.segments.count ? state.segments[index + 1].fromYear : state.agreement.lastYear + 1
            years.removeAll { $0.year >= segment.fromYear }
            years += priced.years.filter { $0.year >= segment.fromYear && $0.year < until }
        }
        return (years.sorted { $0.year < $1.year }, name)
    }

    private static func price(_ lines: [OfferLine], profile: String, state: AgreementState, books: PricingBooks,
                              label: String) throws(LifecycleError) -> PricedOffer {
        let offer = OfferRecord(id: 0, reference: state.agreement.reference, version: 1, supersedes: nil,
                                municipality: state.agreement.municipality, firstYear: state.agreement.firstYear,
                                years: state.agreement.lastYear - state.agreement.firstYear + 1, title: state.title,
                                status: .accepted, lines: lines)
        return try OfferLifecycle.price(offer, profile: profile, offerFile: label) { (_) throws(InputError) -> PricingBooks in books }.0
    }

    /// What an amendment would do, before it is recorded.
    public struct Proposal: Sendable {
        public var record: AmendmentRecord
        public var document: AmendmentDocument
    }

    /// Works out an amendment: applies `changes` to the lines in effect in `fromYear`, prices
    /// the years `fromYear`… with the agreement's books (and `profile`, when the profile changes),
    /// and builds its document. Nothing is stored; `record(_:store:)` does that.
    public static func propose(_ reference: String, fromYear: Int, changes: [AgreementChange], profile newProfile: String? = nil,
                               date: CalendarDate, store: CatalogueStore) throws(LifecycleError) -> Proposal {
        let state = try state(reference, store: store)
        let agreement = state.agreement
        guard agreement.status == .active else {
            throw .refused("agreement \(reference) is \(agreement.status); only an active agreement can be amended")
        }
        guard state.years.contains(fromYear) else {
            throw .refused("'--from' \(fromYear) is outside agreement \(reference), which runs \(agreement.firstYear)–\(agreement.lastYear); amendments are co-terminous with the agreement (renew it to go beyond \(agreement.lastYear))")
        }
        guard fromYear >= date.year else {
            throw .refused("\(fromYear) has ended by \(date); an amendment dated \(date) can take effect from \(date.year) at the earliest")
        }
        let latest = state.segments.last!
        guard date >= latest.dated else {
            throw .refused("the amendment's date \(date) is before \(latest.reference) of \(latest.dated); amendments follow each other in time")
        }
        guard fromYear >= latest.fromYear else {
            throw .refused("\(latest.reference) already changes the lines from \(latest.fromYear); a later amendment must take effect from \(latest.fromYear) or later")
        }
        guard !changes.isEmpty || newProfile != nil else {
            throw .refused("the amendment changes nothing; give a line to add, replace or remove, or a changed profile")
        }
        let books = try OfferLifecycle.frozenBooks(state.quote, store: store)
        guard let fromBook = books[fromYear]?.book else { throw .internalError("agreement \(reference) has no book for \(fromYear)") }

        let current = state.segment(for: fromYear)
        let profile = newProfile ?? current.profile
        // Subjects are named as the agreement names them: from the profile the lines are priced with.
        let names = try? ProfileLoader.load(bytes: Array(profile.utf8), file: "profile")
        let (lines, descriptions) = try apply(changes, to: current.lines, fromYear: fromYear, firstYear: agreement.firstYear, book: fromBook,
                                              profile: names)
        var wording = descriptions
        if newProfile != nil, newProfile != current.profile { wording.append("Het gemeenteprofiel is bijgewerkt (aantallen inwoners, vestigingen, scholen of locaties).") }

        let (before, name) = try pricedYears(state, books: books)
        let sequence = state.amendments.count + 1
        let amendmentReference = "\(agreement.reference)-W\(sequence)"
        let after = try price(lines, profile: profile, state: state, books: books, label: "\(amendmentReference) (proposed)")
        wording += try checkNotice(before: before, after: after.years, state: state, fromYear: fromYear, date: date)
        let document: AmendmentDocument
        do {
            document = try AmendmentDocument.build(reference: amendmentReference, sequence: sequence, agreement: agreement, name: name,
                                                   fromYear: fromYear, date: date, changes: wording,
                                                   before: before.filter { $0.year >= fromYear },
                                                   after: after.years.filter { $0.year >= fromYear }, books: books,
                                                   parties: agreementParties(agreement), profile: names)
        } catch {
            throw .internalError("the amendment's sums: \(error)")
        }
        let rendered = RenderedDocuments(document)
        let record = AmendmentRecord(id: 0, agreementID: agreement.id, sequence: sequence, reference: amendmentReference, fromYear: fromYear,
                                     dated: date, profile: profile, lines: lines, changes: wording,
                                     municipalityBefore: document.total.before, municipalityAfter: document.total.after,
                                     html: rendered.html, markdown: rendered.markdown, json: rendered.json)
        return Proposal(record: record, document: document)
    }

    /// Proposes and records an amendment in one immediate transaction, so its number (-W1, -W2, …)
    /// and the lines it starts from cannot change before it is stored. `deliver` runs before the
    /// commit (the command line writes the document there): when it throws, nothing is recorded,
    /// so a retry after a failed write does not record a second amendment.
    public static func amend<Failure: Error>(_ reference: String, fromYear: Int, changes: [AgreementChange], profile: String? = nil,
                                             date: CalendarDate, store: CatalogueStore, mapping: (LifecycleError) -> Failure,
                                             deliver: (Proposal) throws(Failure) -> Void) throws(Failure) -> (proposal: Proposal, record: AmendmentRecord) {
        try store.database.transaction(mapping: { mapping(.store($0)) }) { () throws(Failure) -> (proposal: Proposal, record: AmendmentRecord) in
            let proposal: Proposal
            let stored: AmendmentRecord
            do throws(LifecycleError) {
                proposal = try propose(reference, fromYear: fromYear, changes: changes, profile: profile, date: date, store: store)
                stored = try record(proposal, store: store)
            } catch {
                throw mapping(error)
            }
            try deliver(proposal)
            return (proposal, stored)
        }
    }

    /// Records a proposed amendment (refused when another was recorded meanwhile).
    public static func record(_ proposal: Proposal, store: CatalogueStore) throws(LifecycleError) -> AmendmentRecord {
        do {
            return try store.addAmendment(proposal.record)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .refused("\(error)")
        }
    }

    /// The parties as the agreement names them, read back from its stored JSON.
    static func agreementParties(_ agreement: AgreementRecord) -> (supplier: DocumentParty, municipality: DocumentParty) {
        let stored = (try? JSONParser.parse(Array(agreement.json.utf8)))?.objectValue
        return (DocumentJSON.party(from: stored?["supplier"], alias: "de bibliotheek", role: "subsidieontvanger"),
                DocumentJSON.party(from: stored?["municipality"], alias: "de gemeente", role: "subsidieverlener"))
    }

    /// Applies the changes; returns the new lines and a Dutch description of each change, which
    /// names the service and its subjects as the agreement does (never a code or a line number).
    static func apply(_ changes: [AgreementChange], to lines: [OfferLine], fromYear: Int, firstYear: Int,
                      book: TariffBook, profile: MunicipalityProfile? = nil) throws(LifecycleError) -> ([OfferLine], [String]) {
        var result: [OfferLine?] = lines.map { $0 }
        var added: [OfferLine] = []
        var wording: [String] = []
        var touched: Set<Int> = []
        func check(_ number: Int) throws(LifecycleError) {
            guard (1...max(1, lines.count)).contains(number), number <= lines.count else {
                throw .refused("there is no line \(number) in effect in \(fromYear); the agreement has lines 1–\(lines.count) then ('catalogue-cli contract show' lists them)")
            }
            guard touched.insert(number).inserted else {
                throw .refused("line \(number) is changed twice in one amendment; give one change per line")
            }
        }
        for change in changes {
            switch change {
            case .add(let line):
                let line = try startingIn(line, fromYear: fromYear, firstYear: firstYear, inheriting: nil)
                added.append(line)
                wording.append("Toegevoegd vanaf \(fromYear): \(describe(line, book: book, profile: profile)).")
            case .remove(let number):
                try check(number)
                wording.append("Vervalt vanaf \(fromYear): \(describe(lines[number - 1], book: book, profile: profile)).")
                result[number - 1] = nil
            case .replace(let number, let line):
                try check(number)
                let line = try startingIn(line, fromYear: fromYear, firstYear: firstYear, inheriting: lines[number - 1])
                wording.append("Gewijzigd vanaf \(fromYear): \(describe(lines[number - 1], book: book, profile: profile)) wordt \(describe(line, book: book, profile: profile)).")
                result[number - 1] = line
            }
        }
        return (result.compactMap { $0 } + added, wording)
    }

    /// A new line starts in the amendment's first year unless it says otherwise; a replacing
    /// line keeps the start of the line it replaces, so its one-off costs are not charged again.
    private static func startingIn(_ line: OfferLine, fromYear: Int, firstYear: Int, inheriting old: OfferLine?) throws(LifecycleError) -> OfferLine {
        if let year = line.startYear, year < fromYear {
            throw .refused("the line's startYear \(year) is before the amendment's first year \(fromYear)")
        }
        var line = line
        if let old {
            line.startYear = line.startYear ?? old.startYear
            line.runningSince = line.runningSince ?? old.runningSince
        } else if line.startYear == nil, fromYear > firstYear {
            line.startYear = fromYear
        }
        return line
    }

    /// "BoekStartcoach voor Consultatiebureau Westerbork, 4 uur per week": the service's name,
    /// its subjects by name (from `profile`), and the choices of the line in words.
    static func describe(_ line: OfferLine, book: TariffBook, profile: MunicipalityProfile? = nil) -> String {
        var text = book.service(line.service)?.name ?? line.service
        var subjects: [String] = []
        for kind in SubjectKind.allCases {
            guard let ids = line.subjects[kind] else { continue }
            subjects += ids.map { id in subjectName(id, kind: kind, profile: profile) ?? id }
        }
        if !subjects.isEmpty { text += " voor " + DocumentWording.list(subjects) }
        var details: [String] = []
        if let hours = line.numbers["hoursPerWeek"] { details.append("\(hours.dutchString) uur per week") }
        if let hours = line.numbers["hours"] { details.append("\(hours.dutchString) uur") }
        if let level = line.level { details.append("niveau \(level)") }
        if let package = line.package { details.append("pakket \(package)") }
        if line.quotes.count == 1 { details.append("offertebedrag \(DocumentNotation.amount(line.quotes[0].amount))") }
        if let description = line.description { details.append("‘\(description)’") }
        if !details.isEmpty { text += ", " + details.joined(separator: ", ") }
        return text
    }

    /// The name of a subject in the profile.
    private static func subjectName(_ id: String, kind: SubjectKind, profile: MunicipalityProfile?) -> String? {
        guard let profile else { return nil }
        switch kind {
        case .branch: return profile.branches.first { $0.id == id }?.name
        case .school: return profile.schools.first { $0.id == id }?.name
        case .childcareLocation: return profile.childcareLocations.first { $0.id == id }?.name
        case .consultationBureau: return profile.consultationBureaus.first { $0.id == id }?.name
        }
    }
}
