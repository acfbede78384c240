@testable import catalogue_cli
import Contracts
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A store with something in it for every command to find: the seed municipalities, an issued
/// and accepted offer (agreement UVO-2025-001) and a draft offer, in a scratch directory.
struct ArgumentFuzzWorld {
    let directory: String
    let database: String
    let tariffs: String

    init() throws {
        directory = temporaryDirectory(prefix: "argument-fuzz")
        database = directory + "/fuzz.sqlite"
        tariffs = makeTariffsDirectory()
        let seeds = repositoryRoot + "/seeds"
        let steps: [[String]] = [
            ["municipality", "import", seeds + "/municipalities/midden-drenthe.json", seeds + "/municipalities/aa-en-hunze.json"],
            ["offer", "create", "--from", seeds + "/offers/midden-drenthe-basis.offer.json"],
            ["offer", "issue", "1", "--allow-illustrative", "--date", "2024-11-21", "--assume-wage", "3.75", "--assume-price", "2.1"],
            ["offer", "accept", "1", "--allow-illustrative", "--date", "2024-12-01"],
            ["offer", "create", "--municipality", "aa-en-hunze", "--first-year", "2026", "--years", "2"],
            ["offer", "add", "2", "--service", "robuuste-bibliotheek"],
        ]
        for step in steps {
            let result = run(step)
            guard result.exitCode == .success else {
                throw WorldError(description: "fuzz world step \(step) failed: \(result.standardError)")
            }
        }
    }

    func run(_ arguments: [String]) -> CommandResult {
        CLI.run(arguments: arguments + ["--db", database],
                environment: CLIEnvironment(defaultTariffsDirectory: tariffs, variables: ["CATALOGUE_NOW": "2026-01-01T00:00:00Z"]))
    }
}

/// A step of making the fuzz world failed.
struct WorldError: Error, CustomStringConvertible {
    var description: String
}

/// Builds random and hostile argument vectors for the declared commands.
struct ArgumentVectorMaker {
    var random: SplitMix64
    let world: ArgumentFuzzWorld

    /// Values that have broken tools before: edges of numbers and the calendar, empty and control
    /// text, Dutch and machine decimals, options where values belong.
    static let hostileValues = [
        "", " ", "0", "-1", "1", "3", "20", "21", "366", "-100", "abc", "1e9", "0x10", "+5", "٣",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999",
        "3,75", "3.75", "1.300", "1.300.000,50", "1,300.00", "€ 95.116,00", "0,005", "-0,01", "2/3", "1/0", "7/3",
        "2025", "2026", "206", "1999", "2999", "3000", "0000", "2026-2028", "2028-2026", "2000-2050",
        "2025-11-21", "2025-02-29", "2024-02-29", "0000-00-00", "9999-12-31", "2000-01-01", "2999-12-31", "3000-01-01", "2025-13-01",
        "\u{0}", "a\u{0}b", "\u{1B}[31m", "\u{202E}evil", "line\nbreak", String(repeating: "x", count: 5000),
        "--help", "-h", "--", "-", "--db", "=", "UVO-2025-001", "UVO-2025-999", "UVO-2025-001-W1", "midden-drenthe",
        "aa-en-hunz", "robuuste-bibliotheek", "dbos-po", "maatwerk", "hbo", "groot", "annual", "one-off",
        "quarterly", "table", "json", "csv", "html", "markdown", "text",
        "{\"service\": \"ido\"}", "{", "[]", "{\"service\": \"maatwerk\", \"level\": \"hbo\", \"hours\": 1e400}",
    ]

    /// A value for an option: mostly hostile, sometimes a file of the repository or a scratch path.
    mutating func value(for option: OptionInfo) -> String {
        switch option.name {
        case "--out":
            return [world.directory + "/out-\(random.next() % 4).html", world.directory + "/", world.database, "", "-",
                    world.directory + "/sub/dir/x.md", world.directory + "/x.json"].randomElement(using: &random)!
        case "--db":
            return world.database
        case "--profile", "--offer", "--from", "--weights", "--tariffs":
            if random.next() % 2 == 0 { return Self.hostileValues.randomElement(using: &random)! }
            return [repositoryRoot + "/seeds/municipalities/midden-drenthe.json", repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json",
                    world.tariffs, world.directory, world.directory + "/missing.json", "/dev/null"].randomElement(using: &random)!
        default:
            if random.next() % 2 == 0, let plausible = Self.plausibleValues[option.valueName ?? ""] {
                return plausible.randomElement(using: &random)!
            }
            return Self.hostileValues.randomElement(using: &random)!
        }
    }

    /// Values of the right kind, by the option's placeholder, so vectors also get past the parser.
    static let plausibleValues: [String: [String]] = [
        "yyyy-mm-dd": ["2025-11-21", "2025-12-01", "2026-03-01", "2027-09-01", "2024-01-01"],
        "year": ["2025", "2026", "2027", "2028"],
        "first-last": ["2026-2028", "2025", "2026-2027"],
        "days": ["1", "30", "60", "365"],
        "count": ["1", "2", "3"],
        "n": ["0", "1", "3", "12"],
        "number": ["1", "2", "3"],
        "numbers": ["1", "2,3", "3"],
        "percent": ["3.75", "2,1", "0", "-1"],
        "fraction": ["2/3", "0,5", "1"],
        "euros": ["1300000", "900.000,00", "0"],
        "amount": ["7500.00", "7.500,00"],
        "hours": ["40", "40,5", "4"],
        "code": ["midden-drenthe", "aa-en-hunze", "dbos-po", "ido", "open-plus"],
        "schedule": ["quarterly", "monthly", "yearly"],
        "format": ["table", "json", "csv", "html", "markdown", "text"],
        "text": ["Voorstel", "Leesplan"],
        "level": ["hbo", "wo"],
        "name": ["groot", "klein"],
        "recurrence": ["annual", "one-off"],
        "ids": ["beilen", "beilen,westerbork", "cb-westerbork"],
    ]

    /// One vector: a command path, some of its options (sometimes repeated, misplaced or unknown), positionals.
    mutating func vector() -> [String] {
        let infos = CLI.infos.filter { $0.path != ["demo"] }
        let info = infos.randomElement(using: &random)!
        var arguments = info.path
        let optionCount = Int(random.next() % 5)
        for _ in 0..<optionCount {
            guard let option = info.options.filter({ $0.name != "--db" }).randomElement(using: &random) else { break }
            arguments.append(option.name)
            if option.valueName != nil, random.next() % 10 != 0 { arguments.append(value(for: option)) }
        }
        for positional in info.positionals where random.next() % 4 != 0 {
            let plausible = ["1", "2", "3", "UVO-2025-001", "UVO-2025-001-W1", "midden-drenthe", "2025", "2026", "dbos-po", "OFF-2025-001-v1"]
            arguments.insert((random.next() % 2 == 0 ? plausible : Self.hostileValues).randomElement(using: &random)!, at: info.path.count)
            if positional.variadic { break }
        }
        if random.next() % 8 == 0 { arguments.append("--no-such-option") }
        if random.next() % 5 == 0, arguments.count > 1 { arguments.swapAt(1, arguments.count - 1) }
        return arguments
    }
}

@Suite("Argument fuzzing: random and hostile arguments to every command")
struct ArgumentFuzzTests {
    @Test("thousands of argument vectors: only documented exit codes, no internal errors, nothing written on failure")
    func randomVectors() throws {
        let world = try ArgumentFuzzWorld()
        var maker = ArgumentVectorMaker(random: SplitMix64(state: 0xA11C_E5ED), world: world)
        let documented: Set<Int32> = [0, 64, 65, 66, 73, 74]
        var exitCounts: [Int32: Int] = [:]
        for index in 0..<2500 {
            let arguments = maker.vector()
            let before = try auditCount(world)
            let result = world.run(arguments)
            exitCounts[result.exitCode.rawValue, default: 0] += 1
            let shown = "case \(index): \(arguments.map { ArgumentText.shown($0) })"
            #expect(documented.contains(result.exitCode.rawValue), "\(shown) exited \(result.exitCode.rawValue): \(result.standardError)")
            guard result.exitCode != .success else { continue }
            #expect(result.standardError.hasPrefix("Error: "), "\(shown): \(result.standardError)")
            #expect(!result.standardError.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(shown): control character in the message")
            #expect(try auditCount(world) == before, "\(shown) failed with \(result.exitCode.rawValue) but changed the store")
            if !result.standardError.hasPrefix("Error: no offer fits") {
                #expect(result.standardOutput.isEmpty, "\(shown) failed but wrote to standard output")
            }
        }
        print("argument fuzzing: exit codes \(exitCounts.sorted { $0.key < $1.key })")
        // The vectors reach past the parser: some succeed, some are refused for their data.
        #expect(exitCounts[0, default: 0] > 50)
        #expect(exitCounts[64, default: 0] > 500)
    }

    private func auditCount(_ world: ArgumentFuzzWorld) throws -> Int {
        let store = try CatalogueStore(path: world.database, who: "fuzz", now: "2026-01-01T00:00:00Z")
        return try store.auditLog().count
    }
}
