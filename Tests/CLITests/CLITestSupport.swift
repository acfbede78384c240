#if canImport(Glibc)
import Glibc
#endif
@testable import catalogue_cli
import Testing
import TestSupport

/// The fixture books (`Tests/Fixtures/tariffs`, only 2025), the default directory of every run.
let tariffsDirectory = fixtureTariffsDirectory

/// Runs the tool in-process with the fixture books as the default directory and the fixtures'
/// complete organisation (`$CATALOGUE_ORGANISATION`), so no run depends on `organisation.json`.
func run(_ arguments: [String], defaultTariffs: String = tariffsDirectory) -> CommandResult {
    CLI.run(arguments: arguments, environment: CLIEnvironment(defaultTariffsDirectory: defaultTariffs,
                                                              variables: ["CATALOGUE_ORGANISATION": fixtureOrganisationFile]))
}

/// Compares `text` with `Tests/CLITests/Golden/<name>`; with `RECORD_GOLDEN=1` it writes the file instead.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    TestSupport.expectGolden(text, name, in: "Tests/CLITests/Golden", sourceLocation: sourceLocation)
}

import Catalogue
import Support

/// Hashing for tests, through the catalogue's SHA-256.
enum CatalogueSHA {
    static func hex(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }
}
