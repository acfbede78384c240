import Catalogue
import Pricing
import Testing
import Support

/// One way to get an offer or profile wrong, and the one problem it must be refused with.
struct InputErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var profile: String = testProfile
    var offer: String
    var file: String = "offer.json"
    var path: String
    var message: String

    var testDescription: String { name }
}

let inputErrorCases: [InputErrorCase] = [
    // The issue's list.
    .init(name: "unknown service", offer: testOffer(#"{"service": "dbos"}"#),
          path: "lines[0].service", message: #"unknown service "dbos" in the 2025 catalogue; did you mean "dbos-po" or "dbos-vo"?"#),
    .init(name: "unknown subject id", offer: testOffer(#"{"service": "dbos-po", "schools": ["kleine"]}"#),
          path: "lines[0].schools[0]", message: #"no school "kleine" in the profile of testgemeente; did you mean "klein"?"#),
    .init(name: "per-branch service on a branch that does not exist", offer: testOffer(#"{"service": "open-plus", "branches": ["zuid"]}"#),
          path: "lines[0].branches[0]", message: #"no branch "zuid" in the profile of testgemeente"#),
    .init(name: "llo-pakket-1 on a service point", offer: testOffer(#"{"service": "llo-pakket-1", "branches": ["centrum", "punt"]}"#),
          path: "lines[0].branches[1]", message: #"llo-pakket-1 is only for branches of size large, medium, small; "punt" is a service-point branch"#),
    .init(name: "thuislezen on a school without dbos-po",
          offer: testOffer(#"{"service": "dbos-po", "schools": ["midden"]}"#, #"{"service": "thuislezen", "schools": ["klein"]}"#),
          path: "lines[1].schools[0]", message: #"thuislezen on school "klein" needs dbos-po on the same school in this offer, from 2025 or earlier"#),
    .init(name: "thuislezen starting before dbos-po",
          offer: testOffer(years: 2, #"{"service": "dbos-po", "schools": ["klein"], "startYear": 2026}"#, #"{"service": "thuislezen", "schools": ["klein"]}"#),
          path: "lines[1].schools[0]", message: #"thuislezen on school "klein" needs dbos-po on the same school in this offer, from 2025 or earlier"#),
    .init(name: "dbos-po on a vo school", offer: testOffer(#"{"service": "dbos-po", "schools": ["lyceum"]}"#),
          path: "lines[0].schools[0]", message: #"dbos-po is only for po schools; "lyceum" is a vo school"#),
    .init(name: "missing inhabitants for a per-inhabitant service",
          profile: testProfile.replacing(#"{"date": "2024-01-01", "count": 34093},"#, with: "").replacing(#"{"date": "2026-01-01", "count": 34500},"#, with: ""),
          offer: testOffer(#"{"service": "ido"}"#),
          path: "lines[0].service", message: "ido is priced per inhabitant, but the profile has no inhabitant count dated on or before 1 January 2025; its earliest count is dated 2026-07-01"),
    .init(name: "a quote without an amount", offer: testOffer(#"{"service": "gezinsaanpak", "quote": {"recurrence": "one-off", "description": "Uitvoering"}}"#),
          path: "lines[0].quote", message: #"missing required field "amount""#),
    .init(name: "a quote-only service without a quote", offer: testOffer(#"{"service": "verhalenbrink"}"#),
          path: "lines[0]", message: #"verhalenbrink is priced on quote: give "quote": {"amount": "…", "recurrence": "annual" or "one-off", "description": "…"}"#),
    .init(name: "negative hours", offer: testOffer(#"{"service": "maatwerk", "level": "hbo", "hours": -5}"#),
          path: "lines[0].hours", message: "expected a number greater than 0 up to 100000, found -5"),
    .init(name: "absurd hours", offer: testOffer(#"{"service": "maatwerk", "level": "hbo", "hours": 1000000}"#),
          path: "lines[0].hours", message: "expected a number greater than 0 up to 100000, found 1000000"),
    .init(name: "absurd inhabitants", profile: testProfile.replacing("34093", with: "1000000000000000"), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "inhabitants[0].count", message: "expected a whole number from 0 to 5000000, found 1000000000000000"),
    .init(name: "negative pupils", profile: testProfile.replacing(#""pupils": 124"#, with: #""pupils": -1"#), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "schools[0].pupils", message: "expected a whole number from 0 to 20000, found -1"),
    .init(name: "startYear outside the offer", offer: testOffer(years: 2, #"{"service": "kleintje-bieb", "startYear": 2027}"#),
          path: "lines[0].startYear", message: "startYear 2027 is outside the offer, which runs 2025 to 2026"),
    .init(name: "Makersplaats below 10 participants", offer: testOffer(#"{"service": "makersplaats", "participantsPerActivity": 9, "activities": 20}"#),
          path: "lines[0].participantsPerActivity", message: "makersplaats needs participantsPerActivity of at least 10, found 9"),
    .init(name: "Makersplaats above 100 activities", offer: testOffer(#"{"service": "makersplaats", "participantsPerActivity": 10, "activities": 101}"#),
          path: "lines[0].activities", message: "makersplaats allows activities of at most 100, found 101"),
    // Counts must be whole (issue 12): a fractional one used to drop the participant line.
    .init(name: "fractional activities", offer: testOffer(#"{"service": "makersplaats", "participantsPerActivity": 12, "activities": 10.5}"#),
          path: "lines[0].activities", message: "expected a whole number greater than 0 up to 10000, found 10.5"),
    .init(name: "fractional participants per activity", offer: testOffer(#"{"service": "makersplaats", "participantsPerActivity": 12.5, "activities": 10}"#),
          path: "lines[0].participantsPerActivity", message: "expected a whole number greater than 0 up to 10000, found 12.5"),
    .init(name: "fractional BiebFabriek series", offer: testOffer(#"{"service": "llo-pakket-2", "package": "groot", "biebFabriekSeries": 1.5}"#),
          path: "lines[0].biebFabriekSeries", message: "expected a whole number from 0 up to 1000, found 1.5"),
    .init(name: "fractional pupils", profile: testProfile.replacing(#""pupils": 124"#, with: #""pupils": 124.5"#), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "schools[0].pupils", message: "expected a whole number from 0 to 20000, found the number 124.5"),
    .init(name: "fractional inhabitants", profile: testProfile.replacing("34093", with: "34093.5"), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "inhabitants[0].count", message: "expected a whole number from 0 to 5000000, found the number 34093.5"),
    // Text that passes into documents (issue 12): no control characters, no bidi overrides or isolates.
    .init(name: "a NUL in the municipality name", profile: testProfile.replacing(#""Testgemeente""#, with: #""Test\u0000gemeente""#),
          offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "name", message: "expected text without control characters, found U+0000"),
    .init(name: "a right-to-left override in a branch name", profile: testProfile.replacing(#""Centrum""#, with: #""Cen\u202Etrum""#),
          offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "branches[0].name", message: "expected text without bidirectional override or isolate characters, found U+202E"),
    .init(name: "a first-strong isolate in a school name", profile: testProfile.replacing(#""Het Lyceum""#, with: #""Het \u2068Lyceum""#),
          offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "schools[3].name", message: "expected text without bidirectional override or isolate characters, found U+2068"),
    .init(name: "an escape in a childcare location name", profile: testProfile.replacing(#""Kinderopvang B""#, with: #""Kinder\u001bopvang""#),
          offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "childcareLocations[1].name", message: "expected text without control characters, found U+001B"),
    .init(name: "a DEL in a consultation bureau name", profile: testProfile.replacing(#""Consultatiebureau A""#, with: #""Consultatie\u007f""#),
          offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "consultationBureaus[0].name", message: "expected text without control characters, found U+007F"),
    .init(name: "a left-to-right isolate in the offer title",
          offer: #"{"municipality": "testgemeente", "firstYear": 2025, "years": 1, "title": "Offerte \u2066x", "lines": [{"service": "ido"}]}"#,
          path: "title", message: "expected text without bidirectional override or isolate characters, found U+2066"),
    .init(name: "a line break in a line description", offer: testOffer(#"{"service": "maatwerk", "level": "hbo", "hours": 4, "description": "a\nb"}"#),
          path: "lines[0].description", message: "expected text without control characters, found U+000A"),
    .init(name: "a tab in a quote description", offer: testOffer(#"{"service": "verhalenbrink", "quote": {"amount": "1.00", "recurrence": "annual", "description": "a\tb"}}"#),
          path: "lines[0].quote.description", message: "expected text without control characters, found U+0009"),
    // More ways to be wrong.
    .init(name: "offer for another municipality", offer: testOffer(#"{"service": "ido"}"#).replacing("\"testgemeente\"", with: "\"assen\""),
          path: "municipality", message: #"the offer is for "assen", but the profile is for "testgemeente""#),
    .init(name: "unknown package", offer: testOffer(#"{"service": "llo-pakket-2", "package": "xl"}"#),
          path: "lines[0].package", message: #"unknown package "xl" for llo-pakket-2; expected one of "groot", "middelgroot", "klein""#),
    .init(name: "missing package", offer: testOffer(#"{"service": "llo-pakket-2"}"#),
          path: "lines[0]", message: #"llo-pakket-2 needs a "package": one of "groot", "middelgroot", "klein""#),
    .init(name: "missing level", offer: testOffer(#"{"service": "maatwerk", "hours": 4}"#),
          path: "lines[0]", message: #"maatwerk needs a "level": one of "mbo", "hbo", "wo""#),
    .init(name: "missing hours", offer: testOffer(#"{"service": "maatwerk", "level": "wo"}"#),
          path: "lines[0]", message: #"maatwerk is priced per hour: give "hours""#),
    .init(name: "a number the service does not take", offer: testOffer(#"{"service": "kleintje-bieb", "hoursPerWeek": 2}"#),
          path: "lines[0].hoursPerWeek", message: #"kleintje-bieb takes no "hoursPerWeek"; it takes none"#),
    .init(name: "subjects of a kind the service is not taken for", offer: testOffer(#"{"service": "kleintje-bieb", "schools": ["klein"]}"#),
          path: "lines[0].schools", message: #"kleintje-bieb is not taken per school; leave out "schools""#),
    .init(name: "a municipality-wide service twice", offer: testOffer(#"{"service": "ido"}"#, #"{"service": "ido"}"#),
          path: "lines[1].service", message: "ido is already offered in lines[0]; a municipality takes it once"),
    .init(name: "the same school twice", offer: testOffer(#"{"service": "dbos-po"}"#, #"{"service": "dbos-po", "schools": ["groot"]}"#),
          path: "lines[1]", message: #"dbos-po is already offered for school "groot" in lines[0]"#),
    .init(name: "BiebFabriek beyond the package", offer: testOffer(#"{"service": "llo-pakket-2", "package": "klein", "biebFabriekSeries": 1}"#),
          path: "lines[0].biebFabriekSeries", message: "1 × BiebFabriek-reeks counts as 7 activities, more than the 6 of the klein package"),
    .init(name: "hours a week below the minimum", offer: testOffer(#"{"service": "boekstartcoach", "hoursPerWeek": 0.5}"#),
          path: "lines[0].hoursPerWeek", message: "boekstartcoach needs hoursPerWeek of at least 1, found 0.5"),
    .init(name: "runningSince not before the offer", offer: testOffer(#"{"service": "dbos-po", "runningSince": 2025}"#),
          path: "lines[0].runningSince", message: "runningSince 2025 must be before the offer's first year 2025; leave it out for a service that starts with the offer"),
    .init(name: "a quote for a service without quotes", offer: testOffer(#"{"service": "ido", "quote": {"amount": "1.00", "recurrence": "annual", "description": "x"}}"#),
          path: "lines[0].quote", message: "ido has published tariffs and no custom-quote component"),
    .init(name: "an ambiguous quote", offer: testOffer(#"{"service": "taalhuis", "quote": {"amount": "1.00", "recurrence": "annual", "description": "x"}}"#),
          path: "lines[0].quote", message: #"taalhuis has several custom-quote components: name one in "component": "inrichting", "werkgeverschap""#),
    .init(name: "a quote recurrence the tool does not know", offer: testOffer(#"{"service": "verhalenbrink", "quote": {"amount": "1.00", "recurrence": "monthly", "description": "x"}}"#),
          path: "lines[0].quote.recurrence", message: #"unknown quote recurrence "monthly"; expected one of "annual", "one-off""#),
    .init(name: "a typo in a field name", offer: testOffer(#"{"sevice": "ido"}"#),
          path: "lines[0].sevice", message: #"unknown field "sevice"; did you mean "service"?"#),
    .init(name: "an empty subject list", offer: testOffer(#"{"service": "dbos-po", "schools": []}"#),
          path: "lines[0].schools", message: #"expected at least one school id; leave out "schools" to take every matching school of the profile"#),
    .init(name: "too many years", offer: testOffer(years: 21, #"{"service": "ido"}"#),
          path: "years", message: "expected a whole number from 1 to 20, found 21"),
    .init(name: "a custom quote above ten million euro", offer: testOffer(#"{"service": "verhalenbrink", "quote": {"amount": "999999999999.99", "recurrence": "annual", "description": "x"}}"#),
          path: "lines[0].quote.amount", message: "a custom quote is at most 10000000.00 euro, found 999999999999.99"),
    .init(name: "control characters in a message are escaped", offer: testOffer(#"{"service": "dbos-po", "schools": ["\u001b[31mred"]}"#),
          path: "lines[0].schools[0]", message: #"expected a code of lowercase letters, digits and single hyphens like "robuuste-bibliotheek", found "\u001b[31mred""#),
    .init(name: "a duplicate branch id in the profile", profile: testProfile.replacing(#""id": "noord""#, with: #""id": "centrum""#), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "branches[1].id", message: #"duplicate branch id "centrum"; first at branches[0].id"#),
    .init(name: "a date that does not exist", profile: testProfile.replacing("2024-01-01", with: "2024-02-30"), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "inhabitants[0].date", message: #"expected a date like "2025-01-01", found "2024-02-30""#),
    .init(name: "an unknown branch size", profile: testProfile.replacing(#""size": "medium""#, with: #""size": "huge""#), offer: testOffer(#"{"service": "ido"}"#),
          file: "profile.json", path: "branches[1].size", message: #"unknown branch size "huge"; expected one of "large", "medium", "small", "service-point""#),
]

@Suite("Profiles and offers: every error, with its path")
struct InputErrorTests {
    @Test("the test profile and a simple offer are valid")
    func valid() {
        #expect(problems(profile: testProfile, offer: testOffer(#"{"service": "robuuste-bibliotheek"}"#)) == [])
    }

    @Test("refused", arguments: inputErrorCases)
    func refused(_ row: InputErrorCase) {
        let found = problems(profile: row.profile, offer: row.offer)
        let match = found.first { $0.path.description == row.path && $0.file == row.file }
        #expect(match?.message == row.message, "all problems: \(found.map(\.description))")
    }

    @Test("hours may be fractional: 2,5 hours a week and 40,5 hours price")
    func fractionalHours() throws {
        #expect(problems(profile: testProfile, offer: testOffer(#"{"service": "boekstartcoach", "hoursPerWeek": 2.5}"#)) == [])
        #expect(problems(profile: testProfile, offer: testOffer(#"{"service": "maatwerk", "level": "hbo", "hours": 40.5}"#)) == [])
    }

    @Test("every problem of both files is reported at once")
    func everyProblemAtOnce() {
        let profile = testProfile.replacing(#""size": "medium""#, with: #""size": "huge""#)
        let offer = testOffer(#"{"service": "maatwerk", "level": "hbo", "hours": -5}"#, #"{"service": "llo-pakket-2", "package": "xl", "oops": 1}"#)
        let found = problems(profile: profile, offer: offer)
        #expect(found.map { "\($0.file): \($0.path)" } == [
            "profile.json: branches[1].size",
            "offer.json: lines[0].hours",
            "offer.json: lines[1].oops",
        ])
    }

    @Test("semantic problems of several lines are reported together")
    func severalLines() {
        let offer = testOffer(#"{"service": "dbos-po", "schools": ["lyceum"]}"#, #"{"service": "llo-pakket-1", "branches": ["punt"]}"#,
                              #"{"service": "onbekend"}"#)
        #expect(problems(profile: testProfile, offer: offer).map(\.path.description) == [
            "lines[0].schools[0]", "lines[1].branches[0]", "lines[2].service",
        ])
    }

    @Test("a year without a tariff book cannot be priced")
    func missingBook() {
        let found = problems(profile: testProfile, offer: testOffer(firstYear: 2027, years: 2, #"{"service": "ido"}"#))
        #expect(found == [Diagnostic(file: "fixture/2028.json", path: .root, message: "no tariff book for 2028")])
    }
}

@Suite("Profiles: optional lists")
struct OptionalListTests {
    @Test("a profile without lists is valid; a service that needs one says what is missing")
    func minimalProfile() throws {
        let profile = #"{"code": "testgemeente", "name": "Testgemeente"}"#
        #expect(problems(profile: profile, offer: testOffer(#"{"service": "kleintje-bieb"}"#)) == [])
        #expect(problems(profile: profile, offer: testOffer(#"{"service": "dbos-po"}"#)).map(\.message) == [
            "the profile has no po schools for dbos-po",
        ])
        #expect(problems(profile: profile, offer: testOffer(#"{"service": "ido"}"#)).map(\.message) == [
            "ido is priced per inhabitant, but the profile has no inhabitant count dated on or before 1 January 2025; it has none",
        ])
    }
}
