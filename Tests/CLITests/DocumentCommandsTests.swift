#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Catalogue
import JSON
import Support
import Testing
import TestSupport

/// A scratch database with Midden-Drenthe (parties' data and schools marked illustrative) and
/// Meppel (no parties' data), and a draft offer for each: offer 1 for Midden-Drenthe, 2 for Meppel.
private func draftOffers() -> (db: [String], directory: String) {
    let directory = temporaryDirectory(prefix: "documents")
    let db = ["--db", directory + "/catalogue.sqlite"]
    let seeds = repositoryRoot + "/seeds/municipalities/"
    _ = run(["municipality", "import", seeds + "midden-drenthe.json", seeds + "meppel.json"] + db)
    _ = run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db)
    _ = run(["offer", "add", "1", "--service", "dbos-po"] + db)
    _ = run(["offer", "create", "--municipality", "meppel", "--first-year", "2025", "--years", "1"] + db)
    _ = run(["offer", "add", "2", "--service", "ido"] + db)
    return (db, directory)
}

/// Runs the tool in-process with `variables` as its environment (no organisation unless given).
private func run(_ arguments: [String], variables: [String: String]) -> CommandResult {
    CLI.run(arguments: arguments, environment: CLIEnvironment(defaultTariffsDirectory: tariffsDirectory, variables: variables))
}

@Suite("offer issue and accept: final documents, concepts and the organisation's details")
struct DocumentReleaseCommandTests {
    @Test("a final quote on illustrative data is refused with 65 and nothing is stored; --allow-illustrative issues it, still marked")
    func illustrativeRefused() throws {
        let (db, _) = draftOffers()
        let refused = run(["offer", "issue", "1", "--date", "2024-11-21"] + db)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.hasPrefix("Error: the offerte of offer 1 (OFF-2025-001 versie 1) cannot be made final: marked illustrative: the municipality's details in the profile of midden-drenthe; 18 schools of the profile;"))
        #expect(refused.standardError.hasSuffix("or make a concept with --concept\n"))
        #expect(run(["offer", "list"] + db).standardOutput.contains("draft"))
        let issued = run(["offer", "issue", "1", "--date", "2024-11-21", "--allow-illustrative"] + db)
        #expect(issued.exitCode == .success, "\(issued.standardError)")
        let html = run(["quote", "1", "--out", "-"] + db).standardOutput
        #expect(html.contains("Voorbeeldgegevens: dit document berust op gegevens die als illustratief zijn gemarkeerd"))
        #expect(!html.contains("CONCEPT"))
    }

    @Test("missing parties' data: a final quote is refused naming each field; --concept issues a concept marked CONCEPT")
    func missingRefused() throws {
        let (db, _) = draftOffers()
        let refused = run(["offer", "issue", "2", "--date", "2024-11-21", "--allow-illustrative"] + db)
        #expect(refused.exitCode == .dataError)
        #expect(refused.standardError == "Error: the offerte of offer 2 (OFF-2025-002 versie 1) cannot be made final: missing in the profile of meppel: address; fill in what is missing, or make a concept with --concept\n")
        let concept = run(["offer", "issue", "2", "--date", "2024-11-21", "--concept"] + db)
        #expect(concept.exitCode == .success, "\(concept.standardError)")
        let html = run(["quote", "2", "--out", "-"] + db).standardOutput
        #expect(html.contains("<title>CONCEPT — Offerte OFF-2025-002-v1"))
        #expect(html.contains("<span class=\"placeholder\">[in te vullen]</span>"))
        // Accepting a concept quote makes a final agreement only when its data allow it.
        let accept = run(["offer", "accept", "2", "--date", "2024-12-01"] + db)
        #expect(accept.exitCode == .dataError)
        #expect(accept.standardError.contains("missing in the profile of meppel: address, oin, signatory.name, signatory.function, signatory.mandate"))
        let conceptAgreement = run(["offer", "accept", "2", "--date", "2024-12-01", "--concept"] + db)
        #expect(conceptAgreement.exitCode == .success, "\(conceptAgreement.standardError)")
        let agreement = run(["contract", "UVO-2025-001", "--out", "-", "--format", "markdown"] + db).standardOutput
        #expect(agreement.hasPrefix("# Uitvoeringsovereenkomst (CONCEPT)\n"))
        #expect(!agreement.contains("heeft aanvaard"))
    }

    @Test("--concept and --allow-illustrative exclude each other (64); a bad organisation file is 65 with its field path, a missing one 66")
    func usage() throws {
        let (db, directory) = draftOffers()
        let both = run(["offer", "issue", "1", "--date", "2024-11-21", "--concept", "--allow-illustrative"] + db)
        #expect(both.exitCode == .usage)
        #expect(both.standardError.hasPrefix("Error: '--concept' and '--allow-illustrative' exclude each other"))
        let bad = directory + "/organisation.json"
        writeFile(bad, #"{"legalName": "Stichting X", "iban": "NL92ABNA0417164300", "kvk": "123"}"#)
        let invalid = run(["offer", "issue", "1", "--date", "2024-11-21", "--concept", "--organisation", bad] + db)
        #expect(invalid.exitCode == .dataError)
        #expect(invalid.standardError == "Error: 2 problems in \(bad):\n  kvk: expected a KvK number of exactly 8 digits like \"01234567\", found \"123\"\n"
            + "  iban: the IBAN \"NL92ABNA0417164300\" fails its check digits (ISO 7064 mod 97); look for a typing error\n")
        let missing = run(["offer", "issue", "1", "--date", "2024-11-21", "--concept", "--organisation", directory + "/none.json"] + db)
        #expect(missing.exitCode == .cannotReadInput)
        #expect(run(["offer", "list"] + db).standardOutput.contains("draft"))
    }

    @Test("the organisation: --organisation over $CATALOGUE_ORGANISATION over organisation.json in the working directory")
    func precedence() throws {
        let (db, directory) = draftOffers()
        let other = directory + "/other.json"
        writeFile(other, #"{"legalName": "Stichting Optie"}"#)
        let variable = ["CATALOGUE_ORGANISATION": fixtureOrganisationFile]
        #expect(run(["offer", "issue", "2", "--date", "2024-11-21", "--concept", "--organisation", other] + db, variables: variable).exitCode == .success)
        #expect(run(["quote", "2", "--out", "-"] + db).standardOutput.contains("<p class=\"supplier\">Stichting Optie</p>"))
        #expect(run(["offer", "issue", "1", "--date", "2024-11-21", "--allow-illustrative"] + db, variables: variable).exitCode == .success)
        #expect(run(["quote", "1", "--out", "-"] + db).standardOutput.contains("Stichting Proefbibliotheek"))
        let empty = run(["offer", "accept", "1", "--date", "2024-12-01"] + db, variables: ["CATALOGUE_ORGANISATION": ""])
        #expect(empty.exitCode == .cannotReadInput)
        #expect(empty.standardError == "Error: cannot read $CATALOGUE_ORGANISATION: it is set but empty; name a file or unset it\n")
    }

    @Test("the rekenbijlage is written on request for a stored quote, an agreement and from files, never in the signed documents")
    func rekenbijlage() throws {
        let (db, directory) = draftOffers()
        #expect(run(["offer", "issue", "1", "--date", "2024-11-21", "--allow-illustrative"] + db).exitCode == .success)
        #expect(run(["offer", "accept", "1", "--date", "2024-12-01", "--allow-illustrative"] + db).exitCode == .success)
        let file = directory + "/rekenbijlage.html"
        let written = run(["quote", "1", "--rekenbijlage", "--out", file] + db)
        #expect(written.standardOutput == "Wrote rekenbijlage to \(file).\n")
        let html = try #require(readFile(file))
        #expect(html.contains("<h1>Rekenbijlage</h1>") && html.contains("<span class=\"label\">Bij:</span> offerte OFF-2025-001-v1"))
        #expect(html.contains("Basisschool Beilen A") && html.contains("Prijs per eenheid"))
        let json = run(["contract", "UVO-2025-001", "--rekenbijlage", "--out", "-", "--format", "json"] + db).standardOutput
        let parsed = try #require(try JSONParser.parse(json).objectValue)
        #expect(parsed["kind"] == "rekenbijlage" && parsed["belongsTo"] == "uitvoeringsovereenkomst UVO-2025-001")
        for signed in [run(["quote", "1", "--out", "-"] + db).standardOutput, run(["contract", "UVO-2025-001", "--out", "-"] + db).standardOutput] {
            #expect(!signed.contains("Prijs per eenheid"))
        }
        let profile = repositoryRoot + "/seeds/municipalities/aa-en-hunze.json"
        let offer = repositoryRoot + "/seeds/offers/aa-en-hunze-leesbevordering.offer.json"
        let stateless = run(["quote", "--rekenbijlage", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", "-", "--format", "markdown"])
        #expect(stateless.standardOutput.hasPrefix("# Rekenbijlage\n"))
        #expect(stateless.standardOutput.contains("- Bij: offerte CONCEPT"))
        // A document made from files is a concept: it states no acceptance.
        let contract = run(["contract", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", "-"])
        #expect(contract.standardOutput.contains("<title>CONCEPT — Uitvoeringsovereenkomst CONCEPT"))
        #expect(!contract.standardOutput.contains("aanvaard;") && !contract.standardOutput.contains("de offerte CONCEPT"))
    }
}

/// The demo's documents, made once by the built tool from the repository root.
private let demoDocuments: (directory: String, exit: Int32, standardError: String) = {
    let directory = temporaryDirectory(prefix: "demo-documents")
    let (exit, errors) = runTool(["demo", "--out", directory, "--tariffs", tariffsDirectory], in: repositoryRoot)
    return (directory, exit, errors)
}()

/// The demo's documents for people: the offerte, the agreement and the rekenbijlage in HTML and Markdown.
private let demoTexts = ["offerte-midden-drenthe.html", "offerte-midden-drenthe.md", "uitvoeringsovereenkomst-midden-drenthe.html",
                         "uitvoeringsovereenkomst-midden-drenthe.md", "rekenbijlage-midden-drenthe.html", "rekenbijlage-midden-drenthe.md"]

/// Whether `code` stands in `text` as a word of its own (not part of a longer word or code).
func containsCode(_ text: String, _ code: String) -> Bool {
    let isCodeCharacter: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" || $0 == "_" }
    for range in text.ranges(of: code) {
        let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
        let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
        if !(before.map(isCodeCharacter) ?? false) && !(after.map(isCodeCharacter) ?? false) { return true }
    }
    return false
}

@Suite("The demo's documents: plain Dutch and compact")
struct DemoDocumentTests {
    @Test("no service code, tariff id, subject id or line number in any document for people")
    func noInternalCodes() throws {
        #expect(demoDocuments.exit == 0, "\(demoDocuments.standardError)")
        let book = try TariffBookLoader.load(bytes: try FileSystem.readFile(tariffsDirectory + "/2025.json"), file: "2025.json", expectedYear: 2025)
        let profile = try JSONParser.parse(try FileSystem.readFile(repositoryRoot + "/seeds/municipalities/midden-drenthe.json"))
        var codes = book.services.map(\.code) + book.allTariffs.map(\.id)
        for field in ["branches", "schools", "childcareLocations", "consultationBureaus"] {
            codes += (profile.objectValue?[field]?.arrayValue ?? []).compactMap { $0.objectValue?["id"]?.stringValue }
        }
        // A code that is also a word of the catalogue's own Dutch text ("Collectie op school met
        // thuislezen") is read as that word, not as a code.
        let dutch = book.services.flatMap { service in
            [service.name, service.description] + service.components.map(\.name) + service.serviceLevels.map(\.name)
        }.joined(separator: " ")
        codes.removeAll { containsCode(dutch, $0) }
        #expect(codes.count > 80)
        for name in demoTexts {
            let text = try #require(readFile(demoDocuments.directory + "/" + name), "\(name) was not written")
            let found = codes.filter { containsCode(text, $0) }
            #expect(found.isEmpty, "\(name) names \(found)")
            #expect(text.firstMatch(of: /[Rr]egel \d/) == nil, "\(name) names a line number")
            #expect(!text.contains("€ "), "\(name) breaks a line between € and an amount")
        }
    }

    @Test("printed by headless Chromium: the offerte at most 8 A4 pages, the agreement at most 10; a concept has CONCEPT on every page")
    func pageCounts() throws {
        let candidates: [String] = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let chromium = candidates.first(where: { path in access(path, X_OK) == 0 }),
              access("/usr/bin/pdfinfo", X_OK) == 0 else {
            if getenv("CATALOGUE_SKIP_CHROMIUM") == nil {
                Issue.record("headless Chromium (and poppler-utils' pdfinfo) are needed to count pages; set CATALOGUE_SKIP_CHROMIUM=1 to skip")
            }
            return
        }
        #expect(demoDocuments.exit == 0, "\(demoDocuments.standardError)")
        let limits: [(name: String, pages: Int)] = [("offerte-midden-drenthe", 8), ("uitvoeringsovereenkomst-midden-drenthe", 10)]
        for (name, limit) in limits {
            let pages = try #require(printedPages(chromium, demoDocuments.directory + "/\(name).html"))
            #expect(pages.count <= limit, "\(name): \(pages.count) pages")
            #expect(pages.count >= 2)
            #expect(pages.allSatisfy { page in !page.contains("CONCEPT") })
        }
        let concept = temporaryDirectory(prefix: "demo-concept")
        #expect(runTool(["demo", "--out", concept, "--tariffs", tariffsDirectory, "--concept"], in: repositoryRoot).exit == 0)
        for name in ["offerte-midden-drenthe", "uitvoeringsovereenkomst-midden-drenthe"] {
            let pages = try #require(printedPages(chromium, concept + "/\(name).html"))
            for (index, page) in pages.enumerated() {
                #expect(page.contains("CONCEPT"), "page \(index + 1) of the concept \(name) has no CONCEPT mark")
            }
        }
    }

    /// Runs a shell script and returns its exit status.
    private func shell(_ script: String) -> Int32 {
        let pid = spawnShell(script)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (status >> 8) & 0xFF
    }

    /// `html` printed to PDF by headless Chromium: the number of pages `pdfinfo` counts, and the
    /// text of each page (`pdftotext` separates pages by form feeds); nil when printing fails.
    private func printedPages(_ chromium: String, _ html: String) -> [String]? {
        let pdf = html + ".pdf"
        let text = html + ".txt"
        let info = html + ".info"
        let print = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", html]
        guard shell("timeout 120 " + print.map(shellQuoted).joined(separator: " ") + " >/dev/null 2>&1") == 0,
              shell("pdfinfo \(shellQuoted(pdf)) > \(shellQuoted(info)) && pdftotext -layout \(shellQuoted(pdf)) \(shellQuoted(text))") == 0,
              let pagesLine = readFile(info)?.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let count = Int(pagesLine.dropFirst("Pages:".count).filter { $0 != " " }),
              let content = readFile(text) else { return nil }
        let pages = content.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        // pdftotext ends every page with a form feed, so the text after the last one is empty.
        #expect(pages.count == count + 1 && pages.last?.allSatisfy(\.isWhitespace) == true)
        return Array(pages.prefix(count))
    }
}
