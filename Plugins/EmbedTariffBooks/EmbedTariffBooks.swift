import Foundation
import PackagePlugin

/// Compiles the books of `tariffs/` into the `Catalogue` module at build time: it has the build
/// run `embed-tariff-books`, which reads every `tariffs/<year>.json` and writes
/// `BundledTariffBooks.swift` into the build directory. Publishing a book is then only adding
/// the file; nothing generated is checked in or updated by hand.
///
/// SwiftPM asks a plugin for its commands only when the package's structure changes, and a new
/// file in `tariffs/` is no such change. So the directory itself is an input (adding, renaming or
/// removing a book changes it, and `tariffs index` writes through a rename), the books known now
/// are inputs (an edit in place), and the tool lists the directory itself each time it runs. The
/// bundled-books test compares the result with the files, whatever happened in between.
@main
struct EmbedTariffBooks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "tariffs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        let books = names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledTariffBooks.swift")
        return [
            .buildCommand(
                displayName: "Embedding the tariff books of tariffs/",
                executable: try context.tool(named: "embed-tariff-books").url,
                arguments: ["--books", directory.path(percentEncoded: false), "--output", output.path(percentEncoded: false)],
                inputFiles: [directory] + books,
                outputFiles: [output]
            ),
        ]
    }
}
