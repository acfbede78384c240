import Catalogue
import JSON
import Money
import Pricing
import Support
import Testing
import TestSupport

/// A stored offer is priced as typed values: its lines decode without the books, and the typed
/// request makes exactly the checks and the prices of the same offer read from a file.
@Suite("typed offer lines: decoded once, encoded once, priced like a file")
struct TypedLineTests {
    /// The file's offer decoded without the books (as the store decodes it), or nil when its
    /// shape is wrong before any book is consulted.
    private func typed(_ offer: String) -> Offer? {
        guard let json = try? JSONParser.parse(offer) else { return nil }
        return try? OfferLoader.load(json: json, file: "offer.json", lineNumberFields: nil)
    }

    private func typedProblems(profile: String, offer: Offer) -> [Diagnostic] {
        do {
            _ = try PricingRequestLoader.load(profileBytes: Array(profile.utf8), profileFile: "profile.json", offer: offer,
                                              offerFile: "offer.json", books: booksFor)
            return []
        } catch {
            guard case .invalid(let diagnostics) = error else { return [Diagnostic(file: "?", path: .root, message: error.description)] }
            return diagnostics
        }
    }

    @Test("every refused offer that decodes without the books is refused typed with the same problems", arguments: inputErrorCases)
    func sameProblems(_ testCase: InputErrorCase) {
        guard let offer = typed(testCase.offer) else { return }
        #expect(typedProblems(profile: testCase.profile, offer: offer) == problems(profile: testCase.profile, offer: testCase.offer))
    }

    @Test("most refused offers are refused by the books or the profile, not by their shape, so the comparison above has cases")
    func comparisonHasCases() {
        let decoding = inputErrorCases.filter { typed($0.offer) != nil }
        #expect(decoding.count >= 30, "\(decoding.count) of \(inputErrorCases.count)")
    }

    @Test("the seed offers price to the same cents typed as from their files")
    func samePrices() throws {
        for (profileName, offerName) in [("midden-drenthe", "midden-drenthe-basis"), ("midden-drenthe", "midden-drenthe-volledig"),
                                         ("aa-en-hunze", "aa-en-hunze-leesbevordering")] {
            let profile = try #require(readFile(repositoryRoot + "/seeds/municipalities/\(profileName).json"))
            var offerText = try #require(readFile(repositoryRoot + "/seeds/offers/\(offerName).offer.json"))
            // The fixture books are 2025 and 2026; price the seed's lines in those years.
            let offer = try #require(typed(offerText))
            offerText = JSONWriter.write(OfferEncoder.json(Offer(municipality: offer.municipality, firstYear: 2025, years: 2, lines: offer.lines)))
            let fromFile = try price(profile: profile, offer: offerText)
            let request = try PricingRequestLoader.load(profileBytes: Array(profile.utf8), profileFile: "profile.json",
                                                        offer: try #require(typed(offerText)), offerFile: "offer.json", books: booksFor)
            let fromTyped = try PricingEngine.price(request.offer, books: request.books)
            #expect(PricedOfferJSON.encode(fromTyped) == PricedOfferJSON.encode(fromFile), "\(offerName)")
            #expect(fromTyped.totals.municipality.cents > 0)
        }
    }

    @Test("a line encodes and decodes back to itself, whatever fields it has")
    func roundTrip() throws {
        let texts = [
            #"{"service": "maatwerk", "level": "hbo", "hours": 40.5, "description": "Leesplan"}"#,
            #"{"service": "dbos-po", "schools": ["a", "b"], "startYear": 2026, "runningSince": 2019}"#,
            #"{"service": "gezinsaanpak", "quotes": [{"amount": "7500.00", "recurrence": "one-off", "description": "X"}]}"#,
            #"{"service": "verhalenbrink", "quote": {"component": "k", "amount": "12.50", "recurrence": "annual", "description": "Y"}}"#,
            #"{"service": "boekstartcoach", "hoursPerWeek": 4, "bookField": 3}"#,
        ]
        for text in texts {
            let line = try OfferLoader.line(json: try JSONParser.parse(text), file: "line")
            #expect(try OfferLoader.line(json: OfferEncoder.lineJSON(line), file: "line") == line, "\(text)")
            #expect(OfferEncoder.lineJSON(line) == (try JSONParser.parse(text)) || text.contains("40.5") || text.contains("bookField"), "\(text)")
        }
        let bookField = try OfferLoader.line(json: try JSONParser.parse(texts[4]), file: "line")
        #expect(bookField.numbers["bookField"] == Quantity(3))
    }

    @Test("a number field the books do not name is refused when priced, at its line and with a suggestion")
    func unknownNumberField() throws {
        let line = try OfferLoader.line(json: try JSONParser.parse(#"{"service": "maatwerk", "level": "hbo", "hourz": 40}"#), file: "line")
        let offer = Offer(municipality: "testgemeente", firstYear: 2025, years: 1, lines: [OfferLine(service: "ido"), line])
        let found = typedProblems(profile: testProfile, offer: offer)
        #expect(found.map(\.path.description) == ["lines[1].hourz"])
        #expect(found.first?.message == #"unknown field "hourz"; did you mean "hours"?"#)
    }

    @Test("a line that is not a line is refused with its path")
    func notALine() {
        for (text, path) in [(#"{"service": "ido", "hours": "veel"}"#, "hours"), (#"{"hours": 4}"#, "$"), ("[1]", "$")] {
            do {
                _ = try OfferLoader.line(json: try JSONParser.parse(text), file: "line")
                Issue.record("\(text) decoded as a line")
            } catch let error as InputError {
                guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); continue }
                #expect(diagnostics.first?.path.description == path, "\(text)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
