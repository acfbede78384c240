@testable import catalogue_cli
import Catalogue
import Money
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Typed options: every value is converted and bounded in one place, so the arguments that once
/// crashed the tool (exit 132) or were silently replaced by a default are refused with 64.
@Suite("typed arguments")
struct ArgumentTests {
    private let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    private let offer = repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"

    private func store() -> (db: [String], directory: String) {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", profile] + db).exitCode == .success)
        return (db, directory)
    }

    @Test("arguments that crashed the tool are refused with exit 64 and name the option", arguments: [
        (["--date", "9999-12-31"], "Error: '--date' expects a date yyyy-mm-dd from 2000-01-01 to 2999-12-31, like 2026-01-15, found '9999-12-31'"),
        (["--date", "2025-11-21", "--valid-days", "-100"], "Error: '--valid-days' expects a whole number of days from 1 to 365, found '-100'"),
        (["--date", "2025-11-21", "--valid-days", "9223372036854775807"], "Error: '--valid-days' expects a whole number of days from 1 to 365, found '9223372036854775807'"),
        (["--date", "2025-11-21", "--valid-days", "abc"], "Error: '--valid-days' expects a whole number of days from 1 to 365, found 'abc'"),
    ])
    func quoteArguments(extra: [String], message: String) {
        let directory = temporaryDirectory()
        let result = run(["quote", "--profile", profile, "--offer", offer, "--out", directory + "/q.html"] + extra)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix(message + "\n"), "\(result.standardError)")
        #expect(readFile(directory + "/q.html") == nil)
    }

    @Test("an offer's years must lie within the years the tool prices; nothing is stored otherwise", arguments: [
        (["--first-year", "9223372036854775807"], "Error: '--first-year' expects a year from 2000 to 2999, like 2026, found '9223372036854775807'"),
        (["--first-year", "206"], "Error: '--first-year' expects a year from 2000 to 2999, like 2026, found '206'"),
        (["--first-year", "2999", "--years", "2"], "Error: an offer from 2999 for 2 years ends after 2999, the last year the tool prices"),
        (["--first-year", "2026", "--years", "21"], "Error: '--years' expects a whole number of years from 1 to 20, found '21'"),
    ])
    func offerYears(extra: [String], message: String) {
        let (db, _) = store()
        let result = run(["offer", "create", "--municipality", "midden-drenthe"] + extra + db)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix(message + "\n"), "\(result.standardError)")
        let list = run(["offer", "list"] + db)
        #expect(list.exitCode == .success)
        #expect(list.standardOutput == "No offers yet; create one with 'catalogue-cli offer create'.\n")
    }

    @Test("'--help' as an option's value is that value; elsewhere it asks for help")
    func helpAsValue() {
        let (db, _) = store()
        let created = run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--title", "--help"] + db)
        #expect(created.exitCode == .success, "\(created.standardError)")
        #expect(created.standardOutput.hasPrefix("Created offer 1 (OFF-2026-001 versie 1)"))
        #expect(run(["offer", "show", "1"] + db).standardOutput.contains("  --help\n"))
        #expect(run(["offer", "create", "--help"] + db).standardOutput.hasPrefix("OVERVIEW: Create a draft offer"))
        #expect(run(["offer", "create", "--title", "x", "-h"] + db).standardOutput.hasPrefix("OVERVIEW: Create a draft offer"))
    }

    @Test("text for documents refuses control and direction-changing characters, naming the option", arguments: [
        (["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--title", "Voorstel\u{202E}8202"], "--title", "Voorstel\\u{202e}8202"),
        (["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2026", "--title", "a\u{0}b"], "--title", "a\\u{0}b"),
    ])
    func documentText(arguments: [String], option: String, shown: String) {
        let (db, _) = store()
        let result = run(arguments + db)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix("Error: '\(option)' expects text without control characters or bidirectional override characters, found '\(shown)'\n"),
                "\(result.standardError)")
        #expect(run(["offer", "list"] + db).standardOutput.hasPrefix("No offers yet"))
    }

    @Test("Dutch decimal commas are accepted in amounts and hours, and give the same line as dots")
    func dutchDecimals() {
        let (db, _) = store()
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        let comma = run(["offer", "add", "1", "--service", "maatwerk", "--level", "hbo", "--hours", "40,5", "--description", "Leesplan"] + db)
        #expect(comma.exitCode == .success, "\(comma.standardError)")
        let quote = run(["offer", "add", "1", "--service", "verhalenbrink", "--quote-amount", "7.500,00", "--quote-recurrence", "annual",
                         "--quote-description", "Verhalenbrink"] + db)
        #expect(quote.exitCode == .success, "\(quote.standardError)")
        let shown = run(["offer", "show", "1", "--format", "json"] + db).standardOutput
        #expect(shown.contains("\"hours\": 40.5"))
        #expect(shown.contains("\"amount\": \"7500.00\""))
        let wrong = run(["offer", "add", "1", "--service", "verhalenbrink", "--quote-amount", "7500,5,0", "--quote-recurrence", "annual"] + db)
        #expect(wrong.exitCode == .usage)
        #expect(wrong.standardError.hasPrefix("Error: '--quote-amount' expects an amount of zero or more in euros like 1300000, 1300000.50 or 1.300.000,50, found '7500,5,0'\n"))
    }

    @Test("the same missing thing gives the same exit code and message in every command")
    func notFound() {
        let (db, _) = store()
        for command in [["offer", "show", "999"], ["offer", "issue", "999", "--allow-illustrative", "--date", "2026-01-01"], ["offer", "accept", "999", "--allow-illustrative", "--date", "2026-01-01"],
                        ["offer", "price", "999"], ["offer", "add", "999", "--service", "ido"], ["offer", "remove", "999", "--line", "1"]] {
            let result = run(command + db)
            #expect(result.exitCode == .usage, "\(command)")
            #expect(result.standardError == "Error: no offer 999 in the database; 'catalogue-cli offer list' shows them\n", "\(command)")
        }
        for command in [["municipality", "show", "midden-drente"], ["offer", "create", "--municipality", "midden-drente", "--first-year", "2026"]] {
            let result = run(command + db)
            #expect(result.exitCode == .usage, "\(command)")
            #expect(result.standardError == "Error: no municipality 'midden-drente' in the database; did you mean 'midden-drenthe'?\n", "\(command)")
        }
    }

    @Test("the help of 'contract' lists every contract command, and 'contract list' is a command")
    func contractTree() {
        let help = run(["contract", "--help"]).standardOutput
        for name in ["list", "amend", "show", "notices", "renew"] {
            #expect(help.contains("\n  \(name) "), "\(name) missing from contract --help")
        }
        let (db, _) = store()
        #expect(run(["contract", "list"] + db).standardOutput.hasPrefix("No agreements yet;"))
    }
}

@Suite("hints that run as printed")
struct HintTests {
    @Test("a hint carries the tariff directory and the database the user gave, quoted for the shell")
    func carriesOptions() throws {
        let directory = temporaryDirectory() + "/books 'finance'"
        #expect(mkdir(directory, 0o755) == 0)
        writeFile(directory + "/2025.json", try #require(readFile(tariffsDirectory + "/2025.json")))
        let indexed = run(["tariffs", "index", "--from", "2025", "--wage", "3,75", "--price", "2,1", "--tariffs", directory,
                           "--date", "2026-11-21"], defaultTariffs: tariffsDirectory)
        #expect(indexed.exitCode == .success, "\(indexed.standardError)")
        let quoted = "'" + directory.replacing("'", with: "'\\''") + "'"
        #expect(indexed.standardOutput.hasSuffix("Review it with: catalogue-cli tariffs diff 2025 2026 --tariffs \(quoted)\n"))
        // The printed command, split into words by /bin/sh, runs and compares the books in that directory.
        let hint = try #require(indexed.standardOutput.split(separator: "\n").last.map { String($0.dropFirst("Review it with: ".count)) })
        let words = shellWords(hint)
        #expect(words == ["catalogue-cli", "tariffs", "diff", "2025", "2026", "--tariffs", directory])
        let diff = run(Array(words.dropFirst()), defaultTariffs: "/nonexistent")
        #expect(diff.exitCode == .success)
        #expect(diff.standardOutput.contains("95.116,00"))
        #expect(Hint.shellQuoted("plain/path-1.json") == "plain/path-1.json")
        #expect(Hint.shellQuoted("") == "''")
        #expect(Hint.shellQuoted("a b") == "'a b'")
    }
}

/// The words a POSIX shell makes of `command` (printf prints one argument a line).
private func shellWords(_ command: String) -> [String] {
    guard let pipe = popen("printf '%s\\n' " + command, "r") else { return [] }
    defer { pclose(pipe) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, pipe)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    let output = String(decoding: bytes, as: UTF8.self)
    return output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

@Suite("decimal notations people type")
struct DutchDecimalTests {
    @Test("machine and Dutch forms", arguments: [
        ("3.75", "3.75"), ("3,75", "3.75"), ("1300000", "1300000"), ("1.300.000,50", "1300000.50"), ("1300000,50", "1300000.50"),
        ("-0,5", "-0.5"), ("2.1", "2.1"), ("1.30", "1.30"), ("12.345.678", "12345678"),
    ])
    func accepted(text: String, plain: String) {
        #expect(DutchDecimal.plain(text) == plain)
    }

    @Test("ambiguous or malformed forms are refused", arguments: [
        "1.300", "1,300.00", "1.30,00", "1,2,3", ",5", "5,", "1..3", "", "-", "1 300", "1e3", "12.34.567", "٣",
    ])
    func refused(text: String) {
        #expect(DutchDecimal.plain(text) == nil)
    }

    @Test("amounts are zero or more and keep at most two decimals")
    func amounts() throws {
        #expect(Money.convert("€ 95.116,00") == (try Money(parsing: "95116.00")))
        #expect(Money.convert("750000") == (try Money(parsing: "750000.00")))
        #expect(Money.convert("0,5") == (try Money(parsing: "0.50")))
        #expect(Money.convert("-1") == nil)
        #expect(Money.convert("0,005") == nil)
        #expect(Money.convert("9999999999999") == nil)
    }
}
