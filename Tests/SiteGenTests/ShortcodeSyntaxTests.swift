import Testing
@testable import SiteGen

@Suite struct ShortcodeSyntaxTests {
    private func text(_ markdown: String) throws -> String { try ShortcodeFixture.text(markdown) }

    @Test func htmlFormBecomesAPlaceholder() throws {
        let expansion = try ShortcodeFixture.expand("Watch:\n\n{{< youtube dQw4w9WgXcQ >}}\n")
        #expect(expansion.markdown == "Watch:\n\nSGSHORTCODE0X\n")
        #expect(expansion.placeholders == ["SGSHORTCODE0X": "[youtube dQw4w9WgXcQ]"])
    }

    @Test func markdownFormIsInlinedVerbatim() throws {
        let expansion = try ShortcodeFixture.expand("Say {{% md hello there %}} twice.\n")
        #expect(expansion.markdown == "Say **hello there** twice.\n")
        #expect(expansion.placeholders.isEmpty)
    }

    @Test func namedArguments() throws {
        #expect(try text(#"{{< tweet user="berty" id="123" >}}"#) == "[tweet id=123 user=berty]")
        #expect(try text(#"{{<tweet user="berty" id="123">}}"#) == "[tweet id=123 user=berty]")
        #expect(try text("{{< echo a=1 b=two >}}") == "[echo a=1 b=two]")
    }

    @Test func argumentValueForms() throws {
        #expect(try text(#"{{< echo "two words" bare `raw "text"` >}}"#) == #"[echo two words bare raw "text"]"#)
        #expect(try text(#"{{< echo "say \"hi\"" >}}"#) == #"[echo say "hi"]"#)
        #expect(try text("{{< echo text=`first\nsecond` >}}") == "[echo text=first\nsecond]")
        #expect(try text("{{< echo\n  a=\"1\"\n  b=\"2\"\n>}}") == "[echo a=1 b=2]")
        #expect(try text(#"{{< echo url="https://example.org/?a=b" >}}"#) == "[echo url=https://example.org/?a=b]")
        #expect(try text("{{< echo https://example.org/?a=b >}}") == "[echo https://example.org/?a=b]")
    }

    @Test func closedShortcodesGetInnerContent() throws {
        #expect(try text("{{< note >}}Be *careful*.{{< /note >}}") == "[note|Be *careful*.]")
        #expect(try text("{{% note %}}\nBe careful.\n{{% /note %}}\n") == "[note|\nBe careful.\n]\n")
        #expect(try text("{{< note >}}{{</note>}}") == "[note|]")
    }

    @Test func selfClosing() throws {
        #expect(try text("{{< note />}} and {{< note/>}}") == "[note] and [note]")
    }

    @Test func standaloneWithoutClosingTag() throws {
        #expect(try text("{{< note >}} text {{< note >}}inner{{< /note >}}") == "[note] text [note|inner]")
    }

    @Test func nestedShortcodesExpandFirst() throws {
        #expect(try text("{{< outer >}}a {{< inner x >}} b{{< /outer >}}") == "[outer|a [inner x] b]")
        #expect(try text("{{< outer >}}{{< note >}}{{< inner >}}{{< /note >}}{{< /outer >}}") == "[outer|[note|[inner]]]")
    }

    @Test func htmlInsideMarkdownFormStaysAPlaceholder() throws {
        let expansion = try ShortcodeFixture.expand("{{% note %}}see {{< youtube x >}}{{% /note %}}")
        #expect(expansion.markdown == "[note|see SGSHORTCODE0X]")
        #expect(expansion.placeholders == ["SGSHORTCODE0X": "[youtube x]"])
    }

    @Test func markdownFormInsideHTMLFormIsInlined() throws {
        let expansion = try ShortcodeFixture.expand("{{< note >}}a {{% md b %}}{{< /note >}}")
        #expect(expansion.markdown == "SGSHORTCODE0X")
        #expect(expansion.placeholders == ["SGSHORTCODE0X": "[note|a **b**]"])
    }

    @Test func escapedFormPrintsTheTag() throws {
        #expect(try text("Write {{%/* note */%}} here.") == "Write {{% note %}} here.")
        let expansion = try ShortcodeFixture.expand("Write {{</* youtube id */>}} here.")
        #expect(expansion.markdown == "Write {{&lt; youtube id >}} here.")
    }

    @Test func escapedFormInCodeIsUnescaped() throws {
        #expect(try text("```\n{{</* youtube w7Ft2ymGmfc */>}}\n```\n") == "```\n{{< youtube w7Ft2ymGmfc >}}\n```\n")
        #expect(try text("Use `{{</* note */>}}`.") == "Use `{{< note >}}`.")
    }

    @Test func escapedFormInsideAShortcodeIsLiteral() throws {
        #expect(try text("{{< note >}}{{</* b */>}}{{< /note >}}") == "[note|{{< b >}}]")
    }

    @Test func ordinalCountsShortcodesInDocumentOrder() throws {
        struct Ordinals: ShortcodeRendering {
            func has(_ name: String) -> Bool { true }
            func render(_ call: ShortcodeCall) throws(Diagnostic) -> String { "\(call.name)\(call.ordinal)" }
        }
        let text = try ShortcodeFixture.text("{{< a >}} {{</* x */>}} {{< b >}}{{< c >}}{{< /b >}} {{% d %}}", renderer: Ordinals())
        #expect(text == "a0 {{&lt; x >}} b1 d3")
    }

    @Test func callCarriesLocationAndForm() throws {
        struct Recorder: ShortcodeRendering {
            func has(_ name: String) -> Bool { true }
            func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
                "\(call.location) \(call.isMarkdown) \(call.inner == nil)"
            }
        }
        let text = try ShortcodeFixture.text("x\n\n  é {{% b %}}", renderer: Recorder())
        #expect(text == "x\n\n  é content/post.md:3:5 true true")
    }

    @Test func placeholdersAreUniqueAndNotPrefixesOfEachOther() throws {
        let markdown = String(repeating: "{{< youtube x >}}\n", count: 12)
        let expansion = try ShortcodeFixture.expand(markdown)
        #expect(expansion.placeholders.count == 12)
        #expect(expansion.markdown.hasPrefix("SGSHORTCODE0X\nSGSHORTCODE1X\n"))
        #expect(expansion.markdown.hasSuffix("SGSHORTCODE11X\n"))
        #expect(expansion.restore(in: expansion.markdown) == String(repeating: "[youtube x]\n", count: 12))
    }

    @Test func textWithoutShortcodesIsUntouched() throws {
        let markdown = "Plain {text} and {{ not a shortcode }}.\n"
        #expect(try ShortcodeFixture.expand(markdown).markdown == markdown)
    }
}
