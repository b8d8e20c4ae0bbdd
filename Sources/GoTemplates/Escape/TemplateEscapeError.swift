/// A template html/template refuses to run: its output could not be escaped safely (Go's
/// `*template.Error`). The message is Go's description, as `{{if}} branches end in different
/// contexts: …` or `ends in a non-text context: {stateAttr …}`.
public struct TemplateEscapeError: Error, Sendable, CustomStringConvertible {
    /// Go's `ErrorCode`, but for `ErrRangeLoopReentry`, which Go never reports: an error on a
    /// range's re-entry keeps the code of what went wrong, its message says `on range loop re-entry`.
    public enum Code: Sendable {
        /// `… appears in an ambiguous context within a URL`.
        case ambiguousContext
        /// Runes banned in tag names, attribute names and unquoted values.
        case badHTML
        /// `{{if}} branches end in different contexts`.
        case branchEnd
        /// `ends in a non-text context`.
        case endContext
        case noSuchTemplate
        /// `cannot compute output context for template …`: a recursive template.
        case outputContext
        /// `unfinished JS regexp charset`.
        case partialCharset
        /// `unfinished escape sequence in …`.
        case partialEscape
        /// `'/' could start a division or regexp`.
        case slashAmbiguous
        /// `predefined escaper "html" disallowed in template`.
        case predefinedEscaper
        /// `… appears in a JS template literal`.
        case jsTemplateLiteral
    }

    public let code: Code
    public let message: String
    /// The template the error is in: the one the node is in, or, when there is no node, the
    /// template being escaped.
    public let template: String
    public let position: SourcePosition?

    public var description: String {
        "html/template:\(template)\(position.map { ":\($0)" } ?? ""): \(message)"
    }
}

/// An error while escaping, shared by the contexts that carry it: Go amends an error after the
/// fact (the range it happened in, the template), through its pointer, and so does the escaper.
final class EscapeFailure: CustomStringConvertible {
    let code: TemplateEscapeError.Code
    var message: String
    var position: SourcePosition?
    var template: String?

    init(_ code: TemplateEscapeError.Code, _ message: String, at position: SourcePosition? = nil, in template: String? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.template = template
    }

    /// Places an error found without a node (in a text node) at `position` in `template`, as Go
    /// gives such errors the line of the range they were found on re-entry into.
    func place(at position: SourcePosition, in template: String) {
        guard self.position == nil else { return }
        self.position = position
        self.template = template
    }

    func error(escaping entry: String) -> TemplateEscapeError {
        TemplateEscapeError(code: code, message: message, template: template ?? entry, position: position)
    }

    var description: String {
        "html/template:\(template ?? "")\(position.map { ":\($0)" } ?? ""): \(message)"
    }
}
