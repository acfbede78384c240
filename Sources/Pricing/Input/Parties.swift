import Catalogue
import JSON
import Support

/// The parties' data the documents need beside the prices: addresses, registration numbers,
/// who signs and under which mandate (`../shared/spec/interface.md`, *Parties' data*). Every
/// field is optional to load; a document that needs a missing one shows "[in te vullen]", and a
/// final document is refused until it is filled in. Every value is checked when it is read, with
/// its field path, like every other input.

/// A postal address.
public struct PostalAddress: Sendable, Equatable {
    /// "Brink 7".
    public var street: String?
    /// "9401 HS" for a Dutch address.
    public var postcode: String?
    /// "Assen".
    public var city: String?
    /// The ISO 3166 country code, "NL" when not given.
    public var country: String

    /// Creates an address.
    public init(street: String? = nil, postcode: String? = nil, city: String? = nil, country: String = "NL") {
        self.street = street
        self.postcode = postcode
        self.city = city
        self.country = country
    }

    /// Whether street, postcode and city are all there.
    public var isComplete: Bool { street != nil && postcode != nil && city != nil }

    /// The parts that are missing, by field name ("street", "postcode", "city").
    public var missingFields: [String] {
        [("street", street), ("postcode", postcode), ("city", city)].filter { $0.1 == nil }.map(\.0)
    }
}

/// Who signs for a party.
public struct Signatory: Sendable, Equatable {
    /// "J. de Vries".
    public var name: String?
    /// "wethouder", "directeur-bestuurder".
    public var function: String?
    /// The mandate, for a municipality: "besluit van het college van B&W van 2 december 2025".
    public var mandate: String?

    /// Creates a signatory.
    public init(name: String? = nil, function: String? = nil, mandate: String? = nil) {
        self.name = name
        self.function = function
        self.mandate = mandate
    }
}

/// A contact person for the agreement.
public struct ContactPerson: Sendable, Equatable {
    /// "A. de Vries".
    public var name: String?
    /// "beleidsadviseur bibliotheekwerk".
    public var function: String?
    /// "a.devries@example.nl".
    public var email: String?
    /// "0592 123 456".
    public var phone: String?

    /// Creates a contact person.
    public init(name: String? = nil, function: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.function = function
        self.email = email
        self.phone = phone
    }
}

/// The checks of registration numbers, bank accounts and postcodes, each returning why a value
/// is wrong (an English sentence for a diagnostic) or nil when it is right.
public enum PartyFormats {
    /// A KvK number: exactly 8 digits.
    public static func kvkProblem(_ text: String) -> String? {
        digits(text, count: 8) ? nil : "expected a KvK number of exactly 8 digits like \"01234567\", found \(quoted(text))"
    }

    /// An OIN (organisation identification number of the Dutch government): exactly 20 digits.
    public static func oinProblem(_ text: String) -> String? {
        digits(text, count: 20) ? nil : "expected an OIN of exactly 20 digits like \"00000001001234567000\", found \(quoted(text))"
    }

    /// A Dutch VAT identification number: "NL", 9 digits, "B", 2 digits, without spaces.
    public static func vatNumberProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let shape = bytes.count == 14 && text.hasPrefix("NL") && bytes[11] == UInt8(ascii: "B")
            && bytes[2..<11].allSatisfy(isDigit) && bytes[12..<14].allSatisfy(isDigit)
        return shape ? nil : "expected a Dutch VAT number like \"NL001234567B01\" (NL, 9 digits, B, 2 digits, no spaces), found \(quoted(text))"
    }

    /// The lengths of the IBANs of the countries around the Netherlands; others are checked on
    /// their shape (15 to 34 characters) and check digits only.
    private static let ibanLengths: [String: Int] = ["NL": 18, "BE": 16, "DE": 22, "LU": 20, "FR": 27, "GB": 22]

    /// An IBAN without spaces: country code, two check digits, the account, and the ISO 7064
    /// mod-97 check (the number read with A = 10 … Z = 35, first four characters moved to the
    /// end, leaves remainder 1).
    public static func ibanProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let expected = "expected an IBAN in capitals without spaces like \"NL91ABNA0417164300\""
        guard bytes.count >= 15, bytes.count <= 34, bytes[0..<2].allSatisfy(isUpper), bytes[2..<4].allSatisfy(isDigit),
              bytes[4...].allSatisfy({ isUpper($0) || isDigit($0) }) else {
            return "\(expected), found \(quoted(text))"
        }
        let country = String(decoding: bytes[0..<2], as: UTF8.self)
        if let length = ibanLengths[country], bytes.count != length {
            return "\(expected); an IBAN of \(country) has \(length) characters, found \(bytes.count) in \(quoted(text))"
        }
        if country == "NL", !bytes[4..<8].allSatisfy(isUpper) || !bytes[8...].allSatisfy(isDigit) {
            return "\(expected); a Dutch IBAN has a 4-letter bank code and 10 digits, found \(quoted(text))"
        }
        var remainder = 0
        for byte in bytes[4...] + bytes[0..<4] {
            let value = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : Int(byte - UInt8(ascii: "A")) + 10
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        return remainder == 1 ? nil : "the IBAN \(quoted(text)) fails its check digits (ISO 7064 mod 97); look for a typing error"
    }

    /// A Dutch postcode: four digits not starting with 0, one space, two capitals (not SA, SD or SS).
    public static func dutchPostcodeProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let letters = bytes.count == 7 ? String(decoding: bytes[5..<7], as: UTF8.self) : ""
        let shape = bytes.count == 7 && bytes[0] != UInt8(ascii: "0") && bytes[0..<4].allSatisfy(isDigit)
            && bytes[4] == UInt8(ascii: " ") && bytes[5..<7].allSatisfy(isUpper) && !["SA", "SD", "SS"].contains(letters)
        return shape ? nil : "expected a Dutch postcode like \"9401 HS\" (four digits, a space, two capitals), found \(quoted(text))"
    }

    /// A country code: two capitals.
    public static func countryProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.count == 2 && bytes.allSatisfy(isUpper) ? nil : "expected a two-letter country code like \"NL\", found \(quoted(text))"
    }

    /// An e-mail address: one "@" with text before it, a domain with a dot after it, no spaces.
    public static func emailProblem(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(" ")
        return valid ? nil : "expected an e-mail address like \"info@example.nl\", found \(quoted(text))"
    }

    /// A telephone number: digits with optional spaces, hyphens and a leading "+", 6 to 15 digits.
    public static func phoneProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let allowed = bytes.enumerated().allSatisfy { index, byte in
            isDigit(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || (index == 0 && byte == UInt8(ascii: "+"))
        }
        let count = bytes.filter(isDigit).count
        return allowed && (6...15).contains(count) ? nil : "expected a telephone number like \"0592 123 456\" or \"+31 592 123 456\", found \(quoted(text))"
    }

    private static func digits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}

extension ObjectReader {
    /// An optional text field checked by `problem` (one of `PartyFormats`' checks), reported at its path.
    func checked(_ key: String, _ problem: (String) -> String?) -> String? {
        guard let text = documentText(key, required: false) else { return nil }
        if let message = problem(text) {
            collector.report(path.appending(key), message)
            return nil
        }
        return text
    }

    /// The optional `address` object: street, postcode (a Dutch one for country NL), city, country.
    func postalAddress(_ key: String = "address") -> PostalAddress? {
        guard let reader = object(key, required: false) else { return nil }
        defer { reader.finish() }
        let country = reader.checked("country", PartyFormats.countryProblem) ?? "NL"
        let postcode = country == "NL" ? reader.checked("postcode", PartyFormats.dutchPostcodeProblem) : reader.documentText("postcode", required: false)
        return PostalAddress(street: reader.documentText("street", required: false), postcode: postcode,
                             city: reader.documentText("city", required: false), country: country)
    }

    /// The optional `signatory` object: name, function and mandate (the decision or power of
    /// attorney under which they sign).
    func signatory() -> Signatory? {
        guard let reader = object("signatory", required: false) else { return nil }
        defer { reader.finish() }
        return Signatory(name: reader.documentText("name", required: false), function: reader.documentText("function", required: false),
                         mandate: reader.documentText("mandate", required: false))
    }

    /// The optional `contact` object: name, function, e-mail address and telephone number.
    func contactPerson() -> ContactPerson? {
        guard let reader = object("contact", required: false) else { return nil }
        defer { reader.finish() }
        return ContactPerson(name: reader.documentText("name", required: false), function: reader.documentText("function", required: false),
                             email: reader.checked("email", PartyFormats.emailProblem), phone: reader.checked("phone", PartyFormats.phoneProblem))
    }
}
