import Catalogue
import Money
import Pricing
import Support

/// What the documents know about the parties: the library's details (`organisation.json`) and the
/// municipality's profile, whose parties' fields and illustrative marks the documents print.
public struct DocumentParties: Sendable {
    /// The library's details and the file they came from.
    public var organisation: OrganisationSource
    /// The municipality's profile; nil when only its name is known.
    public var profile: MunicipalityProfile?

    /// Creates the parties' data; with no arguments nothing is known but the municipality's name.
    public init(organisation: OrganisationSource = OrganisationSource(), profile: MunicipalityProfile? = nil) {
        self.organisation = organisation
        self.profile = profile
    }
}

extension DocumentBuilder {
    /// The library as a party: the subsidy's recipient.
    static func supplier(_ source: OrganisationSource) -> DocumentParty {
        let organisation = source.organisation
        return DocumentParty(name: organisation.legalName, tradeName: organisation.tradeName, alias: "de bibliotheek",
                             role: "subsidieontvanger", address: organisation.address, kvk: organisation.kvk,
                             vatNumber: organisation.vatNumber, iban: organisation.iban, signatory: organisation.signatory,
                             contact: organisation.contact, illustrative: organisation.illustrative)
    }

    /// The municipality as a party: the subsidy's grantor, named "Gemeente …" when the profile gives no legal name.
    static func municipality(name: String, profile: MunicipalityProfile?) -> DocumentParty {
        let parties = profile?.parties ?? MunicipalityParties()
        return DocumentParty(name: parties.legalName ?? "Gemeente \(name)", alias: "de gemeente", role: "subsidieverlener",
                             address: parties.address, kvk: parties.kvk, oin: parties.oin, signatory: parties.signatory,
                             contact: parties.contact, illustrative: parties.illustrative)
    }

    /// The details an offerte needs: the library's name, address, KvK and VAT numbers, and the
    /// municipality's address.
    static func quoteGaps(supplier: DocumentParty, municipality: DocumentParty, parties: DocumentParties, code: String) -> [DocumentGap] {
        let library = organisationSource(parties)
        var gaps: [DocumentGap] = []
        if supplier.name == nil { gaps.append(DocumentGap(source: library, path: "legalName", label: "naam van de bibliotheek")) }
        gaps += addressGaps(supplier.address, source: library, owner: "de bibliotheek")
        if supplier.kvk == nil { gaps.append(DocumentGap(source: library, path: "kvk", label: "KvK-nummer van de bibliotheek")) }
        if supplier.vatNumber == nil { gaps.append(DocumentGap(source: library, path: "vatNumber", label: "btw-nummer van de bibliotheek")) }
        gaps += addressGaps(municipality.address, source: "the profile of \(code)", owner: "de gemeente")
        return gaps
    }

    /// The details an agreement needs besides those of the offerte's parties: registrations, the
    /// bank account, and who signs for each party (for the municipality, under which mandate).
    static func agreementGaps(supplier: DocumentParty, municipality: DocumentParty, parties: DocumentParties, code: String) -> [DocumentGap] {
        let library = organisationSource(parties)
        let profile = "the profile of \(code)"
        var gaps: [DocumentGap] = []
        if supplier.name == nil { gaps.append(DocumentGap(source: library, path: "legalName", label: "naam van de bibliotheek")) }
        gaps += addressGaps(supplier.address, source: library, owner: "de bibliotheek")
        if supplier.kvk == nil { gaps.append(DocumentGap(source: library, path: "kvk", label: "KvK-nummer van de bibliotheek")) }
        if supplier.iban == nil { gaps.append(DocumentGap(source: library, path: "iban", label: "bankrekening (IBAN) van de bibliotheek")) }
        gaps += signatoryGaps(supplier.signatory, source: library, owner: "de bibliotheek", mandate: false)
        gaps += addressGaps(municipality.address, source: profile, owner: "de gemeente")
        if municipality.oin == nil && municipality.kvk == nil {
            gaps.append(DocumentGap(source: profile, path: "oin", label: "OIN of KvK-nummer van de gemeente"))
        }
        gaps += signatoryGaps(municipality.signatory, source: profile, owner: "de gemeente", mandate: true)
        return gaps
    }

    private static func organisationSource(_ parties: DocumentParties) -> String {
        parties.organisation.file ?? "organisation.json (no such file was given or found)"
    }

    private static func addressGaps(_ address: PostalAddress?, source: String, owner: String) -> [DocumentGap] {
        guard let address else { return [DocumentGap(source: source, path: "address", label: "adres van \(owner)")] }
        return address.missingFields.map { DocumentGap(source: source, path: "address.\($0)", label: "adres van \(owner)") }
    }

    private static func signatoryGaps(_ signatory: Signatory?, source: String, owner: String, mandate: Bool) -> [DocumentGap] {
        var gaps: [DocumentGap] = []
        if signatory?.name == nil { gaps.append(DocumentGap(source: source, path: "signatory.name", label: "ondertekenaar namens \(owner)")) }
        if signatory?.function == nil { gaps.append(DocumentGap(source: source, path: "signatory.function", label: "functie van de ondertekenaar namens \(owner)")) }
        if mandate && signatory?.mandate == nil {
            gaps.append(DocumentGap(source: source, path: "signatory.mandate", label: "mandaat van de ondertekenaar namens \(owner)"))
        }
        return gaps
    }
}

/// The data of a profile marked illustrative, and which priced lines rest on them: a line for
/// an illustrative school, branch or location, or priced per inhabitant with an illustrative count.
struct IllustrativeData {
    private var subjects: Set<String> = []
    private var kinds: [String: SubjectKind] = [:]
    private var inhabitantDates: Set<CalendarDate> = []

    init(_ profile: MunicipalityProfile?) {
        guard let profile else { return }
        func add(_ id: String, _ name: String, _ kind: SubjectKind) {
            subjects.insert(Self.key(id, name))
            kinds[Self.key(id, name)] = kind
        }
        for branch in profile.branches where branch.illustrative { add(branch.id, branch.name, .branch) }
        for school in profile.schools where school.illustrative { add(school.id, school.name, .school) }
        for location in profile.childcareLocations where location.illustrative { add(location.id, location.name, .childcareLocation) }
        for bureau in profile.consultationBureaus where bureau.illustrative { add(bureau.id, bureau.name, .consultationBureau) }
        inhabitantDates = Set(profile.inhabitants.filter(\.illustrative).map(\.date))
    }

    /// A subject is known by its id and name together: ids are unique only within their kind.
    private static func key(_ id: String, _ name: String) -> String { id + "\u{0}" + name }

    /// Whether the line rests on illustrative data.
    func marks(_ line: PricedLine) -> Bool {
        if let id = line.subject, let name = line.subjectName, subjects.contains(Self.key(id, name)) { return true }
        if case .inhabitants(_, let date) = line.why.quantity { return inhabitantDates.contains(date) }
        return false
    }

    /// Whether the school with this id and name is illustrative.
    func marksSchool(id: String, name: String) -> Bool { kinds[Self.key(id, name)] == .school }

    /// The illustrative data `lines` rest on, grouped by kind, in Dutch and English.
    func illustrations(of lines: [PricedLine]) -> [DocumentIllustration] {
        var used: [SubjectKind: Set<String>] = [:]
        var dates: Set<CalendarDate> = []
        for line in lines where marks(line) {
            if let id = line.subject, let name = line.subjectName, let kind = kinds[Self.key(id, name)] {
                used[kind, default: []].insert(Self.key(id, name))
            } else if case .inhabitants(_, let date) = line.why.quantity {
                dates.insert(date)
            }
        }
        var result: [DocumentIllustration] = []
        let nouns: [(SubjectKind, String, String, String)] = [
            (.branch, "vestiging", "vestigingen", "(grootte)"), (.school, "school", "scholen", "(naam en leerlingaantal)"),
            (.childcareLocation, "kinderopvanglocatie", "kinderopvanglocaties", ""), (.consultationBureau, "consultatiebureau", "consultatiebureaus", ""),
        ]
        for (kind, one, many, what) in nouns {
            guard let count = used[kind]?.count, count > 0 else { continue }
            let dutch = "\(count) \(count == 1 ? one : many)" + (what.isEmpty ? "" : " \(what)")
            result.append(DocumentIllustration(dutch: dutch, english: "\(count) \(count == 1 ? kind.noun : kind.noun + (kind == .branch ? "es" : "s")) of the profile"))
        }
        for date in dates.sorted() {
            result.append(DocumentIllustration(dutch: "het inwonertal op \(date.dutchString)", english: "the inhabitant count of \(date)"))
        }
        return result
    }
}

extension DocumentBuilder {
    /// The illustrative data a document rests on: the parties' details marked illustrative, then
    /// the profile's data its lines use.
    static func illustrations(supplier: DocumentParty, municipality: DocumentParty, lines: [PricedLine],
                              data: IllustrativeData, parties: DocumentParties) -> [DocumentIllustration] {
        partyIllustrations(supplier: supplier, municipality: municipality, organisationFile: organisationSource(parties),
                           profile: parties.profile?.code) + data.illustrations(of: lines)
    }

    /// The parties' details marked illustrative.
    static func partyIllustrations(supplier: DocumentParty, municipality: DocumentParty, organisationFile: String = "organisation.json",
                                   profile: String? = nil) -> [DocumentIllustration] {
        var result: [DocumentIllustration] = []
        if supplier.illustrative {
            result.append(DocumentIllustration(dutch: "de gegevens van de bibliotheek", english: "the library's details in \(organisationFile)"))
        }
        if municipality.illustrative {
            result.append(DocumentIllustration(dutch: "de gegevens van de gemeente",
                                               english: "the municipality's details in the profile of \(profile ?? "the municipality")"))
        }
        return result
    }
}
