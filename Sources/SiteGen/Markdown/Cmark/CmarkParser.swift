import CCmarkGFM
import Foundation

/// Parses Markdown with libcmark-gfm, on any number of threads at once. The release keeps one
/// mutable table for the whole process, the inline parser's special characters, which each parse
/// filled with its extensions' characters and emptied when done, under the feet of parses on
/// other threads; the vendored copy no longer touches it (src/blocks.c `process_inlines`), and it
/// is filled here once, for the extensions every parse attaches. Rendering and tree edits share
/// nothing.
enum CmarkParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// The extensions by name, registered and their special characters set, before the first
    /// parse; read-only after.
    nonisolated(unsafe) private static let extensions: [(name: String, pointer: OpaquePointer)] = {
        cmark_gfm_core_extensions_ensure_registered()
        let found = extensionNames.compactMap { name in cmark_find_syntax_extension(name).map { (name, $0) } }
        let parser = cmark_parser_new(0)
        for (_, extensionPointer) in found { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_parser_free(parser)
        return found
    }()

    /// `filteringTags`: GitHub's tag filter (`<style>`, `<script>`… written as text); goldmark,
    /// and so Hugo, has none.
    static func parse(_ markdown: String, parseOptions: Int32, renderOptions: Int32, filteringTags: Bool = true) -> CmarkDocument {
        var text = markdown
        let parser = cmark_parser_new(parseOptions)
        defer { cmark_parser_free(parser) }
        // The parser frees its own extension list, so rendering gets a copy.
        var attached: UnsafeMutablePointer<cmark_llist>?
        for (name, extensionPointer) in extensions where filteringTags || name != "tagfilter" {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
            attached = cmark_llist_append(cmark_get_default_mem_allocator(), attached, UnsafeMutableRawPointer(extensionPointer))
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let root = CmarkNode(raw: cmark_parser_finish(parser))
        return CmarkDocument(root: root, extensions: attached, renderOptions: renderOptions)
    }
}
