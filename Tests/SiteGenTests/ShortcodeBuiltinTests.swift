import Testing
@testable import SiteGen

@Suite struct ShortcodeBuiltinTests {
    private let builtins = BuiltinShortcodes { path in
        switch path {
        case "blog/post.md", "/blog/post": ("https://example.org/blog/post/", "/blog/post/")
        case "a&b.md": ("https://example.org/a?x=1&y=2", "/a?x=1&y=2")
        default: nil
        }
    }

    private func html(_ markdown: String) throws -> String {
        try ShortcodeFixture.text(markdown, renderer: builtins)
    }

    private func errors(_ markdown: String) -> [String] {
        ShortcodeFixture.errors(markdown, renderer: builtins)
    }

    private let frame = #" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share""#
        + #" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen"#
        + #" style="aspect-ratio: 16 / 9; width: 100%; height: auto; border: 0;"></iframe></div>"#

    @Test func youtube() throws {
        #expect(try html("{{< youtube dQw4w9WgXcQ >}}") == #"<div class="embed embed-youtube"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video" loading="lazy""# + frame)
        #expect(try html(#"{{< youtube id="dQw4w9WgXcQ" title="Rick's song" start="42" >}}"#) == #"<div class="embed embed-youtube"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42" title="Rick&#39;s song" loading="lazy""# + frame)
    }

    @Test func youtubeIDCannotLeaveThePath() throws {
        #expect(try html(#"{{< youtube "x/../y?a" >}}"#).contains(#"src="https://www.youtube-nocookie.com/embed/x%2F..%2Fy%3Fa""#))
    }

    @Test func vimeo() throws {
        let expected = #"<div class="embed embed-vimeo"><iframe src="https://player.vimeo.com/video/55073825?dnt=1" title="Vimeo video" loading="lazy""# + frame
        #expect(try html("{{< vimeo 55073825 >}}") == expected)
        #expect(try html("{{< vimeo id=55073825 >}}") == expected)
    }

    @Test func tweetAndX() throws {
        let byUser = #"<blockquote class="tweet"><p>Post by @berty</p><a href="https://x.com/berty/status/123">https://x.com/berty/status/123</a></blockquote>"#
        #expect(try html(#"{{< tweet user="berty" id="123" >}}"#) == byUser)
        #expect(try html(#"{{< x user="berty" id="123" >}}"#) == byUser)
        #expect(try html("{{< tweet 123 >}}") == #"<blockquote class="tweet"><p>Post on X</p><a href="https://x.com/i/status/123">https://x.com/i/status/123</a></blockquote>"#)
    }

    @Test func figure() throws {
        #expect(try html(#"{{< figure src="photo.jpg" alt="A cat" >}}"#) == #"<figure><img src="photo.jpg" alt="A cat" loading="lazy"></figure>"#)
        #expect(try html(#"{{< figure src="/a b.png" caption="Cats & dogs" title="Pets" link="https://example.org" width="640" height="480" class="wide" >}}"#)
            == #"<figure class="wide"><a href="https://example.org"><img src="/a b.png" alt="Cats &amp; dogs" width="640" height="480" loading="lazy"></a>"#
            + #"<figcaption><h4>Pets</h4><p>Cats &amp; dogs</p></figcaption></figure>"#)
    }

    @Test func img() throws {
        #expect(try html(#"{{< img src="a.png" alt="\"Quoted\"" width="10" class="icon" title="T" >}}"#)
            == #"<img src="a.png" alt="&quot;Quoted&quot;" width="10" class="icon" title="T" loading="lazy">"#)
        #expect(try html(#"{{< img src="a.png" >}}"#) == #"<img src="a.png" alt="" loading="lazy">"#)
    }

    @Test func iframe() throws {
        #expect(try html(#"{{< iframe "https://example.org/map?a=1&b=2" >}}"#)
            == #"<iframe src="https://example.org/map?a=1&amp;b=2" loading="lazy"></iframe>"#)
        #expect(try html(#"{{< iframe src="http://example.org" title="Map" width="600" height="400" >}}"#)
            == #"<iframe src="http://example.org" title="Map" width="600" height="400" loading="lazy"></iframe>"#)
        #expect(errors(#"{{< iframe "javascript:alert(1)" >}}"#)
            == ["content/post.md:1:1: error: iframe: only http and https URLs can be embedded, not 'javascript:alert(1)'"])
    }

    @Test func highlight() throws {
        #expect(try html("{{< highlight go \"linenos=table\" >}}\nif a < b && c {\n}\n{{< /highlight >}}")
            == "<pre><code class=\"language-go\">if a &lt; b &amp;&amp; c {\n}\n</code></pre>")
        #expect(try html("{{< highlight >}}x{{< /highlight >}}") == "<pre><code>x\n</code></pre>")
        #expect(try html("{{< highlight sh >}}\r\nls\r\n{{< /highlight >}}") == "<pre><code class=\"language-sh\">ls\n</code></pre>")
        #expect(errors("{{< highlight go >}}") == ["content/post.md:1:1: error: highlight needs a closing {{< /highlight >}} around the code"])
    }

    @Test func highlightShowsShortcodesWrittenEscaped() throws {
        #expect(try html("{{< highlight md >}}{{</* youtube x */>}}{{< /highlight >}}")
            == "<pre><code class=\"language-md\">{{&lt; youtube x &gt;}}\n</code></pre>")
    }

    @Test func refAndRelref() throws {
        #expect(try html(#"[Post]({{< ref "blog/post.md" >}})"#) == "[Post](https://example.org/blog/post/)")
        #expect(try html(#"[Post]({{< relref "/blog/post#part-2" >}})"#) == "[Post](/blog/post/#part-2)")
        #expect(try html(##"{{< relref "#top" >}}"##) == "#top")
        #expect(try html(#"{{< relref path="a&b.md" >}}"#) == "/a?x=1&amp;y=2")
        #expect(errors(#"x {{< ref "missing.md" >}}"#) == ["content/post.md:1:3: error: no page 'missing.md'"])
    }

    @Test func missingArguments() {
        #expect(errors("{{< youtube >}}\n{{< figure >}}\n{{< tweet user=berty >}}") == [
            "content/post.md:1:1: error: youtube: missing 'id'",
            "content/post.md:2:1: error: figure: missing 'src'",
            "content/post.md:3:1: error: tweet: missing 'id'",
        ])
    }

    @Test func unknownNames() {
        #expect(!builtins.has("gist"))
        #expect(errors("{{< gist x >}}") == ["content/post.md:1:1: error: unknown shortcode 'gist'"])
    }
}
