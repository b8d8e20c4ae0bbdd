import CCmarkGFM
import Foundation

/// Parses Markdown with libcmark-gfm under one process-wide lock: parsing mutates global state
/// (the extension registry, and the inline parser's special-character table, which each parse
/// re-patches for its extensions). Rendering and tree edits need no lock.
enum CmarkParser {
    private static let lock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// `filteringTags`: GitHub's tag filter (`<style>`, `<script>`… written as text); goldmark,
    /// and so Hugo, has none.
    static func parse(_ markdown: String, parseOptions: Int32, renderOptions: Int32, filteringTags: Bool = true) -> CmarkDocument {
        var text = markdown
        return lock.withLock {
            _ = registration
            let parser = cmark_parser_new(parseOptions)
            defer { cmark_parser_free(parser) }
            // The parser frees its own extension list, so rendering gets a copy.
            var extensions: UnsafeMutablePointer<cmark_llist>?
            for name in extensionNames where filteringTags || name != "tagfilter" {
                guard let extensionPointer = cmark_find_syntax_extension(name) else { continue }
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
                extensions = cmark_llist_append(
                    cmark_get_default_mem_allocator(), extensions, UnsafeMutableRawPointer(extensionPointer))
            }
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            let root = CmarkNode(raw: cmark_parser_finish(parser))
            return CmarkDocument(root: root, extensions: extensions, renderOptions: renderOptions)
        }
    }
}
