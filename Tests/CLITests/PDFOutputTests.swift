#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Catalogue
@testable import Contracts
import Support
import Testing
import TestSupport

/// PDF output: printed from the HTML by headless Chromium when it is installed, A4 and tagged,
/// dated by the document (so the same document gives the same bytes); without Chromium a clear
/// error with its own exit code (69) and nothing written.
@Suite("PDF output through headless Chromium")
struct PDFOutputTests {
    private let profile = repositoryRoot + "/seeds/municipalities/midden-drenthe.json"
    private let offer = repositoryRoot + "/seeds/offers/midden-drenthe-basis.offer.json"

    private var variables: [String: String] {
        var result: [String: String] = [:]
        for name in ["PATH", "CATALOGUE_CHROMIUM"] { if let value = getenv(name) { result[name] = String(cString: value) } }
        return result
    }

    private func run(_ arguments: [String], variables: [String: String]) -> CommandResult {
        CLI.run(arguments: arguments, environment: CLIEnvironment(defaultTariffsDirectory: tariffsDirectory, variables: variables))
    }

    /// Whether Chromium is here; when it is not, the test records an issue unless the run says to skip it.
    private func chromiumAvailable() -> Bool {
        if PDFPrinter.find(variables: variables) != nil { return true }
        if getenv("CATALOGUE_SKIP_CHROMIUM") == nil { Issue.record("Chromium is not installed (apt-get install chromium); set CATALOGUE_SKIP_CHROMIUM=1 to skip") }
        return false
    }

    @Test("--out file.pdf writes an A4, tagged PDF dated by the document; twice gives the same bytes")
    func printsPDF() throws {
        guard chromiumAvailable() else { return }
        let directory = temporaryDirectory()
        let arguments = ["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21"]
        let first = run(arguments + ["--out", directory + "/a.pdf"], variables: variables)
        #expect(first.exitCode == .success, "\(first.standardError)")
        #expect(first.standardOutput == "Wrote offerte to \(directory)/a.pdf.\n")
        #expect(run(arguments + ["--out", directory + "/b.pdf"], variables: variables).exitCode == .success)
        let a = try FileSystem.readFile(directory + "/a.pdf")
        #expect(a.starts(with: Array("%PDF-".utf8)))
        #expect(a == (try FileSystem.readFile(directory + "/b.pdf")))
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20251121000000"))
        #expect(text.contains("/StructTreeRoot"), "a tagged PDF has a structure tree")
        #expect(text.contains("/MediaBox [0 0 594.95996 841.91998]"), "A4")
        #expect(run(arguments + ["--out", directory + "/c.html", "--format", "pdf"], variables: variables).exitCode == .success)
        #expect((try FileSystem.readFile(directory + "/c.html")).starts(with: Array("%PDF-".utf8)))
    }

    @Test("without Chromium: exit 69, the install command, nothing written")
    func noBrowser() {
        let directory = temporaryDirectory()
        let result = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", directory + "/a.pdf"],
                         variables: ["PATH": directory])
        #expect(result.exitCode == .unavailable)
        #expect(result.standardError.hasPrefix("Error: PDF output needs Chromium, and none was found"))
        #expect(result.standardError.contains("apt-get install chromium"))
        #expect(readFile(directory + "/a.pdf") == nil)
        let named = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", directory + "/a.pdf"],
                        variables: ["CATALOGUE_CHROMIUM": directory + "/no-such-browser"])
        #expect(named.exitCode == .unavailable)
    }

    @Test("the file's extension names the document's format; another extension is refused, nothing written", arguments: [
        ("a.html", "<!DOCTYPE html>"), ("a.HTM", "<!DOCTYPE html>"), ("a", "<!DOCTYPE html>"), ("a.md", "# "), ("a.json", "{"),
    ])
    func formatFromExtension(name: String, start: String) throws {
        let directory = temporaryDirectory()
        let result = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", directory + "/" + name], variables: [:])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(readFile(directory + "/" + name)?.hasPrefix(start) == true)
    }

    @Test("a spreadsheet or text name for a document is a usage error, nothing written", arguments: ["a.xlsx", "a.txt", "dir.v2/a.csv"])
    func otherExtension(name: String) {
        let directory = temporaryDirectory()
        let result = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", directory + "/" + name], variables: [:])
        #expect(result.exitCode == .usage)
        #expect(result.standardError.contains("names a file that is not a document; a document is written as .html, .md, .json or .pdf"))
        #expect(readFile(directory + "/" + name) == nil)
        let forced = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", directory + "/" + name,
                          "--format", "html"], variables: [:])
        #expect(forced.exitCode == .success, "--format says which, whatever the name")
    }

    @Test("a PDF never goes to standard output")
    func notToStandardOutput() {
        let result = run(["quote", "--profile", profile, "--offer", offer, "--date", "2025-11-21", "--out", "-", "--format", "pdf"], variables: [:])
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix("Error: a PDF is written to a file, never to standard output; give '--out <file>.pdf'\n"))
    }

    @Test("the dates of a PDF are stamped in place, keeping every offset")
    func stamp() {
        var bytes = Array("<</CreationDate (D:20261126015617+00'00')\n/ModDate (D:20261126015617+00'00')>> /CreationDate (D:x)".utf8)
        let length = bytes.count
        PDFPrinter.stamp(&bytes, date: CalendarDate(year: 2025, month: 3, day: 7)!)
        #expect(bytes.count == length)
        #expect(String(decoding: bytes, as: UTF8.self)
                == "<</CreationDate (D:20250307000000+00'00')\n/ModDate (D:20250307000000+00'00')>> /CreationDate (D:x)")
    }
}
