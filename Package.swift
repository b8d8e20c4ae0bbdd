// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SiteGen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteGen", targets: ["SiteGen"]),
        .library(name: "Thumbnails", targets: ["Thumbnails"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // GitHub's cmark-gfm 0.29.0.gfm.13 with its extensions, as released (see its COPYING): Debian's
        // 0.29.0.gfm.6 takes minutes over one long paragraph with links and emphasis. Two changes:
        // a table cell may hold custom inlines (extensions/table.c `can_contain`), which the
        // goldmark flavour and render hooks put there; and parsing leaves the process-wide table
        // of special characters alone (src/blocks.c `process_inlines`), so that parses run on
        // every core at once (see CmarkParser.swift).
        .target(
            name: "CCmarkGFM",
            exclude: ["COPYING", "src/entities.inc", "src/case_fold_switch.inc"],
            sources: ["src", "extensions"],
            cSettings: [
                .headerSearchPath("src"),
                .headerSearchPath("extensions"),
                .define("CMARK_GFM_STATIC_DEFINE"),
                .define("CMARK_GFM_EXTENSIONS_STATIC_DEFINE"),
            ]
        ),
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        .systemLibrary(
            name: "CRaqm",
            pkgConfig: "raqm",
            providers: [.apt(["libraqm-dev", "libfreetype-dev", "libfontconfig-dev", "libunibreak-dev"])]
        ),
        // LibSass, the transpiler Hugo extended's `toCSS` runs (Debian's hugo links this same library).
        .systemLibrary(
            name: "CSass",
            pkgConfig: "libsass",
            providers: [.apt(["libsass-dev"])]
        ),
        // ICU's regular expressions (libicu-dev), called directly: NSRegularExpression copies the
        // whole text on every match, which made highlighting quadratic in a code block's length.
        .target(name: "CICURegex", linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]),
        .target(name: "CFileSystem"),
        // Go's text/template and html/template, for Hugo's layouts.
        .target(name: "GoTemplates"),
        // Chroma's lexers, styles and HTML, the highlighter Hugo runs (Sources/Highlighting/Chroma is
        // written by scripts/vendor-chroma from Debian's Chroma; see its COPYING).
        .target(name: "Highlighting", dependencies: ["CICURegex"], exclude: ["Chroma/COPYING"]),
        .target(
            name: "Thumbnails",
            dependencies: ["CGD", "CRaqm", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SiteGen",
            dependencies: [
                "CCmarkGFM",
                "CFileSystem",
                "CGD",
                "CSass",
                "GoTemplates",
                "Highlighting",
                "Thumbnails",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SiteGenServer",
            dependencies: [
                "SiteGen",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteGen",
                "SiteGenServer",
                "GoTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SiteGenTests", dependencies: ["SiteGen"], exclude: ["Fixtures"]),
        .testTarget(name: "ThumbnailsTests", dependencies: ["Thumbnails", "CGD"]),
        .testTarget(name: "HighlightingTests", dependencies: ["Highlighting"], exclude: ["Fixtures"]),
        .testTarget(name: "GoTemplatesTests", dependencies: ["GoTemplates"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteGenServerTests", dependencies: ["SiteGenServer"]),
    ]
)
