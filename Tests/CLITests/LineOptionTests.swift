@testable import catalogue_cli
import Catalogue
import Testing
import TestSupport

/// The options that describe a line arrive as a typed line: a problem names the option that gave
/// it (exit 64), a `--line` names its own field (exit 65), and nothing is stored either way.
@Suite("line options: a typed line, problems named by option")
struct LineOptionTests {
    private func draft() -> [String] {
        let directory = temporaryDirectory()
        let db = ["--db", directory + "/catalogue.sqlite"]
        #expect(run(["municipality", "import", repositoryRoot + "/seeds/municipalities/midden-drenthe.json"] + db).exitCode == .success)
        #expect(run(["offer", "create", "--municipality", "midden-drenthe", "--first-year", "2025", "--years", "1"] + db).exitCode == .success)
        return db
    }

    @Test("a bad value is refused naming the option, and the offer keeps its lines", arguments: [
        (["--service", "maatwerk", "--level", "hbo", "--hours", "0"], "Error: '--hours' expects a number greater than zero like 40, 40.5 or 40,5, found '0'"),
        (["--service", "boekstartcoach", "--hours-per-week", "81"], "Error: '--hours-per-week': expected a number greater than 0 up to 80, found 81"),
        (["--service", "dbos-po", "--schools", "a b"], "Error: '--schools': expected a code"),
        (["--service", "maatwerk", "--level", "hbo", "--hours", "4", "--description", "x\u{202E}y"], "Error: '--description': expected text without bidirectional override or isolate characters, found U+202E"),
        (["--hours", "4"], "Error: '--hours' describes a line: give '--service <code>' with it"),
        (["--line", #"{"service": "ido"}"#, "--service", "ido"], "Error: give '--line <json>' or '--service <code>' with its options, not both"),
        ([], "Error: give '--service <code>' or '--line <json>'"),
    ])
    func namedByOption(options: [String], message: String) {
        let db = draft()
        let result = run(["offer", "add", "1"] + options + db)
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        #expect(run(["offer", "show", "1"] + db).standardOutput.contains("0 lines"))
    }

    @Test("a --line is decoded like a line of an offer file: its own field is named, with exit 65")
    func lineField() {
        let db = draft()
        let result = run(["offer", "add", "1", "--line", #"{"service": "maatwerk", "level": "hbo", "hourz": 40}"#] + db)
        #expect(result.exitCode == .dataError)
        #expect(result.standardError.contains(#"lines[0].hourz: unknown field "hourz"; did you mean "hours"?"#), "\(result.standardError)")
        let notNumber = run(["offer", "add", "1", "--line", #"{"service": "ido", "hours": "veel"}"#] + db)
        #expect(notNumber.exitCode == .dataError)
        #expect(notNumber.standardError.contains("problem in --line:\n  hours: expected a decimal number"), "\(notNumber.standardError)")
    }

    @Test("the line stored is the typed line, shown back in the offer file's form")
    func stored() throws {
        let db = draft()
        let added = run(["offer", "add", "1", "--service", "maatwerk", "--level", "hbo", "--hours", "40,5", "--description", "Leesplan"] + db)
        #expect(added.exitCode == .success, "\(added.standardError)")
        let show = run(["offer", "show", "1", "--format", "json"] + db).standardOutput
        #expect(show.contains(#""description": "Leesplan""#))
        #expect(show.contains(#""hours": 40.5"#))
        #expect(show.contains(#""level": "hbo""#))
    }
}
