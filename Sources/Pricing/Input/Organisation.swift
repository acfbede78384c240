import Catalogue
import JSON
import Support

/// The library's own details for its documents: who it is, where, its registrations, its bank
/// account, who signs, and the court for disputes (`organisation.json`). Every field is optional;
/// an empty organisation is what a tool without the file knows.
public struct Organisation: Sendable, Equatable {
    /// "Stichting Biblionet Drenthe".
    public var legalName: String?
    /// "Bind bibliotheken".
    public var tradeName: String?
    /// The address documents print and the offerte is returned to.
    public var address: PostalAddress?
    /// The Chamber of Commerce number, 8 digits.
    public var kvk: String?
    /// "NL001234567B01".
    public var vatNumber: String?
    /// The account the municipality pays into.
    public var iban: String?
    /// Days within which invoices and settlements are paid.
    public var paymentTermDays: Int?
    /// Who signs for the library.
    public var signatory: Signatory?
    /// The account manager the agreement names.
    public var contact: ContactPerson?
    /// The court for disputes; documents default to Rechtbank Noord-Nederland (Drenthe).
    public var court: String?
    /// Whether the values are placeholders, marked as such in every document.
    public var illustrative: Bool

    /// Creates an organisation; with no arguments, one of which nothing is known.
    public init(legalName: String? = nil, tradeName: String? = nil, address: PostalAddress? = nil, kvk: String? = nil,
                vatNumber: String? = nil, iban: String? = nil, paymentTermDays: Int? = nil, signatory: Signatory? = nil,
                contact: ContactPerson? = nil, court: String? = nil, illustrative: Bool = false) {
        self.legalName = legalName
        self.tradeName = tradeName
        self.address = address
        self.kvk = kvk
        self.vatNumber = vatNumber
        self.iban = iban
        self.paymentTermDays = paymentTermDays
        self.signatory = signatory
        self.contact = contact
        self.court = court
        self.illustrative = illustrative
    }

    /// The name of `organisation.json`, looked for in the working directory.
    public static let defaultFileName = "organisation.json"
}

/// Where the organisation's details came from, for messages ("organisation.json",
/// "$CATALOGUE_ORGANISATION (/etc/bind.json)"), with the details themselves.
public struct OrganisationSource: Sendable, Equatable {
    /// The details; empty when there is no file.
    public var organisation: Organisation
    /// How messages name the file, or nil when there is none.
    public var file: String?

    /// Creates a source.
    public init(organisation: Organisation = Organisation(), file: String? = nil) {
        self.organisation = organisation
        self.file = file
    }
}

/// Reads `organisation.json`, reporting every problem at once with its field path.
public enum OrganisationLoader {
    /// The payment term a document states when the file gives none: the statutory 30 days.
    public static let defaultPaymentTermDays = 30
    /// The range of `paymentTermDays`.
    public static let paymentTermDays = 1...365

    /// Loads the file (at most 1 MiB: it holds a few dozen fields).
    public static func load(file: String) throws(InputError) -> Organisation {
        try load(bytes: try FileSystem.readFile(file, limit: 1 << 20), file: file)
    }

    /// Loads from bytes; `file` names it in messages.
    public static func load(bytes: [UInt8], file: String) throws(InputError) -> Organisation {
        let root = try parseInputJSON(bytes, file: file)
        let collector = DiagnosticCollector(file: file)
        let organisation = decode(root, at: .root, collector: collector)
        try collector.throwIfAny()
        return organisation ?? Organisation()
    }

    /// Decodes an organisation object at `path` (the file's root, or a party in a stored document).
    public static func decode(_ value: JSONValue, at path: JSONPath, collector: DiagnosticCollector) -> Organisation? {
        guard let reader = ObjectReader(value, at: path, collector: collector) else { return nil }
        defer { reader.finish() }
        _ = reader.string("notes", required: false)
        return Organisation(
            legalName: reader.documentText("legalName", required: false), tradeName: reader.documentText("tradeName", required: false),
            address: reader.postalAddress(), kvk: reader.checked("kvk", PartyFormats.kvkProblem),
            vatNumber: reader.checked("vatNumber", PartyFormats.vatNumberProblem), iban: reader.checked("iban", PartyFormats.ibanProblem),
            paymentTermDays: reader.integer("paymentTermDays", in: paymentTermDays, required: false), signatory: reader.signatory(),
            contact: reader.contactPerson(), court: reader.documentText("court", required: false),
            illustrative: reader.boolean("illustrative", required: false) ?? false)
    }
}
