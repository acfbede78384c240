import JSON
import Pricing
import Support
import Testing
import TestSupport

/// One way to get the parties' data wrong, and the problem it is refused with (file, path, message).
struct PartiesErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The JSON of `organisation.json`, or of a profile when `profile` is true.
    var json: String
    var profile = false
    var path: String
    var message: String

    var testDescription: String { name }
}

/// A profile with only what pricing needs, and `fields` added at the top level.
func partiesProfile(_ fields: String) -> String {
    #"{"code": "proef", "name": "Proefgemeente", "schools": [{"id": "a", "name": "School A", "level": "po", "pupils": 100}], "# + fields + "}"
}

let partiesErrorCases: [PartiesErrorCase] = [
    .init(name: "KvK number of 7 digits", json: #"{"kvk": "0123456"}"#,
          path: "kvk", message: #"expected a KvK number of exactly 8 digits like "01234567", found "0123456""#),
    .init(name: "KvK number with a space", json: #"{"kvk": "0123 4567"}"#,
          path: "kvk", message: #"expected a KvK number of exactly 8 digits like "01234567", found "0123 4567""#),
    .init(name: "KvK number as a JSON number", json: #"{"kvk": 1234567}"#,
          path: "kvk", message: "expected a string, found the number 1234567"),
    .init(name: "IBAN with a wrong check digit", json: #"{"iban": "NL92ABNA0417164300"}"#,
          path: "iban", message: #"the IBAN "NL92ABNA0417164300" fails its check digits (ISO 7064 mod 97); look for a typing error"#),
    .init(name: "IBAN written with spaces", json: #"{"iban": "NL91 ABNA 0417 1643 00"}"#,
          path: "iban", message: #"expected an IBAN in capitals without spaces like "NL91ABNA0417164300", found "NL91 ABNA 0417 1643 00""#),
    .init(name: "Dutch IBAN of the wrong length", json: #"{"iban": "NL91ABNA041716430"}"#,
          path: "iban", message: #"expected an IBAN in capitals without spaces like "NL91ABNA0417164300"; an IBAN of NL has 18 characters, found 17 in "NL91ABNA041716430""#),
    .init(name: "VAT number without B", json: #"{"vatNumber": "NL001234567001"}"#,
          path: "vatNumber", message: #"expected a Dutch VAT number like "NL001234567B01" (NL, 9 digits, B, 2 digits, no spaces), found "NL001234567001""#),
    .init(name: "postcode without a space", json: #"{"address": {"street": "Brink 1", "postcode": "9401HS", "city": "Assen"}}"#,
          path: "address.postcode", message: #"expected a Dutch postcode like "9401 HS" (four digits, a space, two capitals), found "9401HS""#),
    .init(name: "postcode with SS", json: #"{"address": {"postcode": "9401 SS"}}"#,
          path: "address.postcode", message: #"expected a Dutch postcode like "9401 HS" (four digits, a space, two capitals), found "9401 SS""#),
    .init(name: "country in lower case", json: #"{"address": {"country": "nl"}}"#,
          path: "address.country", message: #"expected a two-letter country code like "NL", found "nl""#),
    .init(name: "unknown address field", json: #"{"address": {"stret": "Brink 1"}}"#,
          path: "address.stret", message: #"unknown field "stret"; did you mean "street"?"#),
    .init(name: "payment term of 0 days", json: #"{"paymentTermDays": 0}"#,
          path: "paymentTermDays", message: "expected a whole number from 1 to 365, found 0"),
    .init(name: "signatory name with a control character", json: #"{"signatory": {"name": "A\u0007B"}}"#,
          path: "signatory.name", message: "expected text without control characters, found U+0007"),
    .init(name: "contact e-mail without a domain", json: #"{"contact": {"email": "info@bind"}}"#,
          path: "contact.email", message: #"expected an e-mail address like "info@example.nl", found "info@bind""#),
    .init(name: "illustrative as a string", json: #"{"illustrative": "yes"}"#,
          path: "illustrative", message: #"expected true or false, found the string "yes""#),
    .init(name: "unknown top-level field", json: #"{"legalname": "Stichting"}"#,
          path: "legalname", message: #"unknown field "legalname"; did you mean "legalName"?"#),
    // The municipality's fields in a profile.
    .init(name: "OIN of 19 digits", json: partiesProfile(#""oin": "0000000100123456700""#), profile: true,
          path: "oin", message: #"expected an OIN of exactly 20 digits like "00000001001234567000", found "0000000100123456700""#),
    .init(name: "mandate that is empty", json: partiesProfile(#""signatory": {"name": "A. Wethouder", "mandate": " "}"#), profile: true,
          path: "signatory.mandate", message: #"expected a non-empty string, found " ""#),
    .init(name: "school KvK number", json: #"{"code": "proef", "name": "Proef", "schools": [{"id": "a", "name": "A", "level": "po", "pupils": 1, "kvk": "12"}]}"#,
          profile: true, path: "schools[0].kvk", message: #"expected a KvK number of exactly 8 digits like "01234567", found "12""#),
    .init(name: "school address postcode", json: #"{"code": "proef", "name": "Proef", "schools": [{"id": "a", "name": "A", "level": "po", "pupils": 1, "address": {"postcode": "0401 AB"}}]}"#,
          profile: true, path: "schools[0].address.postcode", message: #"expected a Dutch postcode like "9401 HS" (four digits, a space, two capitals), found "0401 AB""#),
]

@Suite("Parties' data: organisation.json and the profile's parties fields")
struct PartiesTests {
    @Test("a wrong value is refused with its file and field path", arguments: partiesErrorCases)
    func refused(_ testCase: PartiesErrorCase) {
        let file = testCase.profile ? "profile.json" : "organisation.json"
        do {
            if testCase.profile {
                _ = try ProfileLoader.load(bytes: Array(testCase.json.utf8), file: file)
            } else {
                _ = try OrganisationLoader.load(bytes: Array(testCase.json.utf8), file: file)
            }
            Issue.record("accepted \(testCase.json)")
        } catch {
            #expect(error == .invalid([Diagnostic(file: file, path: path(testCase.path), message: testCase.message)]))
        }
    }

    @Test("every problem of one file is reported at once, in document order")
    func allAtOnce() {
        let json = #"{"kvk": "1", "iban": "NL00XXXX0000000000", "address": {"postcode": "x"}, "paymentTermDays": 1000}"#
        #expect(throws: InputError.self) { _ = try OrganisationLoader.load(bytes: Array(json.utf8), file: "o.json") }
        do {
            _ = try OrganisationLoader.load(bytes: Array(json.utf8), file: "o.json")
        } catch {
            guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return }
            #expect(diagnostics.map(\.path.description) == ["address.postcode", "kvk", "iban", "paymentTermDays"])
        }
    }

    @Test("every field is optional: an empty object is an organisation of which nothing is known")
    func empty() throws {
        #expect(try OrganisationLoader.load(bytes: Array("{}".utf8), file: "o.json") == Organisation())
        let profile = try ProfileLoader.load(bytes: Array(partiesProfile(#""illustrative": false"#).utf8), file: "p.json")
        #expect(profile.parties == MunicipalityParties())
    }

    @Test("the repository's organisation.json loads, with the public name and city, and is marked illustrative")
    func repositoryFile() throws {
        let organisation = try OrganisationLoader.load(file: repositoryRoot + "/organisation.json")
        #expect(organisation.legalName == "Stichting Biblionet Drenthe")
        #expect(organisation.tradeName == "Bind bibliotheken")
        #expect(organisation.address?.city == "Assen")
        #expect(organisation.court == "Rechtbank Noord-Nederland")
        #expect(organisation.iban == "NL50XXXX0000000000")
        #expect(organisation.illustrative)
    }

    @Test("the Midden-Drenthe seed carries the municipality's parties fields, marked illustrative")
    func seedProfile() throws {
        let profile = try ProfileLoader.load(file: repositoryRoot + "/seeds/municipalities/midden-drenthe.json")
        #expect(profile.parties.legalName == "Gemeente Midden-Drenthe")
        #expect(profile.parties.address == PostalAddress(street: "Voorbeeldstraat 1", postcode: "9411 AA", city: "Beilen"))
        #expect(profile.parties.oin == "00000001000000000000")
        #expect(profile.parties.signatory?.function == "wethouder")
        #expect(profile.parties.illustrative)
    }

    @Test("valid values of every format are accepted", arguments: [
        ("NL91ABNA0417164300", "iban"), ("BE68539007547034", "iban"), ("DE89370400440532013000", "iban"),
        ("01234567", "kvk"), ("NL001234567B01", "vat"), ("9401 HS", "postcode"), ("1000 AA", "postcode"),
        ("00000001001234567000", "oin"), ("+31 592 123 456", "phone"), ("info@example.nl", "email"),
    ])
    func accepted(_ value: String, _ kind: String) {
        let problem: String? = switch kind {
        case "iban": PartyFormats.ibanProblem(value)
        case "kvk": PartyFormats.kvkProblem(value)
        case "vat": PartyFormats.vatNumberProblem(value)
        case "postcode": PartyFormats.dutchPostcodeProblem(value)
        case "oin": PartyFormats.oinProblem(value)
        case "phone": PartyFormats.phoneProblem(value)
        default: PartyFormats.emailProblem(value)
        }
        #expect(problem == nil, "\(value): \(problem ?? "")")
    }

    /// A path such as `schools[0].address.postcode` as a `JSONPath`.
    func path(_ text: String) -> JSONPath {
        var result = JSONPath.root
        for part in text.split(separator: ".") {
            if let open = part.firstIndex(of: "[") {
                result = result.appending(String(part[..<open]))
                result = result.appending(index: Int(part[part.index(after: open)..<part.index(before: part.endIndex)])!)
            } else {
                result = result.appending(String(part))
            }
        }
        return result
    }
}
