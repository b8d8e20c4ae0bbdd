@testable import SiteGen

/// Renders every call as `[name args|inner]`, so tests see exactly what the expander passed.
struct EchoShortcodes: ShortcodeRendering {
    var names: Set<String> = ["note", "youtube", "tweet", "b", "a", "md", "echo", "outer", "inner"]

    func has(_ name: String) -> Bool { names.contains(name) }

    func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        if call.name == "md" { return "**\(call.inner ?? call.positional.joined(separator: " "))**" }
        let arguments = call.positional + call.named.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let inner = call.inner.map { "|" + $0 } ?? ""
        return "[\(call.name)\(arguments.map { " " + $0 }.joined())\(inner)]"
    }
}

enum ShortcodeFixture {
    static func expand(_ markdown: String, firstLine: Int = 1,
                       renderer: some ShortcodeRendering = EchoShortcodes()) throws(DiagnosticList) -> ShortcodeExpansion {
        try Shortcodes.expand(markdown, file: "content/post.md", firstLine: firstLine, renderer: renderer)
    }

    /// The Markdown with each placeholder replaced by its output, as a page reads after cmark.
    static func text(_ markdown: String, renderer: some ShortcodeRendering = EchoShortcodes()) throws -> String {
        let expansion = try expand(markdown, renderer: renderer)
        return expansion.restore(in: expansion.markdown)
    }

    /// The diagnostics of a document that fails, as a build prints them.
    static func errors(_ markdown: String, firstLine: Int = 1, renderer: some ShortcodeRendering = EchoShortcodes()) -> [String] {
        do {
            _ = try expand(markdown, firstLine: firstLine, renderer: renderer)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
