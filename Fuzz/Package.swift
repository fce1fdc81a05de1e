// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for gongbu. Not part of the main build; run them with scripts/fuzz.sh,
// which builds this package with `-sanitize=fuzzer,address`.
let package = Package(
    name: "gongbu-fuzz",
    dependencies: [.package(name: "gongbu", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", .product(name: "GongbuPipeline", package: "gongbu")]),
        .executableTarget(
            name: "FuzzNotePage",
            dependencies: [
                "FuzzSupport", .product(name: "GongbuPipeline", package: "gongbu"), .product(name: "GongbuTestSupport", package: "gongbu"),
            ]),
        .executableTarget(name: "FuzzManifest", dependencies: ["FuzzSupport", .product(name: "GongbuPipeline", package: "gongbu")]),
        .executableTarget(name: "FuzzSearchQuery", dependencies: ["FuzzSupport", .product(name: "GongbuPipeline", package: "gongbu")]),
    ],
    swiftLanguageModes: [.v5]
)
