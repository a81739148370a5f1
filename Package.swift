// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Release builds on Linux link with lld (shipped with the Swift toolchain): the relative
/// relocations packed as RELR (1.8 MB of RELA entries that every start reads become 15 KB), and
/// the functions searches, the browser and the kiosk run laid out together from
/// `scripts/hot-functions.order` (regenerate it with `scripts/hot-functions`). A process then
/// maps about 4 MB less of the binary: the kernel maps the 64 KB around every page of code it
/// faults in, and the code it needs was spread over most of the binary's 16 MB.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags([
        "-use-ld=lld",
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
        "-Xlinker", "--symbol-ordering-file=\(packageRoot)/scripts/hot-functions.order",
        "-Xlinker", "--no-warn-symbol-ordering",
    ], .when(platforms: [.linux], configuration: .release)),
]

/// The C libraries from Debian that PamphletKit and PamphletTerminal call, linked on Linux from
/// the static archives their -dev packages ship (`-l:libX.a`; the systemLibrary module maps name
/// no library, so the shared ones are not linked as well): `pamphlet` then opens, maps and
/// relocates five shared libraries fewer at every start (libstemmer alone carries 10,800
/// relocations) and its calls into them are bound at link time. Side by side, two loops of 100 and
/// 150 alternating runs: `pamphlet search` 20.3 -> 19.2 ms and 21.3 -> 19.8 ms (medians).
/// libqrencode has no static archive in Debian and stays shared (its module map links it).
/// `archiveNeeds`: what an archive needs that its shared library brought along (ncursesw's tinfo).
func cLibraries(_ names: [String], archiveNeeds: [String] = []) -> [LinkerSetting] {
    names.map { .linkedLibrary($0, .when(platforms: [.macOS])) }
        + [.unsafeFlags((names + archiveNeeds).flatMap { ["-Xlinker", "-l:lib\($0).a"] }, .when(platforms: [.linux]))]
}

let package = Package(
    name: "Pamphlet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pamphlet", targets: ["pamphlet"]),
        .library(name: "PamphletKit", targets: ["PamphletKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries from Debian, one systemLibrary each (module.modulemap + shim.h only).
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .systemLibrary(name: "CCMarkGFM", path: "Sources/CCMarkGFM"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode"),
        .systemLibrary(name: "CArgon2", path: "Sources/CArgon2"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd"),

        // Content model, loader, importer, search index. No terminal code.
        .target(
            name: "PamphletKit",
            dependencies: [
                "CCMarkGFM", "CStemmer", "CQRencode", "CArgon2", "CZstd",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Search/README.md"],
            linkerSettings: cLibraries(["stemmer", "zstd", "cmark-gfm-extensions", "cmark-gfm", "argon2"])
        ),
        // The app core: state, messages, update, render into a Canvas. No curses.
        .target(name: "PamphletUI", dependencies: ["PamphletKit"], exclude: ["README.md"]),
        // The only code that touches ncursesw.
        .target(name: "PamphletTerminal", dependencies: ["PamphletUI", "CNCursesW"], exclude: ["README.md"],
                linkerSettings: cLibraries(["ncursesw"], archiveNeeds: ["tinfo"])),
        .executableTarget(
            name: "pamphlet",
            dependencies: [
                "PamphletKit", "PamphletUI", "PamphletTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: releaseLinking
        ),

        .target(name: "TestSupport", dependencies: ["PamphletKit"], path: "Tests/TestSupport"),
        .testTarget(name: "PamphletKitTests", dependencies: ["PamphletKit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PamphletUITests", dependencies: ["PamphletUI", "PamphletKit", "TestSupport"],
                    resources: [.copy("Goldens")]),
        .testTarget(name: "EndToEndTests", dependencies: ["pamphlet", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
