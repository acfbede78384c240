#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// embed-tariff-books --books DIRECTORY --output OUTPUT.swift
//
// Run by the EmbedTariffBooks build plugin on every build: writes OUTPUT, a Swift source that
// defines `BundledTariffBooks.books`, the text of every DIRECTORY/<year>.json (a four-digit
// year, as `TariffLibrary` reads them) by year, byte for byte. OUTPUT is left untouched when it
// already holds exactly that, so an unchanged book recompiles nothing. Every character outside
// printable ASCII is written as an escape, so the source is ASCII and holds any valid UTF-8
// exactly; a book that is not UTF-8 stops the build with its name.

/// Stops the build with a message naming what went wrong.
func fail(_ message: String) -> Never {
    var line = "embed-tariff-books: error: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(1)
}

/// The bytes of a file, or nil when it does not exist.
func readBytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else {
        if errno == ENOENT { return nil }
        fail("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { bytes += buffer[0..<count] }
        if count < buffer.count {
            if ferror(file) != 0 { fail("cannot read \(path)") }
            return bytes
        }
    }
}

/// The years of the books in `directory`, ascending; none when it does not exist.
func bookYears(in directory: String) -> [Int] {
    guard let stream = opendir(directory) else {
        if errno == ENOENT { return [] }
        fail("cannot list \(directory): \(String(cString: strerror(errno)))")
    }
    defer { closedir(stream) }
    var years: [Int] = []
    while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name.hasSuffix(".json") else { continue }
        let stem = name.dropLast(5)
        if stem.count == 4, stem.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(stem) { years.append(year) }
    }
    return years.sorted()
}

/// `text` as a Swift string literal in printable ASCII.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case " "..."~": result.unicodeScalars.append(scalar)
        default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return result + "\""
}

/// The Swift source for the books.
func source(books: [(year: Int, text: String)]) -> String {
    var source = """
    // Generated at build time by the EmbedTariffBooks plugin from tariffs/*.json; not checked in.

    /// The tariff books compiled into the tool, by year, as their JSON text.
    enum BundledTariffBooks {
        static let books: [Int: String] = [

    """
    for book in books {
        source += "        \(book.year): \(literal(book.text)),\n"
    }
    if books.isEmpty { source += "        :\n" }
    return source + "    ]\n}\n"
}

/// Writes `text` to `path` through a temporary file, so an interrupted build leaves no half source.
func writeFile(_ text: String, to path: String) {
    let temporary = path + ".tmp"
    guard let file = fopen(temporary, "wb") else { fail("cannot write \(temporary): \(String(cString: strerror(errno)))") }
    var text = text
    let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
    if fclose(file) != 0 || written != text.utf8.count { fail("cannot write \(temporary)") }
    if rename(temporary, path) != 0 { fail("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))") }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 4, arguments[0] == "--books", arguments[2] == "--output", arguments[3].hasSuffix(".swift") else {
    fail("usage: embed-tariff-books --books DIRECTORY --output OUTPUT.swift")
}
let (directory, output) = (arguments[1], arguments[3])
var books: [(year: Int, text: String)] = []
for year in bookYears(in: directory) {
    let path = "\(directory)/\(year).json"
    guard let bytes = readBytes(path) else { fail("\(path) disappeared while the build read it") }
    guard let text = String(validating: bytes, as: UTF8.self) else { fail("\(path) is not valid UTF-8") }
    books.append((year, text))
}
let generated = source(books: books)
if readBytes(output) != Array(generated.utf8) {
    writeFile(generated, to: output)
}
