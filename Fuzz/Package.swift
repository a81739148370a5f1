// swift-tools-version: 6.1
// Fuzz targets, the soak runner and their helpers: a package of its own, so the root package's
// `swift build` / `swift test` never build them (libFuzzer targets need `-sanitize=fuzzer`).
//
// The root package exports only `PamphletKit` as a library product, and SwiftPM refuses a target
// name declared twice in one graph, so instead of depending on the root by path this package
// compiles the root's own source folders through symlinks (Sources/Pamphlet* -> ../../Sources/...).
// Nothing is copied: a fuzz build always tests the code in the working tree.
//
// Build and run: scripts/fuzz [SECONDS] (fuzz targets), scripts/soak (the soak runner).
import PackageDescription

let fuzzTargets = ["FuzzDocument", "FuzzImporter", "FuzzSearch", "FuzzKeys", "FuzzSnapshot", "FuzzAppCore"]

let package = Package(
    name: "PamphletFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // The root package's modules, compiled from the same folders (symlinks).
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .systemLibrary(name: "CCMarkGFM", path: "Sources/CCMarkGFM"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode"),
        .systemLibrary(name: "CArgon2", path: "Sources/CArgon2"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),
        .target(
            name: "PamphletKit",
            dependencies: [
                "CCMarkGFM", "CStemmer", "CQRencode", "CArgon2", "CZstd",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The module maps name no library (the root package links the static archives, see
            // `cLibraries` in ../Package.swift); fuzz builds take the shared ones.
            linkerSettings: ["stemmer", "zstd", "cmark-gfm-extensions", "cmark-gfm", "argon2"].map { .linkedLibrary($0) }
        ),
        .target(name: "PamphletUI", dependencies: ["PamphletKit"]),
        .target(name: "PamphletTerminal", dependencies: ["PamphletUI", "CNCursesW"], linkerSettings: [.linkedLibrary("ncursesw")]),

        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        // Shared by the fuzz targets and the soak runner: byte readers, message streams, bundled content.
        .target(name: "FuzzSupport", dependencies: ["PamphletKit", "PamphletUI"]),
        // Runs a fuzz body under libFuzzer (only the fuzz targets link it).
        .target(name: "FuzzDriver", dependencies: ["CLibFuzzer"]),
        .executableTarget(name: "Soak", dependencies: ["FuzzSupport", "PamphletKit", "PamphletUI"]),
    ] + fuzzTargets.map {
        .executableTarget(name: $0, dependencies: ["FuzzDriver", "FuzzSupport", "PamphletKit", "PamphletUI", "PamphletTerminal"])
    },
    swiftLanguageModes: [.v6]
)
