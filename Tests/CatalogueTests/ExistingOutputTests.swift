import Support
import Catalogue
import Testing
import TestSupport

/// The atomic writer's rules for a file already at the path: keep it, or replace only the one read.
@Suite("FileSystem: writing without overwriting what another program wrote")
struct ExistingOutputTests {
    private func names(in directory: String) -> [String] {
        (try? FileSystem.contentsOfDirectory(directory)) ?? []
    }

    @Test("keep makes a new file, and refuses a path that holds one as a conflict, leaving it as it is")
    func keep() throws {
        let directory = temporaryDirectory()
        let path = directory + "/book.json"
        try FileSystem.writeFileAtomically(path, Array("first".utf8), existing: .keep)
        #expect(readFile(path) == "first")
        #expect(throws: OutputError(file: path, reason: "it already exists", isConflict: true)) {
            try FileSystem.writeFileAtomically(path, Array("second".utf8), existing: .keep)
        }
        #expect(readFile(path) == "first")
        #expect(names(in: directory) == ["book.json"])
    }

    @Test("replaceOnly replaces the file that was read, and refuses another one or none as a conflict")
    func replaceOnly() throws {
        let directory = temporaryDirectory()
        let path = directory + "/book.json"
        writeFile(path, "read")
        let read = try #require(FileIdentity(path: path))
        try FileSystem.writeFileAtomically(path, Array("replaced".utf8), existing: .replaceOnly(read))
        #expect(readFile(path) == "replaced")
        // The file now there is another one than the one read: another program's book is kept.
        #expect(throws: OutputError(file: path, reason: "it was replaced by another program", isConflict: true)) {
            try FileSystem.writeFileAtomically(path, Array("late".utf8), existing: .replaceOnly(read))
        }
        #expect(readFile(path) == "replaced")
        let current = try #require(FileIdentity(path: path))
        try FileSystem.removeRegularFile(path)
        #expect(throws: OutputError(file: path, reason: "it was removed by another program", isConflict: true)) {
            try FileSystem.writeFileAtomically(path, Array("late".utf8), existing: .replaceOnly(current))
        }
        #expect(names(in: directory) == [])
    }

    @Test("an ordinary write failure is no conflict")
    func failureIsNoConflict() {
        let directory = temporaryDirectory()
        #expect(throws: OutputError(file: directory + "/missing/book.json", reason: "its folder \(directory)/missing: no such file or directory")) {
            try FileSystem.writeFileAtomically(directory + "/missing/book.json", [1], existing: .keep)
        }
    }
}
