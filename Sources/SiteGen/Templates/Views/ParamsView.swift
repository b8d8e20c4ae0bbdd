import Mustache

/// A `params` map: the site's own data from configuration or front matter. Any key may be asked
/// for; an absent one is simply absent, as in Hugo.
struct ParamsView: TemplateView {
    let values: [String: Value]

    func lookup(_ key: String) -> Lookup {
        .found(values.value(forKeyIgnoringCase: key).map(Self.convert))
    }

    static func convert(_ value: Value) -> Any {
        switch value {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .date(let d, _): return DateView(d)
        case .array(let items): return items.map(convert)
        case .table(let table): return ParamsView(values: table)
        }
    }
}
