import Catalogue
import Contracts
import JSON
import Money
import Pricing
import Support
import Testing
import TestSupport

/// A one-year offer for Aa en Hunze, whose seed profile has no parties' data, priced for 2025.
func pricedAaEnHunze() throws -> (PricedOffer, PricingBooks) {
    try pricedSeed(profile: "aa-en-hunze", offer: "aa-en-hunze-leesbevordering")
}

@Suite("Documents: missing parties' data, concepts, illustrative marks and final releases")
struct DocumentReleaseTests {
    @Test("a missing detail shows as a visible [in te vullen] in every format, and the checks name its file and field path")
    func missingDetails() throws {
        let (priced, books) = try pricedAaEnHunze()
        let parties = DocumentParties(organisation: OrganisationSource(), profile: seedProfile("aa-en-hunze"))
        let quote = try DocumentBuilder.quote(priced, books: books, reference: "OFF-2025-001", date: documentDate, parties: parties)
        let agreement = try DocumentBuilder.agreement(priced, books: books, reference: "UVO-2025-001", quoteReference: "OFF-2025-001",
                                                      quoteDate: documentDate, acceptedOn: agreementDate, date: agreementDate, parties: parties)
        let placeholder = "<span class=\"placeholder\">[in te vullen]</span>"
        let quoteHTML = HTMLRenderer.render(quote)
        #expect(quoteHTML.contains("KvK-nummer \(placeholder)"))
        #expect(quoteHTML.contains("Btw-nummer \(placeholder)"))
        let agreementHTML = HTMLRenderer.render(agreement)
        #expect(agreementHTML.contains("<li><strong>Gemeente Aa en Hunze</strong>, met adres \(placeholder), OIN \(placeholder), rechtsgeldig vertegenwoordigd door \(placeholder), \(placeholder), op grond van \(placeholder), hierna: de gemeente</li>"))
        #expect(agreementHTML.contains("De gemeente betaalt op rekening \(placeholder) ten name van \(placeholder)."))
        #expect(MarkdownRenderer.render(agreement).contains(#"**\[in te vullen\]**"#))
        #expect(quote.checks.missing.map(\.path) == ["legalName", "address", "kvk", "vatNumber", "address"])
        #expect(agreement.checks.missing.map(\.path) == ["legalName", "address", "kvk", "iban", "signatory.name", "signatory.function",
                                                         "address", "oin", "signatory.name", "signatory.function", "signatory.mandate"])
        #expect(agreement.checks.missing.last?.source == "the profile of aa-en-hunze")
        let json = try #require(JSONParser.parse(DocumentJSON.encode(agreement)).objectValue)
        #expect(json["checks"]?.objectValue?["missing"]?.arrayValue?.count == 11)
        #expect(json["supplier"]?.objectValue?["kvk"] == .null)
    }

    @Test("a final document with missing details is refused, naming them; a concept is not")
    func finalRefused() throws {
        let (priced, books) = try pricedAaEnHunze()
        let organisation = OrganisationSource(organisation: Organisation(legalName: "Stichting Proefbibliotheek", kvk: "12345678"), file: "organisation.json")
        let quote = try DocumentBuilder.quote(priced, books: books, reference: "OFF-2025-001", date: documentDate,
                                              parties: DocumentParties(organisation: organisation, profile: seedProfile("aa-en-hunze")))
        #expect(quote.checks.problem(for: .final(allowIllustrative: true), document: "the offerte")
            == "the offerte cannot be made final: missing in organisation.json: address, vatNumber; missing in the profile of aa-en-hunze: address; fill in what is missing, or make a concept with --concept")
        #expect(quote.checks.problem(for: .concept, document: "the offerte") == nil)
        let complete = try testQuote(priced, books)
        // The fixtures' organisation is complete and Aa en Hunze's profile lacks its address only.
        #expect(complete.checks.missing.map(\.path) == ["address"])
    }

    @Test("data marked illustrative are marked in every document, and a final one is refused unless they are allowed")
    func illustrativeMarks() throws {
        let (priced, books) = try pricedSeed(profile: "midden-drenthe", offer: "midden-drenthe-volledig")
        let quote = try testQuote(priced, books)
        let agreement = try testAgreement(priced, books)
        let calculation = try testCalculation(priced, books)
        for text in [HTMLRenderer.render(quote), HTMLRenderer.render(agreement), HTMLRenderer.render(calculation),
                     MarkdownRenderer.render(quote), MarkdownRenderer.render(agreement), MarkdownRenderer.render(calculation)] {
            #expect(text.contains("Voorbeeldgegevens: dit document berust op gegevens die als illustratief zijn gemarkeerd"))
            #expect(text.contains("19 scholen (naam en leerlingaantal)"))
            #expect(text.contains("(I)"))
        }
        // The invented schools are marked where they are bound: in the agreement's service levels.
        #expect(HTMLRenderer.render(agreement).contains("<tr><th scope=\"row\">Basisschool Beilen A <span class=\"marker\">(I)</span></th><td class=\"amount\">500</td>"))
        #expect(agreement.checks.illustrative.map(\.english) == ["the municipality's details in the profile of midden-drenthe", "3 branches of the profile",
                                                                 "19 schools of the profile", "4 childcare locations of the profile", "1 consultation bureau of the profile"])
        let problem = try #require(agreement.checks.problem(for: .final(allowIllustrative: false), document: "the agreement"))
        #expect(problem.hasPrefix("the agreement cannot be made final: marked illustrative: the municipality's details in the profile of midden-drenthe; 3 branches"))
        #expect(problem.hasSuffix("(or allow them with --allow-illustrative: the document stays marked), or make a concept with --concept"))
        #expect(agreement.checks.problem(for: .final(allowIllustrative: true), document: "the agreement") == nil)
        let json = try #require(JSONParser.parse(DocumentJSON.encode(agreement)).objectValue)
        #expect(json["checks"]?.objectValue?["illustrative"]?.arrayValue?.contains("19 scholen (naam en leerlingaantal)") == true)
    }

    @Test("a concept carries CONCEPT in its title, its first lines and on every printed page, and states no acceptance")
    func concept() throws {
        let (priced, books) = try pricedMultiYear()
        let quote = try testQuote(priced, books, release: .concept)
        let agreement = try testAgreement(priced, books, release: .concept)
        for html in [HTMLRenderer.render(quote), HTMLRenderer.render(agreement)] {
            #expect(html.contains("<title>CONCEPT — "))
            #expect(html.contains("<p class=\"notice concept\">CONCEPT — dit is een concept van"))
            #expect(html.contains("@top-center {\n    content: \"CONCEPT — niet ter ondertekening\";"))
            #expect(html.contains("Concept — niet ter ondertekening. Een concept bevat geen aanvaarding"))
            for statement in ["aanvaard;", "Aldus overeengekomen", "Voor akkoord: door ondertekening aanvaardt"] {
                #expect(!html.contains(statement), "a concept states \(statement)")
            }
        }
        #expect(agreement.acceptedOn == nil)
        #expect(agreement.considerations[2] == "deze overeenkomst volgt op offerte OFF-2025-001 van 21 november 2025;")
        #expect(MarkdownRenderer.render(quote).hasPrefix("# Offerte (CONCEPT)\n"))
        #expect(MarkdownRenderer.render(agreement).hasPrefix("# Uitvoeringsovereenkomst (CONCEPT)\n"))
        #expect(HTMLRenderer.render(quote).contains("Dit is een concept en kan niet worden aanvaard."))
        let json = try #require(JSONParser.parse(DocumentJSON.encode(agreement)).objectValue)
        #expect(json["status"] == "concept" && json["acceptedOn"] == .null)
        // A final document has none of it.
        let final = HTMLRenderer.render(try testAgreement(priced, books))
        #expect(!final.contains("CONCEPT") && final.contains("de gemeente die offerte op 15 december 2025 heeft aanvaard;"))
    }

    @Test("the agreement states the day the quote was accepted, not the day it was issued")
    func acceptanceDate() throws {
        let (priced, books) = try pricedAaEnHunze()
        let accepted = CalendarDate(year: 2025, month: 12, day: 3)!
        let agreement = try DocumentBuilder.agreement(priced, books: books, reference: "UVO-2025-001", quoteReference: "OFF-2025-001",
                                                      quoteDate: documentDate, acceptedOn: accepted, date: agreementDate,
                                                      parties: testParties(priced), release: .final(allowIllustrative: true))
        #expect(agreement.considerations[2] == "de bibliotheek op 21 november 2025 offerte OFF-2025-001 heeft uitgebracht en de gemeente die offerte op 3 december 2025 heeft aanvaard;")
        let json = try #require(JSONParser.parse(DocumentJSON.encode(agreement)).objectValue)
        #expect(json["quoteDate"] == "2025-11-21" && json["acceptedOn"] == "2025-12-03" && json["date"] == "2025-12-15")
    }

    @Test("a document never promises a date before its own: the proposal for the next term then has no date")
    func noPastPromise() throws {
        let (priced, books) = try pricedAaEnHunze()
        let (multiYear, multiYearBooks) = try pricedMultiYear()
        let early = try testAgreement(multiYear, multiYearBooks)
        #expect(early.articles[1].paragraphs[1].contains("uiterlijk 1 april 2027 een voorstel"))
        let late = CalendarDate(year: 2025, month: 6, day: 1)!
        let agreement = try DocumentBuilder.agreement(priced, books: books, reference: "UVO-2025-001", quoteReference: "OFF-2025-001",
                                                      quoteDate: late, acceptedOn: nil, date: late, parties: testParties(priced))
        #expect(agreement.articles[1].paragraphs[1].contains("De bibliotheek doet daarvoor zo spoedig mogelijk een voorstel"))
        // Every "uiterlijk <date>" in the text lies after the document's date.
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        for paragraph in agreement.articles.flatMap(\.paragraphs) {
            for match in paragraph.matches(of: /uiterlijk (\d{1,2}) ([a-z]+) (\d{4})/) {
                let promised = try #require(CalendarDate(year: Int(match.3)!, month: (months.firstIndex(of: String(match.2)) ?? 0) + 1, day: Int(match.1)!))
                #expect(promised > late, "\(paragraph)")
            }
        }
    }

    @Test("the agreement is a subsidy agreement: subsidy wording, never that of a purchase")
    func subsidyWording() throws {
        let (priced, books) = try pricedSeed(profile: "midden-drenthe", offer: "midden-drenthe-volledig")
        for text in [HTMLRenderer.render(try testQuote(priced, books)), HTMLRenderer.render(try testAgreement(priced, books))] {
            for word in ["opdrachtgever", "opdrachtnemer", "prijs voor geleverde diensten", "levert de gemeente"] {
                #expect(!text.lowercased().contains(word), "found \(word)")
            }
            #expect(text.contains("subsidie"))
        }
        let agreement = try testAgreement(priced, books)
        // Recitals in subordinate word order: each is a clause after "Overwegende dat".
        #expect(agreement.considerations.allSatisfy { $0.hasPrefix("de ") || $0.hasPrefix("deze ") || $0.hasPrefix("partijen ") })
        #expect(agreement.considerations[0].hasSuffix("aan een openbare bibliotheek toekent;"))
        #expect(agreement.articles.map(\.title) == [
            "Begrippen, onderwerp en grondslag", "Looptijd", "Activiteiten en prestaties", "Subsidiebedrag", "Indexatie",
            "Voorschotten en betaling", "Verantwoording en vaststelling", "Wijzigingen", "Beëindiging",
            "Aansprakelijkheid, overmacht en privacy", "Overleg en contactpersonen", "Geschillen en toepasselijk recht",
        ])
        // The projection is explained once in the agreement.
        let html = HTMLRenderer.render(agreement)
        #expect(html.ranges(of: "jaarlijks geïndexeerd met lonen").count <= 1)
    }
}

@Suite("Documents through the lifecycle: final releases refused, concepts and acceptance dates stored")
struct DocumentLifecycleTests {
    @Test("issue and accept refuse a final document on missing or illustrative data, store nothing, and make concepts")
    func releases() throws {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: nil, lines: try lines(#"{"service": "dbos-po"}"#))
        let issued = CalendarDate(year: 2024, month: 11, day: 21)!
        do {
            _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issued, release: .final(allowIllustrative: true))
            Issue.record("a final offerte without the library's details was issued")
        } catch {
            #expect(error.description.hasPrefix("the offerte of offer 1 (OFF-2025-001 versie 1) cannot be made final: missing in organisation.json (no such file was given or found): legalName, address, kvk, vatNumber"))
        }
        #expect(try store.offer(offer.id)?.status == .draft)
        #expect(try store.quote(offerID: offer.id) == nil)
        do {
            _ = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issued, organisation: testOrganisation,
                                         release: .final(allowIllustrative: false))
            Issue.record("a final offerte on illustrative schools was issued")
        } catch {
            #expect(error.description.contains("marked illustrative: the municipality's details in the profile of midden-drenthe; 18 schools of the profile"))
        }
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: issued, organisation: testOrganisation,
                                             release: .final(allowIllustrative: true))
        #expect(!quote.html.contains("CONCEPT") && quote.html.contains("(I)"))
        let accepted = CalendarDate(year: 2024, month: 12, day: 3)!
        #expect(throws: LifecycleError.self) { _ = try OfferLifecycle.accept(offer.id, store: store, date: accepted, release: .final(allowIllustrative: true)) }
        #expect(try store.offer(offer.id)?.status == .issued)
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: accepted, organisation: testOrganisation, release: .concept)
        #expect(agreement.html.contains("<title>CONCEPT — Uitvoeringsovereenkomst UVO-2025-001"))
        #expect(!agreement.html.contains("heeft aanvaard"))
    }

    @Test("the stored agreement states the acceptance date given to accept, and the rekenbijlage is rebuilt from the frozen quote")
    func acceptanceAndCalculation() throws {
        let (_, library) = try scratchLibrary()
        let store = try seededStore()
        let offer = try store.createOffer(municipality: "midden-drenthe", firstYear: 2025, years: 1, title: nil,
                                          lines: try lines(#"{"service": "ido"}"#, #"{"service": "boekstartcoach", "consultationBureaus": ["cb-westerbork"]}"#))
        let quote = try OfferLifecycle.issue(offer.id, store: store, library: library, assumptions: assumed, date: CalendarDate(year: 2024, month: 11, day: 21)!,
                                             organisation: testOrganisation, release: .final(allowIllustrative: true))
        let agreement = try OfferLifecycle.accept(offer.id, store: store, date: CalendarDate(year: 2024, month: 12, day: 9)!, organisation: testOrganisation,
                                                  release: .final(allowIllustrative: true))
        #expect(agreement.html.contains("de bibliotheek op 21 november 2024 offerte OFF-2025-001-v1 heeft uitgebracht en de gemeente die offerte op 9 december 2024 heeft aanvaard;"))
        let calculation = try OfferLifecycle.calculation(quote, store: store, belongsTo: "offerte \(quote.reference)", date: quote.issuedOn)
        #expect(calculation.annexes.flatMap(\.lines).map(\.subject) == ["Consultatiebureau Westerbork", nil])
        #expect(calculation.totals.last?.municipality == quote.totals.municipality)
        // Book hashes in the agreement are those the quote froze.
        #expect(quote.years.allSatisfy { agreement.html.contains($0.bookHash) })
    }
}
