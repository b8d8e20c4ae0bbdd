/// Where an HTML parser is when it reaches the output of a template node (html/template's
/// `context`, context.go): the escaper follows the template's text through these states to pick
/// the escaping functions of each action. The initial value is the start of an HTML fragment.
struct EscapeContext: Equatable, CustomStringConvertible {
    var state = State.text
    var delimiter = Delimiter.none
    var urlPart = URLPart.none
    var jsContext = JSContext.regexp
    var attribute = Attribute.none
    var element = Element.none
    /// The `{{break}}` or `{{continue}}` this context was recorded at, for errors.
    var jump: SourcePosition?
    var error: EscapeFailure?

    init(state: State = .text, delimiter: Delimiter = .none, urlPart: URLPart = .none, jsContext: JSContext = .regexp,
         attribute: Attribute = .none, element: Element = .none) {
        self.state = state
        self.delimiter = delimiter
        self.urlPart = urlPart
        self.jsContext = jsContext
        self.attribute = attribute
        self.element = element
    }

    /// The error context: the escaper stops at it.
    init(_ error: EscapeFailure) {
        self.init(state: .error)
        self.error = error
    }

    /// Go's `eq`: everything but the jump, errors by identity.
    static func == (a: EscapeContext, b: EscapeContext) -> Bool {
        a.state == b.state && a.delimiter == b.delimiter && a.urlPart == b.urlPart && a.jsContext == b.jsContext
            && a.attribute == b.attribute && a.element == b.element && a.error === b.error
    }

    /// Go's `%v` of a context, which error messages show: `{stateText delimNone … <nil>}`.
    var description: String {
        "{\(state.rawValue) \(delimiter.rawValue) \(urlPart.rawValue) \(jsContext.rawValue) \(attribute.rawValue) \(element.rawValue) \(error?.description ?? "<nil>")}"
    }

    /// The name of the copy of `template` escaped for this context (Go's `mangle`): the name
    /// itself in the text context, else suffixed with the parts of the context that are not at
    /// their start values, as `name$htmltemplate_stateAttr_delimDoubleQuote`.
    func mangle(_ template: String) -> String {
        if state == .text { return template }
        var name = template + "$htmltemplate_" + state.rawValue
        if delimiter != .none { name += "_" + delimiter.rawValue }
        if urlPart != .none { name += "_" + urlPart.rawValue }
        if jsContext != .regexp { name += "_" + jsContext.rawValue }
        if attribute != .none { name += "_" + attribute.rawValue }
        if element != .none { name += "_" + element.rawValue }
        return name
    }

    /// A high-level HTML parser state; raw values are Go's names, which mangled template names
    /// and error messages show.
    enum State: String {
        /// Parsed character data, outside tags, comments and special element bodies.
        case text = "stateText"
        /// Before an attribute or the end of a tag.
        case tag = "stateTag"
        /// Inside an attribute name: between the ^s in ` ^name^ = value`.
        case attributeName = "stateAttrName"
        /// After an attribute name, before any `=`: ` name^ ^= value`.
        case afterName = "stateAfterName"
        /// After the `=`, before the value: ` name =^ ^value`.
        case beforeValue = "stateBeforeValue"
        /// Inside an `<!-- HTML comment -->`.
        case htmlComment = "stateHTMLCmt"
        /// Inside an RCDATA element (`<textarea>`, `<title>`).
        case rcdata = "stateRCDATA"
        /// Inside an attribute whose content is text.
        case attribute = "stateAttr"
        /// Inside an attribute whose content is a URL.
        case url = "stateURL"
        /// Inside a `srcset` attribute.
        case srcset = "stateSrcset"
        /// Inside an event handler attribute or a script element.
        case js = "stateJS"
        case jsDoubleQuoted = "stateJSDqStr"
        case jsSingleQuoted = "stateJSSqStr"
        /// Inside a JavaScript template literal.
        case jsBackQuoted = "stateJSBqStr"
        case jsRegexp = "stateJSRegexp"
        case jsBlockComment = "stateJSBlockCmt"
        case jsLineComment = "stateJSLineCmt"
        /// Inside a `<style>` element or `style` attribute.
        case css = "stateCSS"
        case cssDoubleQuoted = "stateCSSDqStr"
        case cssSingleQuoted = "stateCSSSqStr"
        /// Inside `url("…")`.
        case cssDoubleQuotedURL = "stateCSSDqURL"
        /// Inside `url('…')`.
        case cssSingleQuotedURL = "stateCSSSqURL"
        /// Inside an unquoted `url(…)`.
        case cssURL = "stateCSSURL"
        case cssBlockComment = "stateCSSBlockCmt"
        case cssLineComment = "stateCSSLineCmt"
        /// An infectious error state outside any valid HTML, CSS or JS construct.
        case error = "stateError"
        /// Unreachable code after `{{break}}` or `{{continue}}`.
        case dead = "stateDead"

        /// Content meant for template authors, not for users or machines: dropped from output.
        var isComment: Bool {
            switch self {
            case .htmlComment, .jsBlockComment, .jsLineComment, .cssBlockComment, .cssLineComment: return true
            default: return false
            }
        }

        /// Solely inside an HTML tag.
        var isInTag: Bool {
            switch self {
            case .tag, .attributeName, .afterName, .beforeValue, .attribute: return true
            default: return false
            }
        }
    }

    /// What ends the current attribute value.
    enum Delimiter: String {
        /// Not in an attribute value.
        case none = "delimNone"
        case doubleQuote = "delimDoubleQuote"
        case singleQuote = "delimSingleQuote"
        /// An unquoted value, ended by a space or `>`.
        case spaceOrTagEnd = "delimSpaceOrTagEnd"

        /// Whether `byte` ends a value so delimited (the unquoted ends were found empirically by
        /// Go's authors in browsers).
        func isEnd(_ byte: UInt8) -> Bool {
            switch self {
            case .none: return false
            case .doubleQuote: return byte == UInt8(ascii: "\"")
            case .singleQuote: return byte == UInt8(ascii: "'")
            case .spaceOrTagEnd:
                return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == UInt8(ascii: ">")
            }
        }
    }

    /// The part of a URL that output goes into, which decides how it is encoded.
    enum URLPart: String {
        /// Not in a URL, or at its very start: ^ in `^http://auth/path?k=v#frag`.
        case none = "urlPartNone"
        /// In the scheme, authority or path: between the ^s in `h^ttp://auth/path^?k=v#frag`.
        case preQuery = "urlPartPreQuery"
        /// In the query or fragment: between the ^s in `http://auth/path?^k=v#frag^`.
        case queryOrFragment = "urlPartQueryOrFrag"
        /// Branches that end before and after the query separator were joined.
        case unknown = "urlPartUnknown"
    }

    /// Whether a `/` in JavaScript starts a regular expression or is a division.
    enum JSContext: String {
        case regexp = "jsCtxRegexp"
        case divisionOperator = "jsCtxDivOp"
        /// Branches that disagree were joined.
        case unknown = "jsCtxUnknown"
    }

    /// The attribute being parsed, from its name to the end of its value.
    enum Attribute: String {
        /// An ordinary attribute, or none.
        case none = "attrNone"
        /// An event handler.
        case script = "attrScript"
        /// `type` in a `<script>` tag.
        case scriptType = "attrScriptType"
        case style = "attrStyle"
        case url = "attrURL"
        case srcset = "attrSrcset"
    }

    /// The element whose start tag or special body this is: their bodies are not HTML text.
    enum Element: String {
        case none = "elementNone"
        /// `<script>` with a JavaScript type or none.
        case script = "elementScript"
        case style = "elementStyle"
        case textarea = "elementTextarea"
        case title = "elementTitle"

        /// The state of the element's body.
        var contentState: State {
            switch self {
            case .none: return .text
            case .script: return .js
            case .style: return .css
            case .textarea, .title: return .rcdata
            }
        }

        /// The tag name that ends the body, compared case-insensitively.
        var endTagName: [UInt8] {
            switch self {
            case .none: return []
            case .script: return Self.scriptTag
            case .style: return Self.styleTag
            case .textarea: return Self.textareaTag
            case .title: return Self.titleTag
            }
        }

        private static let scriptTag = Array("script".utf8), styleTag = Array("style".utf8)
        private static let textareaTag = Array("textarea".utf8), titleTag = Array("title".utf8)

        /// The special element named `name` (lower-cased), if it is one.
        init(tagName name: String) {
            switch name {
            case "script": self = .script
            case "style": self = .style
            case "textarea": self = .textarea
            case "title": self = .title
            default: self = .none
            }
        }
    }
}

extension EscapeContext.Attribute {
    /// The state an attribute's value starts in.
    var valueState: EscapeContext.State {
        switch self {
        case .none, .scriptType: return .attribute
        case .script: return .js
        case .style: return .css
        case .url: return .url
        case .srcset: return .srcset
        }
    }
}
