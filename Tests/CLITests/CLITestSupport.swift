#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 {
        while let last = path.last, last != "/" { path.removeLast() }
        path.removeLast()
    }
    return path
}()

/// The real tariff directory of the repository.
let tariffsDirectory = repositoryRoot + "/tariffs"

/// Runs the tool in-process with the repository's tariffs as the default directory.
func run(_ arguments: [String], defaultTariffs: String = tariffsDirectory) -> CommandResult {
    CLI.run(arguments: arguments, environment: CLIEnvironment(defaultTariffsDirectory: defaultTariffs))
}

/// Compares `text` with `Golden/<name>`; with `RECORD_GOLDEN=1` it writes the file instead.
/// The repository's own path is written as `<repo>`, so the files hold in any checkout.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = text.replacing(repositoryRoot, with: "<repo>")
    let path = repositoryRoot + "/Tests/CLITests/Golden/" + name
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

func readFile(_ path: String) -> String? {
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

func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    defer { fclose(file) }
    var text = text
    text.withUTF8 { buffer in _ = fwrite(buffer.baseAddress, 1, buffer.count, file) }
}

/// A fresh temporary directory.
func temporaryDirectory() -> String {
    var template = Array("/tmp/catalogue-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        String(cString: mkdtemp(buffer.baseAddress!))
    }
}

import Catalogue

/// Hashing for tests, through the catalogue's SHA-256.
enum CatalogueSHA {
    static func hex(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }
}
