import Testing
@testable import SiteGen

/// Crashes the fuzz targets found (FUZZING.md), each with its minimized input: a malformed file must be an error
/// that names the file, never a crash.
@Suite struct FuzzFindingsTests {
    /// fuzz-front-matter: toml++ asserted (`parse_key`, `!is_value_terminator`) and aborted the whole build;
    /// SiteGen's own TOML parser reports an error.
    @Test(arguments: ["+++\n[=\n+++\n", "+++\n[{\n+++\n", "+++\n[[=]]\n+++\n", "+++\nx = [}\n+++\n", "+++\nx = [1,}\n+++\n"])
    func malformedTOMLIsAnError(_ text: String) {
        #expect(throws: Diagnostic.self) { try FrontMatterParser.parse(text, file: "content/a.md") }
    }
}
