import Testing
@testable import SiteGen

@Suite struct ShortcodeErrorTests {
    private func errors(_ markdown: String, firstLine: Int = 1) -> [String] {
        ShortcodeFixture.errors(markdown, firstLine: firstLine)
    }

    @Test func unknownShortcode() {
        #expect(errors("Hello\n  {{< gist x >}}") == ["content/post.md:2:3: error: unknown shortcode 'gist'"])
    }

    @Test func aMistypedShortcodeNamesTheOneMeant() throws {
        let site = try TestSite(["config.yaml": "title: T\n", "content/post.md": "---\ntitle: P\n---\n{{< youtub abc >}}\n",
                                 "templates/shortcodes/callout.mustache": "<aside>{{{inner}}}</aside>",
                                 "content/other.md": "---\ntitle: O\n---\n{{< calout >}}x{{< /calout >}}\n"])
        #expect(site.failedBuild().map(\.description) == [
            "content/other.md:4:1: error: unknown shortcode 'calout' (did you mean 'callout'?)",
            "content/post.md:4:1: error: unknown shortcode 'youtub' (did you mean 'youtube'?)",
        ])
    }

    @Test func linesCountFromWhereTheBodyStarts() {
        #expect(errors("Hello\n  {{< gist x >}}", firstLine: 5) == ["content/post.md:6:3: error: unknown shortcode 'gist'"])
    }

    @Test func columnsCountCharacters() {
        #expect(errors("Café ☕️ {{< gist >}}") == ["content/post.md:1:8: error: unknown shortcode 'gist'"])
    }

    @Test func unclosedTag() {
        #expect(errors("a\nb {{< youtube x\n") == ["content/post.md:2:3: error: unclosed shortcode: no >}}"])
        #expect(errors("{{% md x") == ["content/post.md:1:1: error: unclosed shortcode: no %}}"])
    }

    @Test func unclosedTagStopsAtTheNextTag() {
        #expect(errors("{{< youtube x\n{{< gist >}}") == [
            "content/post.md:1:1: error: unclosed shortcode: no >}}",
            "content/post.md:2:1: error: unknown shortcode 'gist'",
        ])
    }

    @Test func unterminatedStrings() {
        #expect(errors("{{< echo \"abc >}}") == ["content/post.md:1:10: error: unterminated quoted argument"])
        #expect(errors("{{< echo `abc >}}") == ["content/post.md:1:10: error: unterminated raw string argument"])
    }

    @Test func unclosedEscapedTag() {
        #expect(errors("x {{</* note >}}") == ["content/post.md:1:3: error: unclosed escaped shortcode: no */>}}"])
    }

    @Test func strayClosingTag() {
        #expect(errors("text\n\n{{< /note >}}") == ["content/post.md:3:1: error: closing tag '/note' has no opening tag"])
    }

    @Test func mismatchedNesting() {
        #expect(errors("{{< a >}}{{< b >}}\n{{< /a >}}{{< /b >}}") == [
            "content/post.md:2:1: error: closing tag '/a' comes before the closing tag of 'b'",
        ])
    }

    @Test func mixedArguments() {
        #expect(errors(#"{{< tweet berty id="1" >}}"#) == ["content/post.md:1:1: error: shortcode 'tweet' mixes named and positional arguments"])
    }

    @Test func closingTagWithArguments() {
        #expect(errors("{{< note >}}x{{< /note y >}}") == ["content/post.md:1:14: error: closing tag of 'note' takes no arguments"])
    }

    @Test func missingName() {
        #expect(errors("{{< >}}") == ["content/post.md:1:1: error: shortcode without a name"])
    }

    @Test func rendererErrorsAreCollected() {
        struct Failing: ShortcodeRendering {
            func has(_ name: String) -> Bool { true }
            func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
                throw Diagnostic(.error, call.location, "\(call.name) failed")
            }
        }
        #expect(ShortcodeFixture.errors("{{< a >}}\n{{< b >}}", renderer: Failing()) == [
            "content/post.md:1:1: error: a failed",
            "content/post.md:2:1: error: b failed",
        ])
    }

    @Test func everyErrorInTheDocumentInOrder() {
        let markdown = """
            {{< gist 1 >}}
            ```
            {{< gist 2 >}}
            ```
            {{< note >}}{{< /b >}}{{< /note >}}
            {{< tweet x id=1 >}}
            {{< youtube
            """
        #expect(errors(markdown, firstLine: 3) == [
            "content/post.md:3:1: error: unknown shortcode 'gist'",
            "content/post.md:7:13: error: closing tag '/b' has no opening tag",
            "content/post.md:8:1: error: shortcode 'tweet' mixes named and positional arguments",
            "content/post.md:9:1: error: unclosed shortcode: no >}}",
        ])
    }
}

@Suite struct ShortcodeNestingTests {
    /// `{{< echo >}}` opened `depth` times, one a line, then closed as many times.
    private func nested(_ depth: Int) -> String {
        String(repeating: "{{< echo >}}\n", count: depth) + String(repeating: "{{< /echo >}}\n", count: depth)
    }

    @Test func nestingUpToTheLimitExpands() throws {
        let text = try ShortcodeFixture.text(nested(ShortcodeNode.maximumNesting))
        #expect(text.contains("echo"))
    }

    @Test func deeperNestingIsAnErrorAtTheFirstShortcodeTooDeep() {
        #expect(ShortcodeFixture.errors(nested(ShortcodeNode.maximumNesting + 1), firstLine: 4)
            == ["content/post.md:104:1: error: shortcodes are nested more than 100 deep here"])
    }

    /// 8,000 levels (a 200 KB page) overflowed the stack; the limit stops them before anything recurses.
    @Test func eightThousandLevelsFailInABuild() throws {
        let site = try TestSite(["content/deep.md": "---\ntitle: Deep\n---\n" + nested(8_000)])
        let diagnostics = site.failedBuild()
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "content/deep.md", line: 104, column: 1)])
        #expect(diagnostics.first?.message == "shortcodes are nested more than 100 deep here")
    }

    /// Shortcodes without a closing tag are standalone and do not nest, however many there are.
    @Test func unclosedShortcodesDoNotCountAsNesting() throws {
        let text = try ShortcodeFixture.text(String(repeating: "{{< echo >}}\n", count: 500) + nested(3))
        #expect(text.occurrences(of: "echo") >= 500)
    }
}
