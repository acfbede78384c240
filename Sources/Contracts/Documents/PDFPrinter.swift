import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a document could not be printed to PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No Chromium to print with: PDF output needs one installed (the only part of the tool that does).
    case noBrowser
    /// Chromium ran but gave no PDF: how it ended.
    case failed(String)

    public var description: String {
        switch self {
        case .noBrowser:
            "PDF output needs Chromium, and none was found (looked for $CATALOGUE_CHROMIUM, then chromium, chromium-browser, "
                + "google-chrome and google-chrome-stable on PATH); install it with 'apt-get install chromium', "
                + "or write HTML (--format html) and print that"
        case .failed(let reason):
            "Chromium could not print the document to PDF: \(reason)"
        }
    }
}

/// Prints an HTML document to an A4 PDF with headless Chromium: tagged (Chromium tags PDFs by
/// default), without the browser's header and footer, with no network needed (the documents
/// carry their own styles and no scripts). The PDF's creation and modification dates are the
/// document's date, so the same document gives the same bytes.
public struct PDFPrinter: Sendable {
    /// The browser's executable.
    public var browser: String
    /// How long printing may take before it is given up (seconds).
    public var timeoutSeconds: Int = 120

    /// The names looked for on `PATH`, in order.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Creates a printer for `browser`.
    public init(browser: String) {
        self.browser = browser
    }

    /// The printer of `$CATALOGUE_CHROMIUM`, else of the first browser on `PATH`; nil when there is none.
    public static func find(variables: [String: String]) -> PDFPrinter? {
        if let named = variables["CATALOGUE_CHROMIUM"], !named.isEmpty {
            return Subprocess.find(named, searchPath: variables["PATH"]).map(PDFPrinter.init(browser:))
        }
        for name in browserNames {
            if let path = Subprocess.find(name, searchPath: variables["PATH"]) { return PDFPrinter(browser: path) }
        }
        return nil
    }

    /// The PDF of `html`, dated `date`.
    public func print(html: String, date: CalendarDate) throws(PDFError) -> [UInt8] {
        let folder: String
        do { folder = try FileSystem.temporaryDirectory(prefix: "catalogue-pdf") } catch { throw .failed(error.description) }
        defer { FileSystem.removeTree(folder) }
        do { try FileSystem.writeFileAtomically(folder + "/document.html", Array(html.utf8)) } catch { throw .failed(error.description) }
        var arguments = [browser, "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking",
                         "--user-data-dir=\(folder)/profile", "--print-to-pdf=\(folder)/document.pdf", "file://\(folder)/document.html"]
        // Chromium refuses to run as root inside its sandbox; the document is the tool's own, without scripts.
        // (Turning scripts off with --blink-settings also stops --print-to-pdf from writing anything.)
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        switch Subprocess.run(arguments, timeoutSeconds: timeoutSeconds) {
        case nil: throw .failed("\(browser) could not be started")
        case .timedOut?: throw .failed("it took longer than \(timeoutSeconds) seconds")
        case .signalled(let signal)?: throw .failed("it was ended by signal \(signal)")
        case .exited(let status)? where status != 0: throw .failed("it exited with status \(status)")
        case .exited?: break
        }
        guard var bytes = try? FileSystem.readFile(folder + "/document.pdf", limit: 256 * 1024 * 1024), bytes.starts(with: Array("%PDF-".utf8)) else {
            throw .failed("it wrote no PDF")
        }
        Self.stamp(&bytes, date: date)
        return bytes
    }

    /// Replaces the digits of every `/CreationDate (D:…` and `/ModDate (D:…` with `date` at
    /// midnight, in place: the same number of bytes, so the PDF's offsets stay right.
    static func stamp(_ bytes: inout [UInt8], date: CalendarDate) {
        let digits = Array((date.description.filter { $0 != "-" } + "000000").utf8)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let marker = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: marker, in: bytes, from: index) {
                let start = found + marker.count
                let end = start + digits.count
                if end <= bytes.count, bytes[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    bytes.replaceSubrange(start..<end, with: digits)
                }
                index = start
            }
        }
    }

    private static func firstIndex(of marker: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard marker.count <= bytes.count, start <= bytes.count - marker.count else { return nil }
        var index = start
        while index <= bytes.count - marker.count {
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker { return index }
            index += 1
        }
        return nil
    }
}
