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
        .library(name: "GongbuPipeline", targets: ["GongbuCore", "Content", "Markdown", "Glossary", "Manifests", "Search", "Site", "Build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), used through its node API.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Diagnostics, file access, text decoding, escaping, parallel helpers.
        .target(name: "GongbuCore"),
        // Stage 1: files, front matter, config, slugs.
        .target(name: "Content", dependencies: ["GongbuCore", .product(name: "Yams", package: "Yams")]),
        // Stage 2: the cmark AST wrapper.
        .target(name: "Markdown", dependencies: ["CCmark", "GongbuCore"]),
        // Stage 3: concept entries, Korean-aware linking, the concept graph.
        .target(name: "Glossary", dependencies: ["GongbuCore", "Content", "Markdown"]),
        // Stage 3: manifest examples, the embedded API schema and the API server's rules.
        .target(name: "Manifests", dependencies: ["GongbuCore", .product(name: "Yams", package: "Yams")]),
        // Stage 3: the search index and Korean-aware ranking, shared by the CLI and the site.
        .target(name: "Search", dependencies: ["GongbuCore", "Glossary"]),
        // Stage 4: templates, page models, feeds, output writer.
        .target(name: "Site", dependencies: [
            "GongbuCore", "Content", "Markdown", "Glossary", "Manifests", "Search",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The pipeline that runs the stages in order and reports.
        .target(name: "Build", dependencies: ["GongbuCore", "Content", "Markdown", "Glossary", "Manifests", "Search", "Site"]),
        // `gongbu serve`: the preview server (Hummingbird on SwiftNIO), file watching, live reload.
        .target(name: "Server", dependencies: [
            "Build", "Content", "GongbuCore", "Site",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "gongbu", dependencies: [
            "Build", "Content", "GongbuCore", "Manifests", "Markdown", "Search", "Server", "Site",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Benchmarks: built with the package, never run by the tests (swift run -c release gongbu-bench).
        .executableTarget(name: "gongbu-bench", dependencies: ["Build", "Content", "Glossary", "GongbuCore", "Manifests", "Markdown", "Site"],
                          path: "Benchmarks/gongbu-bench"),
        .testTarget(name: "GongbuCoreTests", dependencies: ["GongbuCore"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "GongbuCore"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "GongbuCore"]),
        .testTarget(name: "GlossaryTests", dependencies: ["Glossary", "Content", "Markdown", "GongbuCore"]),
        // Runs the built `gongbu` binary: exit codes and output formats.
        .testTarget(name: "CLITests", dependencies: ["gongbu"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "GongbuCore"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Glossary", "GongbuCore"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Build", "GongbuCore"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Content", "Markdown", "GongbuCore"]),
        .testTarget(
            name: "BuildTests",
            dependencies: ["Build", "Site", "Content", "GongbuCore"],
            exclude: ["Fixtures"]
        ),
    ]
)
