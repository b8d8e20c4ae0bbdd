/// The escaping functions the escaper adds to actions (Go's `funcMap`), and how they read their
/// arguments.
enum SafeContent {
    /// Go's `stringify`: one string, or typed content with its kind, as it is; anything else
    /// printed as `fmt.Sprint` prints it, untyped nils left out (else they would print `<nil>`).
    static func stringify(_ arguments: [Value]) -> (text: String, kind: ContentKind?) {
        if arguments.count == 1 {
            switch arguments[0] {
            case .string(let text): return (text, nil)
            case .safe(let text, let kind): return (text, kind)
            default: break
            }
        }
        return (GoFormat.sprint(arguments.filter { if case .null = $0 { false } else { true } }), nil)
    }

    /// html/template's `evalArgs`: one string as it is, anything else printed as `fmt.Sprint`
    /// prints it (nil as `<nil>`, unlike text/template's `<no value>`).
    static func evaluatedArguments(_ arguments: [Value]) -> String {
        if arguments.count == 1, case .string(let text) = arguments[0] { return text }
        return GoFormat.sprint(arguments)
    }

    /// What filters print instead of a value they refuse: harmless in every language, and easy
    /// to search for.
    static let failsafe = "ZgotmplZ"

    /// The escapers by name.
    static let escapers: [String: FunctionReference] = {
        let bodies: [(String, @Sendable ([Value]) -> String)] = [
            ("_html_template_attrescaper", HTMLEscaping.attributeEscaper),
            ("_html_template_commentescaper", { _ in "" }),
            ("_html_template_cssescaper", CSSEscaping.escaper),
            ("_html_template_cssvaluefilter", CSSEscaping.valueFilter),
            ("_html_template_htmlnamefilter", HTMLEscaping.nameFilter),
            ("_html_template_htmlescaper", HTMLEscaping.escaper),
            ("_html_template_jsregexpescaper", JSEscaping.regexpEscaper),
            ("_html_template_jsstrescaper", JSEscaping.stringEscaper),
            ("_html_template_jsvalescaper", JSEscaping.valueEscaper),
            ("_html_template_nospaceescaper", HTMLEscaping.unquotedAttributeEscaper),
            ("_html_template_rcdataescaper", HTMLEscaping.rcdataEscaper),
            ("_html_template_srcsetescaper", URLEscaping.srcsetEscaper),
            ("_html_template_urlescaper", URLEscaping.escaper),
            ("_html_template_urlfilter", URLEscaping.filter),
            ("_html_template_urlnormalizer", URLEscaping.normalizer),
            // `{{html .X .Y}}` becomes `{{_eval_args_ .X .Y | html}}`: the arguments printed as one.
            ("_eval_args_", evaluatedArguments),
        ]
        var escapers: [String: FunctionReference] = [:]
        for (name, body) in bodies {
            escapers[name] = FunctionReference(name) { arguments, _ in .string(body(arguments)) }
        }
        return escapers
    }()
}
