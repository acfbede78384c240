// swift-tools-version:6.0
// The catalogue package: the pricing and contract engine behind Bind bibliotheken's
// activiteitencatalogus. No package dependencies: only the toolchain and the system SQLite.
import PackageDescription

let package = Package(
    name: "catalogue",
    products: [
        .executable(name: "catalogue-cli", targets: ["catalogue-cli"]),
        .executable(name: "catalogue-bench", targets: ["catalogue-bench"]),
    ],
    targets: [
        // Debian's libsqlite3-dev, linked through a module map.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Euro amounts as integers of minor units, exact decimal quantities, named rounding.
        .target(name: "Money"),
        // A strict JSON reader and a deterministic writer, with field paths for errors.
        .target(name: "JSON"),
        // The catalogue model: tariff books, their loading and validation.
        .target(name: "Catalogue", dependencies: ["Money", "JSON"]),
        // Rules that turn a tariff book, a profile and an offer into priced lines; indexation.
        .target(name: "Pricing", dependencies: ["Money", "JSON", "Catalogue"]),
        // Offers, quotes, agreements, documents and storage.
        .target(name: "Contracts", dependencies: ["Money", "JSON", "Catalogue", "Pricing", "CSQLite"]),
        .executableTarget(
            name: "catalogue-cli",
            dependencies: ["Money", "JSON", "Catalogue", "Pricing", "Contracts"]
        ),
        // Speed and memory, measured in release: swift run -c release catalogue-bench.
        .executableTarget(
            name: "catalogue-bench",
            dependencies: ["Money", "JSON", "Catalogue", "Pricing", "Contracts"]
        ),
        // Helpers shared by the test targets: the repository's path, scratch files, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MoneyTests", dependencies: ["Money"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "CatalogueTests", dependencies: ["TestSupport", "Catalogue", "Money", "JSON"]),
        .testTarget(name: "PricingTests", dependencies: ["TestSupport", "Pricing", "Catalogue", "Money", "JSON"]),
        .testTarget(name: "ContractsTests", dependencies: ["TestSupport", "Contracts", "Pricing", "Catalogue", "Money", "JSON"], exclude: ["Golden"]),
        .testTarget(name: "FuzzTests", dependencies: ["TestSupport", "catalogue-cli", "Catalogue", "Pricing", "Contracts", "Money", "JSON"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "catalogue-cli", "Catalogue", "Pricing", "Contracts", "JSON", "Money"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
