import Testing
@testable import SiteGen

/// Crashes the fuzz targets found (FUZZING.md), each with its minimized input: a malformed file must be an error
/// that names the file, never a crash.
@Suite struct FuzzFindingsTests {
    /// fuzz-front-matter: toml++ asserts (`parse_key`, `!is_value_terminator`) and aborts the whole build. Disabled
    /// while the TOML reader is rewritten, since a failing run would take every other test down with it.
    @Test(.disabled("toml++ aborts on these; the TOML reader's rewrite fixes it (FUZZING.md)"),
          arguments: ["+++\n[=\n+++\n", "+++\n[{\n+++\n", "+++\n[[=]]\n+++\n", "+++\nx = [}\n+++\n", "+++\nx = [1,}\n+++\n"])
    func malformedTOMLIsAnError(_ text: String) {
        #expect(throws: Diagnostic.self) { try FrontMatterParser.parse(text, file: "content/a.md") }
    }
}
