// swift-tools-version: 6.1
import PackageDescription

// gongbu: Korean study notes in Markdown -> a linked, searchable static site.
//
// One library target per pipeline stage (load -> parse -> analyse -> render -> write),
// one thin executable. See DEVELOPERS.md for how the stages talk to each other.
let package = Package(
    name: "gongbu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongbu", targets: ["gongbu"]),
        // The pipeline as libraries, for the fuzz targets in Fuzz/ (a separate package, built
        // with the fuzzer and address sanitizer).
        .library(
            name: "GongbuPipeline",
            targets: [
                "GongbuCore", "Korean", "Content", "Markdown", "HTML", "Highlight", "Math", "Glossary", "Manifests", "Search", "Study",
                "Analysis", "Site",
                "Write",
                "Build",
            ]),
        // Test-only code (the one-note harness, the rendered-page oracle, scratch sites), shared
        // by the test targets and the fuzz package; never linked into `gongbu`.
        .library(name: "GongbuTestSupport", targets: ["GongbuTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), used through its node API.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Gumbo, a conforming HTML5 parser (Debian: libgumbo-dev), under the raw-HTML sanitizer.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]
        ),
        // SQLite from the system (Debian: libsqlite3-dev), for the Anki package's collection.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Below every stage: diagnostics, file access and the folder walker, the source layout,
        // text decoding, escaping, snippets, parallel helpers, locks.
        .target(name: "GongbuCore", path: "Sources/0-GongbuCore"),
        // Below every stage: Korean grammar (particles, final consonants, scanning UTF-8 text).
        .target(name: "Korean", path: "Sources/0-Korean"),
        // Stage 1, load: files, front matter, config, slugs, where pages live.
        .target(name: "Content", dependencies: ["GongbuCore", .product(name: "Yams", package: "Yams")], path: "Sources/1-Content"),
        // Stage 2, parse: the cmark AST wrapper and GitHub's extensions over it.
        .target(name: "Markdown", dependencies: ["CCmark", "GongbuCore", "Korean"], path: "Sources/2-Markdown"),
        // Stage 2, parse: authors' raw HTML read by an HTML5 parser and rebuilt from an allowlist.
        .target(name: "HTML", dependencies: ["CGumbo", "GongbuCore"], path: "Sources/2-HTML"),
        // Stage 2, parse: code in fenced blocks split into tokens, one table per language.
        .target(name: "Highlight", dependencies: ["GongbuCore"], path: "Sources/2-Highlight"),
        // Stage 2, parse: TeX math as MathML.
        .target(name: "Math", dependencies: ["GongbuCore"], path: "Sources/2-Math"),
        // Stage 3, analyse: concept entries, Korean-aware linking, the concept graph.
        .target(name: "Glossary", dependencies: ["GongbuCore", "Korean", "Content", "Markdown"], path: "Sources/3-Glossary"),
        // Stage 3, analyse: manifest checks, the embedded API schema and the API server's rules.
        .target(name: "Manifests", dependencies: ["GongbuCore", .product(name: "Yams", package: "Yams")], path: "Sources/3-Manifests"),
        // Stage 3, analyse: kubectl commands in notes, checked against a model generated from kubectl.
        .target(name: "Commands", dependencies: ["GongbuCore"], path: "Sources/3-Commands"),
        // Stage 3, analyse: the search index and Korean-aware ranking, shared by the CLI and the site.
        .target(name: "Search", dependencies: ["GongbuCore", "Korean"], path: "Sources/3-Search"),
        // Stage 3, analyse: review cards (from notes, the glossary and examples), the FSRS-5
        // scheduler, and the exports (Anki package, TSV, JSON).
        .target(
            name: "Study",
            dependencies: [
                "GongbuCore", "Korean", "Markdown", "Glossary", "CSQLite", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ], path: "Sources/3-Study"),
        // Stage 3, analyse: the ordered passes over one note's tree and the per-note result
        // (`NoteAnalysis`), run on all cores; `gongbu validate`'s runner.
        .target(
            name: "Analysis",
            dependencies: [
                "Commands", "GongbuCore", "Korean", "Content", "Markdown", "HTML", "Highlight", "Math", "Glossary", "Manifests", "Study",
            ],
            path: "Sources/4-Analysis"),
        // Stage 4, render: the site model, templates, pages, feeds, data files.
        .target(
            name: "Site",
            dependencies: [
                "GongbuCore", "Content", "Markdown", "Glossary", "Search", "Study", "Analysis", "Write",
                .product(name: "Mustache", package: "swift-mustache"),
            ], path: "Sources/5-Site"),
        // Stage 5, write: output files, the output writer and its atomic swap.
        .target(name: "Write", dependencies: ["GongbuCore"], path: "Sources/6-Write"),
        // Runs the stages as named steps (`Pipeline`), for `gongbu build`, `serve` and tests.
        .target(
            name: "Build", dependencies: ["GongbuCore", "Content", "Glossary", "Manifests", "Search", "Analysis", "Site", "Write"],
            path: "Sources/7-Build"),
        // `gongbu serve`: the preview server (Hummingbird on SwiftNIO), file watching, live reload.
        .target(
            name: "Server",
            dependencies: [
                "Build", "Content", "GongbuCore", "Site", "Write",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ], path: "Sources/8-Server"),
        .executableTarget(
            name: "gongbu",
            dependencies: [
                "Build", "Commands", "Content", "GongbuCore", "Manifests", "Markdown", "Analysis", "Search", "Server", "Site", "Study",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], path: "Sources/9-gongbu"),
        // Benchmarks: built with the package, never run by the tests (swift run -c release gongbu-bench).
        .executableTarget(
            name: "gongbu-bench",
            dependencies: [
                "Analysis", "Build", "Content", "Glossary", "GongbuCore", "Manifests", "Markdown", "Site", "Write",
            ], path: "Benchmarks/gongbu-bench"),
        // Test-only code shared by the test targets and the fuzz package.
        .target(name: "GongbuTestSupport", dependencies: ["GongbuCore", "Content", "Site", "Write", "Build"]),
        .testTarget(name: "GongbuCoreTests", dependencies: ["GongbuCore", "GongbuTestSupport"]),
        .testTarget(name: "KoreanTests", dependencies: ["Korean"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(name: "HTMLTests", dependencies: ["HTML", "GongbuTestSupport"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "GongbuTestSupport"]),
        .testTarget(name: "MathTests", dependencies: ["Math"]),
        .testTarget(name: "GlossaryTests", dependencies: ["Glossary", "Korean", "Content", "Markdown", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "GongbuCore"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "GongbuCore"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Korean", "GongbuCore"]),
        .testTarget(
            name: "StudyTests",
            dependencies: [
                "Study", "Markdown", "Glossary", "GongbuCore", "CSQLite", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "AnalysisTests", dependencies: ["Analysis", "Content", "Glossary", "Manifests", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(
            name: "SiteTests", dependencies: ["Site", "Analysis", "Content", "Markdown", "Write", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(name: "WriteTests", dependencies: ["Write", "GongbuCore", "GongbuTestSupport"]),
        .testTarget(
            name: "BuildTests",
            dependencies: [
                "Build", "Analysis", "Search", "Site", "Write", "Content", "Korean", "Manifests", "GongbuCore", "GongbuTestSupport",
            ]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Build", "GongbuCore", "GongbuTestSupport"]),
        // Runs the built `gongbu` binary: exit codes and output formats.
        .testTarget(name: "CLITests", dependencies: ["gongbu", "GongbuTestSupport"]),
    ]
)
