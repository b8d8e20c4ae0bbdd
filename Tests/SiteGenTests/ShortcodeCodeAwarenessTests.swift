import Testing
@testable import SiteGen

@Suite struct ShortcodeCodeAwarenessTests {
    private func text(_ markdown: String) throws -> String { try ShortcodeFixture.text(markdown) }

    @Test func fencedCodeIsLeftAlone() throws {
        let markdown = "```go\n{{< youtube x >}}\n```\n\n{{< youtube y >}}\n"
        #expect(try text(markdown) == "```go\n{{< youtube x >}}\n```\n\n[youtube y]\n")
    }

    @Test func tildeFenceAndLongerFence() throws {
        let markdown = "~~~\n{{< b >}}\n```\n{{< b >}}\n~~~\n````md\n```\n{{< b >}}\n```\n````\n{{< b >}}"
        #expect(try text(markdown) == "~~~\n{{< b >}}\n```\n{{< b >}}\n~~~\n````md\n```\n{{< b >}}\n```\n````\n[b]")
    }

    @Test func unclosedFenceRunsToTheEnd() throws {
        #expect(try text("```\n{{< b >}}\n") == "```\n{{< b >}}\n")
    }

    @Test func fenceInBlockQuoteAndList() throws {
        #expect(try text("> ```\n> {{< b >}}\n> ```\n") == "> ```\n> {{< b >}}\n> ```\n")
        #expect(try text("1. Run:\n\n    ```\n    {{< b >}}\n    ```\n2. {{< b >}}\n") == "1. Run:\n\n    ```\n    {{< b >}}\n    ```\n2. [b]\n")
    }

    @Test func indentedCodeAfterABlankLineIsLeftAlone() throws {
        let markdown = "Example:\n\n    {{< b >}}\n\n    {{< b >}}\n\n{{< b >}}\n"
        #expect(try text(markdown) == "Example:\n\n    {{< b >}}\n\n    {{< b >}}\n\n[b]\n")
    }

    @Test func indentedLineContinuingAParagraphIsProse() throws {
        #expect(try text("Text\n    {{< b >}}\n") == "Text\n    [b]\n")
    }

    @Test func indentedLineInAListIsProse() throws {
        #expect(try text("- item\n\n    {{< b >}}\n") == "- item\n\n    [b]\n")
    }

    @Test func codeSpansAreLeftAlone() throws {
        #expect(try text("Write `{{< b >}}` or ``{{< b >}} ` x`` then {{< b >}}.") == "Write `{{< b >}}` or ``{{< b >}} ` x`` then [b].")
    }

    @Test func codeSpanAcrossLinesButNotParagraphs() throws {
        #expect(try text("a `x\n{{< b >}}` c") == "a `x\n{{< b >}}` c")
        #expect(try text("a `x\n\n{{< b >}}` c") == "a `x\n\n[b]` c")
    }

    @Test func unmatchedBacktickIsText() throws {
        #expect(try text("a ` b {{< b >}}") == "a ` b [b]")
    }

    @Test func backticksInArgumentsAreNotCodeSpans() throws {
        #expect(try text("{{< echo `a b` >}} and `{{< b >}}`") == "[echo a b] and `{{< b >}}`")
    }

    @Test func innerContentMayContainCode() throws {
        let markdown = "{{% note %}}\n```\n{{< b >}}\n```\n{{% /note %}}"
        #expect(try text(markdown) == "[note|\n```\n{{< b >}}\n```\n]")
    }
}
