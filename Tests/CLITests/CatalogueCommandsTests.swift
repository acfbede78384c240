@testable import catalogue_cli
import Catalogue
import JSON
import Testing
import TestSupport

@Suite("services and service")
struct CatalogueCommandsTests {
    @Test("services prints the whole catalogue of the latest fixture book (2025) with Dutch amounts")
    func servicesTable() {
        let result = run(["services"])
        #expect(result.exitCode == .success)
        #expect(result.standardError == "")
        expectGolden(result.standardOutput, "services-2025.txt")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Bijdrage per vestiging: Grote bibliotheek") && $0.contains("€ 95.116,00") })
        #expect(lines.contains { $0.contains("Bijdrage per inwoner (specifieke uitkering IDO)") && $0.contains("€ 0,83") })
        #expect(lines.contains { $0.contains("Implementatie (16 uur educatiemedewerker)") && $0.contains("€ 912,00") && $0.contains("= 16 × uurtarief-mbo") })
        #expect(lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }.count == 21)
    }

    @Test("services --format json lists code, name, tier, wsob and amounts in the money form")
    func servicesJSON() throws {
        let result = run(["services", "--format", "json", "--year", "2025"])
        #expect(result.exitCode == .success)
        let root = try JSONParser.parse(result.standardOutput)
        let services = try #require(root.objectValue?["services"]?.arrayValue)
        #expect(services.count == 21)
        let first = try #require(services.first?.objectValue)
        #expect(first["code"] == .string("robuuste-bibliotheek"))
        #expect(first["tier"] == .string("basis"))
        #expect(first["wsob"] == .array([1, 3, 5].map { .number(JSONNumber(integer: $0)) }))
        let components = try #require(first["components"]?.arrayValue)
        let options = try #require(components.first?.objectValue?["options"]?.arrayValue)
        #expect(options.first?.objectValue?["amount"] == .string("95116.00"))
        #expect(components[1].objectValue?["amount"] == .string("11.19"))
        #expect(root.objectValue?["tariffBook"]?.objectValue?["status"] == .string("published"))
        // Deterministic: a second run is byte-identical.
        #expect(run(["services", "--format", "json", "--year", "2025"]).standardOutput == result.standardOutput)
    }

    @Test("--tier filters: 8 Basis and 13 Basis Plus services")
    func tierFilter() throws {
        for (tier, count) in [("basis", 8), ("basis-plus", 13)] {
            let result = run(["services", "--tier", tier, "--format", "json"])
            let services = try #require(try JSONParser.parse(result.standardOutput).objectValue?["services"]?.arrayValue)
            #expect(services.count == count)
            #expect(services.allSatisfy { $0.objectValue?["tier"] == .string(tier) })
        }
    }

    @Test("service dbos-po shows tariffs, service levels, rules and the school agreement")
    func serviceTable() {
        let result = run(["service", "dbos-po"])
        #expect(result.exitCode == .success)
        expectGolden(result.standardOutput, "service-dbos-po.txt")
        #expect(result.standardOutput.contains("€ 73,55"))
        #expect(result.standardOutput.contains("excl. 9% VAT"))
        #expect(result.standardOutput.contains("125+ pupils"))
        #expect(result.standardOutput.contains("only for po schools"))
    }

    @Test("service --format json carries the service levels and the formula of derived tariffs")
    func serviceJSON() throws {
        let result = run(["service", "leesklik", "--format", "json"])
        #expect(result.exitCode == .success)
        let root = try #require(try JSONParser.parse(result.standardOutput).objectValue)
        let components = try #require(root["components"]?.arrayValue)
        #expect(components.map { $0.objectValue?["amount"] } == ["912.00", "3870.00", "4756.00", "582.00"].map { .string($0) })
        #expect(components[0].objectValue?["formula"] == .string("16 * uurtarief-mbo"))
        #expect(root["targetGroup"] == .string("Kinderen van 1,5 tot 4 jaar en hun ouders"))
    }

    @Test("without a tariffs directory the books bundled into the tool are used: those of tariffs/, whichever they are")
    func bundledFallback() throws {
        let published = repositoryRoot + "/tariffs"
        let latest = try #require(try TariffLibrary.open(directory: published).latestYear)
        let result = run(["services", "--format", "json"], defaultTariffs: "/nonexistent-directory")
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.contains("\"file\": \"(bundled)/\(latest).json\""))
        let fromDirectory = run(["services", "--format", "json"], defaultTariffs: published)
        #expect(fromDirectory.standardOutput.contains("\"file\": \"\(published)/\(latest).json\""))
        #expect(result.standardOutput == fromDirectory.standardOutput.replacing("\(published)/", with: "(bundled)/"))
    }
}

@Suite("Usage errors, input errors and help")
struct CLIErrorTests {
    @Test("usage errors exit 64 with Error, Usage and a pointer to --help", arguments: [
        (["servics"], "Error: unknown command 'servics'; did you mean 'service' or 'services'?"),
        (["services", "--tier", "gold"], "Error: '--tier' expects 'basis' or 'basis-plus', found 'gold'"),
        (["services", "--format", "xml"], "Error: '--format' expects 'table' or 'json', found 'xml'"),
        (["services", "--yaer", "2025"], "Error: unknown option '--yaer'; did you mean '--year'?"),
        (["services", "--year"], "Error: missing value for '--year <year>'"),
        (["services", "--year", "twenty"], "Error: '--year' expects a year from 2000 to 2999, like 2026, found 'twenty'"),
        (["service"], "Error: missing argument <code>"),
        (["service", "dbos"], "Error: no service 'dbos' in the 2025 catalogue; did you mean 'dbos-po' or 'dbos-vo'?"),
        (["service", "dbos-po", "extra"], "Error: unexpected argument 'extra'"),
        (["tariffs", "validat"], "Error: unknown subcommand 'validat'; did you mean 'validate'?"),
    ])
    func usageError(arguments: [String], firstLine: String) {
        let result = run(arguments)
        #expect(result.exitCode == .usage)
        #expect(result.standardOutput == "")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == firstLine)
        #expect(lines.count >= 3 && lines[1].hasPrefix("Usage: catalogue-cli"))
        #expect(lines.last?.hasPrefix("See 'catalogue-cli") == true)
    }

    @Test("a year without a book exits 66 and lists the years there are")
    func missingYear() {
        let result = run(["services", "--year", "2031"])
        #expect(result.exitCode == .cannotReadInput)
        #expect(result.standardError == "Error: cannot read \(tariffsDirectory)/2031.json: no tariff book for 2031 in \(tariffsDirectory) (available: 2025)\n")
    }

    @Test("a missing --tariffs directory exits 66")
    func missingDirectory() {
        let result = run(["services", "--tariffs", "/nonexistent-directory"])
        #expect(result.exitCode == .cannotReadInput)
        #expect(result.standardError == "Error: cannot read /nonexistent-directory: no such directory\n")
    }

    @Test("a broken book exits 65 with every problem, and nothing on standard output")
    func brokenBook() throws {
        let directory = temporaryDirectory()
        let original = try #require(readFile(tariffsDirectory + "/2025.json"))
        let broken = original
            .replacing("\"amount\": \"95116.00\"", with: "\"amount\": \"95116,00\"")
            .replacing("\"basis\": \"per-inhabitant\"", with: "\"basis\": \"per-resident\"")
        writeFile(directory + "/2025.json", broken)
        let result = run(["services", "--tariffs", directory])
        #expect(result.exitCode == .dataError)
        #expect(result.standardOutput == "")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == "Error: 4 problems in \(directory)/2025.json:")
        #expect(lines.contains("  services[0].components[0].options[0].amount: expected an amount with a dot and exactly two decimals like \"95116.00\", found \"95116,00\""))
        #expect(lines.contains { $0.hasPrefix("  services[0].components[1].basis: unknown basis \"per-resident\"") })
        #expect(lines.contains { $0.hasPrefix("  services[18].components[0].basis: unknown basis \"per-resident\"") })

        let validate = run(["tariffs", "validate", directory + "/2025.json"])
        #expect(validate.exitCode == .dataError)
        #expect(validate.standardError == result.standardError)
    }

    @Test("tariffs validate accepts the books of the default directory (the fixtures: 2025 only)")
    func validateGood() {
        let result = run(["tariffs", "validate"])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput == "\(tariffsDirectory)/2025.json: valid tariff book for 2025: 21 services, 46 tariffs (12 derived)\n")
    }

    @Test("help for every command, and no arguments shows the overview", arguments: [
        (["--help"], "help-root.txt"),
        ([], "help-root.txt"),
        (["services", "--help"], "help-services.txt"),
        (["service", "--help"], "help-service.txt"),
        (["tariffs", "--help"], "help-tariffs.txt"),
        (["tariffs", "validate", "--help"], "help-tariffs-validate.txt"),
        (["tariffs", "index", "--help"], "help-tariffs-index.txt"),
        (["tariffs", "diff", "--help"], "help-tariffs-diff.txt"),
        (["tariffs", "show", "--help"], "help-tariffs-show.txt"),
        (["price", "--help"], "help-price.txt"),
        (["compose", "--help"], "help-compose.txt"),
        (["compare", "--help"], "help-compare.txt"),
        (["demo", "--help"], "help-demo.txt"),
        (["offer", "--help"], "help-offer.txt"),
        (["offer", "add", "--help"], "help-offer-add.txt"),
        (["municipality"], "help-municipality.txt"),
        (["quote", "--help"], "help-quote.txt"),
        (["contract", "--help"], "help-contract.txt"),
        (["contract", "amend", "--help"], "help-contract-amend.txt"),
        (["contract", "show", "--help"], "help-contract-show.txt"),
        (["contract", "notices", "--help"], "help-contract-notices.txt"),
        (["contract", "renew", "--help"], "help-contract-renew.txt"),
        (["help", "services"], "help-services.txt"),
    ])
    func help(arguments: [String], golden: String) {
        let result = run(arguments)
        #expect(result.exitCode == .success)
        expectGolden(result.standardOutput, golden)
    }
}

