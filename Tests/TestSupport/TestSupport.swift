#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

// Helpers every test target shares: where the repository is, scratch directories, files and
// golden files.

/// The repository root, found from this file's path (Tests/TestSupport/TestSupport.swift), so
/// tests read the real `seeds/` and the fixture books.
public let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 {
        while let last = path.last, last != "/" { path.removeLast() }
        path.removeLast()
    }
    return path
}()

/// The tariff books the tests price with: copies in `Tests/Fixtures/tariffs/`, never the books
/// finance publishes in `tariffs/`, so publishing next year's book leaves the suite as it was.
/// Only the checks of the published books themselves (canonical form, the copy bundled into
/// the tool) read `tariffs/`.
public let fixtureTariffsDirectory = repositoryRoot + "/Tests/Fixtures/tariffs"

/// A complete organisation for the tests (`Tests/Fixtures/organisation.json`, fictitious and not
/// illustrative), so a final document can be made without the repository's placeholders.
public let fixtureOrganisationFile = repositoryRoot + "/Tests/Fixtures/organisation.json"

/// A fresh temporary directory, `/tmp/<prefix>-XXXXXX`.
public func temporaryDirectory(prefix: String = "catalogue-test") -> String {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        String(cString: mkdtemp(buffer.baseAddress!))
    }
}

/// A file's text, or nil when it cannot be read.
public func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes text to a file, replacing it.
public func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    defer { fclose(file) }
    var text = text
    text.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, file) }
}

/// Compares `text` with `<directory>/<name>` (a directory relative to the repository); with
/// `RECORD_GOLDEN=1` it writes the file instead. The repository's own path is written as
/// `<repo>`, so the files hold in any checkout.
public func expectGolden(_ text: String, _ name: String, in directory: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = text.replacing(repositoryRoot, with: "<repo>")
    let path = repositoryRoot + "/" + directory + "/" + name
    if getenv("RECORD_GOLDEN") != nil {
        writeFile(path, text)
        return
    }
    guard let expected = readFile(path) else {
        Issue.record("missing golden file Golden/\(name); run RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
