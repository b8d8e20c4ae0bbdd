import SiteGen

/// Answers every shortcode name, so that every tag the lexer finds is nested, expanded and rendered; `md` returns
/// Markdown that holds another tag, as a `{{% %}}` shortcode's output may.
struct EchoShortcodes: ShortcodeRendering {
    func has(_ name: String) -> Bool { name != "unknown" }

    func render(_ call: ShortcodeCall) throws(Diagnostic) -> String {
        if call.name == "fail" { throw .error("fuzz", "failed on purpose") }
        let arguments = call.positional + call.named.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "[\(call.name) \(arguments.joined(separator: " "))|\(call.inner ?? "")]"
    }
}

/// libFuzzer's entry point: Markdown through the shortcode lexer, the code scanner, nesting and expansion, then the
/// placeholders put back and stripped as a page's HTML and plain text are. Thrown diagnostics are the expected
/// answer to broken tags; only a crash, a hang or runaway memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expansion = try? Shortcodes.expand(markdown, file: "content/fuzz.md", firstLine: 1, renderer: EchoShortcodes())
    else { return 0 }
    _ = expansion.restore(in: "<p>" + expansion.markdown + "</p>")
    _ = expansion.strip(from: expansion.markdown)
    return 0
}
