/// The functions every Go template has (text/template's `builtins`), as Go defines them. A host
/// (Hugo) replaces some of them with its own (`eq` that compares 1 with 1.0, `index` of nil).
public enum Builtins {
    public static var functions: [String: FunctionReference] {
        var functions: [String: FunctionReference] = [
            "and": FunctionReference("and", special: .and),
            "or": FunctionReference("or", special: .or),
        ]
        for function in [not, length, index, slice, print, printf, println, html, js, urlquery, eq, ne, lt, le, gt, ge] {
            functions[function.name] = function
        }
        return functions
    }

    static let not = FunctionReference("not") { arguments, _ in
        guard arguments.count == 1 else { throw wrongCount("not", want: 1, got: arguments.count) }
        return .bool(!arguments[0].isTrue)
    }

    static let length = FunctionReference("len") { arguments, _ in
        guard arguments.count == 1 else { throw wrongCount("len", want: 1, got: arguments.count) }
        guard let count = Builtins.count(of: arguments[0]) else {
            throw TemplateFailure("len of type \(arguments[0].goTypeName)")
        }
        return .int(count)
    }

    /// Go's `len`: bytes of a string, elements of a list or map; nil for what has no length.
    public static func count(of value: Value) -> Int? {
        switch value {
        case .string(let text), .safe(let text, _): return text.utf8.count
        case .list(let values): return values.count
        case .map(let map): return map.entries.count
        case .object(let object):
            switch object.elements {
            case .list(let values): return values.count
            case .map(let entries): return entries.count
            case nil: return nil
            }
        case .null: return nil
        default: return nil
        }
    }

    static let index = FunctionReference("index") { arguments, _ in
        guard var item = arguments.first else { throw wrongCount("index", want: 1, got: 0) }
        for key in arguments.dropFirst() {
            item = try Builtins.index(item, key)
        }
        return item
    }

    static func index(_ item: Value, _ key: Value) throws -> Value {
        switch item {
        case .list(let values):
            let position = try integer(key, "index")
            guard position >= 0, position < values.count else { throw TemplateFailure("index out of range: \(position)") }
            return values[position]
        case .string(let text), .safe(let text, _):
            let bytes = Array(text.utf8)
            let position = try integer(key, "index")
            guard position >= 0, position < bytes.count else { throw TemplateFailure("index out of range: \(position)") }
            return .int(Int(bytes[position]))
        case .map(let map):
            guard case .string(let name) = key else { throw TemplateFailure("value has type \(key.goTypeName); should be string") }
            return map[name] ?? .null
        case .object(let object):
            switch object.elements {
            case .list(let values):
                let position = try integer(key, "index")
                guard position >= 0, position < values.count else { throw TemplateFailure("index out of range: \(position)") }
                return values[position]
            case .map(let entries):
                guard case .string(let name) = key else { throw TemplateFailure("value has type \(key.goTypeName); should be string") }
                return entries.first { $0.key == name }?.value ?? .null
            case nil:
                throw TemplateFailure("can't index item of type \(object.typeName)")
            }
        case .null:
            throw TemplateFailure("index of untyped nil")
        default:
            throw TemplateFailure("can't index item of type \(item.goTypeName)")
        }
    }

    static let slice = FunctionReference("slice") { arguments, _ in
        guard let item = arguments.first else { throw wrongCount("slice", want: 1, got: 0) }
        let bounds = try arguments.dropFirst().map { try integer($0, "slice") }
        guard bounds.count <= 3 else { throw TemplateFailure("too many slice indexes: \(bounds.count)") }
        func cut<T>(_ elements: [T]) throws -> ArraySlice<T> {
            let low = bounds.first ?? 0
            let high = bounds.count > 1 ? bounds[1] : elements.count
            let capacity = bounds.count > 2 ? bounds[2] : elements.count
            guard low >= 0, high >= low, high <= capacity, capacity <= elements.count else {
                throw TemplateFailure("slice index out of range")
            }
            return elements[low..<high]
        }
        switch item {
        case .string(let text):
            guard bounds.count < 3 else { throw TemplateFailure("cannot 3-index slice a string") }
            return .string(String(decoding: try cut(Array(text.utf8)), as: UTF8.self))
        case .list(let values):
            return .list(Array(try cut(values)))
        case .null:
            throw TemplateFailure("slice of untyped nil")
        default:
            throw TemplateFailure("can't slice item of type \(item.goTypeName)")
        }
    }

    static let print = FunctionReference("print") { arguments, _ in .string(GoFormat.sprint(arguments)) }
    static let println = FunctionReference("println") { arguments, _ in .string(GoFormat.sprintln(arguments)) }
    static let printf = FunctionReference("printf") { arguments, _ in
        guard let format = arguments.first else { throw wrongCount("printf", want: 1, got: 0) }
        return .string(GoFormat.sprintf(GoFormat.printed(format), Array(arguments.dropFirst())))
    }

    /// text/template's `html`: Go's `HTMLEscapeString` of the printed arguments.
    static let html = FunctionReference("html") { arguments, _ in
        .string(escapeHTML(evaluatedString(arguments)))
    }

    static let js = FunctionReference("js") { arguments, _ in
        .string(escapeJS(evaluatedString(arguments)))
    }

    static let urlquery = FunctionReference("urlquery") { arguments, _ in
        .string(queryEscape(evaluatedString(arguments)))
    }

    /// Go's `evalArgs`: one string argument as it is, anything else printed with `fmt.Sprint`,
    /// nil as `<no value>`.
    static func evaluatedString(_ arguments: [Value]) -> String {
        if arguments.count == 1, case .string(let text) = arguments[0] { return text }
        return GoFormat.sprint(arguments.map { if case .null = $0 { .string("<no value>") } else { $0 } })
    }

    public static func escapeHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0 }) else { return text }
        // On the bytes: feeds escape whole pages' summaries.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 64)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += "&#34;".utf8
            case 0x27: output += "&#39;".utf8
            case 0x26: output += "&amp;".utf8
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0: output += "\u{FFFD}".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Go's `JSEscapeString`.
    public static func escapeJS(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\"": output += "\\\""
            case "<": output += "\\u003C"
            case ">": output += "\\u003E"
            case "&": output += "\\u0026"
            case "=": output += "\\u003D"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x80 && !isPrintable(scalar)) {
                    output += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Go's `unicode.IsPrint` for scalars above ASCII: letters, marks, numbers, punctuation and
    /// symbols, and no spaces but U+0020.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Go's `url.QueryEscape`.
    public static func queryEscape(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                output += "+"
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    // MARK: Comparisons (Go's: same basic kinds only; an int and a float do not compare)

    private enum BasicKind { case bool, int, float, string, other }

    private static func kind(_ value: Value) -> BasicKind {
        switch value {
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string, .safe: return .string
        default: return .other
        }
    }

    static func equal(_ a: Value, _ b: Value) throws -> Bool {
        let (ka, kb) = (kind(a), kind(b))
        guard ka == kb else {
            if case .null = a { return false }
            if case .null = b { return false }
            throw TemplateFailure("incompatible types for comparison")
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)), (.safe(let x, _), .safe(let y, _)), (.string(let x), .safe(let y, _)), (.safe(let x, _), .string(let y)):
            return x == y
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.object(let x), .object(let y)): return x.isEqual(to: y)
        case (.list, _), (.map, _):
            throw TemplateFailure("non-comparable type \(a.goTypeName)")
        default: return false
        }
    }

    static let eq = FunctionReference("eq") { arguments, _ in
        guard arguments.count >= 2 else { throw TemplateFailure("missing argument for comparison") }
        for other in arguments.dropFirst() where try equal(arguments[0], other) { return .bool(true) }
        return .bool(false)
    }

    static let ne = FunctionReference("ne") { arguments, _ in
        guard arguments.count == 2 else { throw wrongCount("ne", want: 2, got: arguments.count) }
        return .bool(try !equal(arguments[0], arguments[1]))
    }

    static func less(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)), (.safe(let x, _), .safe(let y, _)), (.string(let x), .safe(let y, _)), (.safe(let x, _), .string(let y)):
            return x < y
        default:
            guard kind(a) == kind(b) else { throw TemplateFailure("incompatible types for comparison") }
            throw TemplateFailure("invalid type for comparison")
        }
    }

    static let lt = FunctionReference("lt") { arguments, _ in
        guard arguments.count == 2 else { throw wrongCount("lt", want: 2, got: arguments.count) }
        return .bool(try less(arguments[0], arguments[1]))
    }
    static let le = FunctionReference("le") { arguments, _ in
        guard arguments.count == 2 else { throw wrongCount("le", want: 2, got: arguments.count) }
        return .bool(try less(arguments[0], arguments[1]) || equal(arguments[0], arguments[1]))
    }
    static let gt = FunctionReference("gt") { arguments, _ in
        guard arguments.count == 2 else { throw wrongCount("gt", want: 2, got: arguments.count) }
        return .bool(try !(less(arguments[0], arguments[1]) || equal(arguments[0], arguments[1])))
    }
    static let ge = FunctionReference("ge") { arguments, _ in
        guard arguments.count == 2 else { throw wrongCount("ge", want: 2, got: arguments.count) }
        return .bool(try !less(arguments[0], arguments[1]))
    }

    // MARK: Helpers

    static func wrongCount(_ name: String, want: Int, got: Int) -> TemplateFailure {
        TemplateFailure("wrong number of args for \(name): want \(want) got \(got)")
    }

    static func integer(_ value: Value, _ function: String) throws -> Int {
        switch value {
        case .int(let number): return number
        case .null: throw TemplateFailure("cannot index slice/array with nil")
        default: throw TemplateFailure("cannot index slice/array with type \(value.goTypeName)")
        }
    }
}
