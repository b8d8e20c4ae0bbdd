// swift-tools-version:5.4
// The libFuzzer targets (see FUZZING.md; scripts/fuzz builds and runs them). A package of their own, for two reasons:
// `swift build` and `swift test` of SiteGen never see them, and on Linux SwiftPM renames an executable's `main` for
// packages of tools version 5.5 and later (`--defsym main=MODULE_main`), which `-parse-as-library` leaves undefined;
// at 5.4 libFuzzer's own `main` links as its documentation says.
import PackageDescription

let package = Package(
    name: "SiteGenFuzz",
    dependencies: [.package(name: "SiteGen", path: "..")],
    targets: [
        .executableTarget(name: "fuzz-front-matter", dependencies: ["SiteGen"], path: "FrontMatter",
                          exclude: ["corpus", "front-matter.dict"]),
        .executableTarget(name: "fuzz-shortcodes", dependencies: ["SiteGen"], path: "Shortcodes",
                          exclude: ["corpus", "shortcodes.dict"]),
        .executableTarget(name: "fuzz-page", dependencies: ["SiteGen"], path: "Page",
                          exclude: ["corpus", "site", "page.dict"]),
    ]
)
