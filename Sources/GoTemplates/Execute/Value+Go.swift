extension Value {
    /// Go's truth (text/template's `isTrue`): false, 0, nil, and empty strings and collections are false.
    public var isTrue: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .float(let value): return value != 0
        case .string(let text), .safe(let text, _): return !text.isEmpty
        case .list(let values): return !values.isEmpty
        case .map(let map): return !map.entries.isEmpty
        case .object(let object): return object.isTruthy
        }
    }

    /// The Go type in error messages.
    public var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        case .safe(_, let kind):
            switch kind {
            case .html: return "template.HTML"
            case .htmlAttribute: return "template.HTMLAttr"
            case .css: return "template.CSS"
            case .js: return "template.JS"
            case .jsString: return "template.JSStr"
            case .url: return "template.URL"
            case .srcset: return "template.Srcset"
            }
        case .list: return "[]interface {}"
        case .map(let map): return map.caseInsensitive ? "maps.Params" : "map[string]interface {}"
        case .object(let object): return object.typeName
        }
    }
}
