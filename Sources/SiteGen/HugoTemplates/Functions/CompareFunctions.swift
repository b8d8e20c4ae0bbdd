import GoTemplates

/// Hugo's `compare` namespace: `eq` and the orderings compare numbers of any kind as numbers and
/// safe strings as strings, and never fail on values of different types, unlike Go's builtins.
enum CompareFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("compare.Eq", aliases: ["eq"], arity: .atLeast(1)) { arguments, _ in
            let (first, others) = try split(arguments)
            return .bool(others.contains { equal(first, $0) })
        },
        HugoFunction("compare.Ne", aliases: ["ne"], arity: .atLeast(1)) { arguments, _ in
            let (first, others) = try split(arguments)
            return .bool(!others.contains { equal(first, $0) })
        },
        ordering("compare.Lt", alias: "lt", <),
        ordering("compare.Le", alias: "le", <=),
        ordering("compare.Gt", alias: "gt", >),
        ordering("compare.Ge", alias: "ge", >=),
        HugoFunction("compare.Default", aliases: ["default"], arity: .atLeast(1)) { arguments, _ in
            // The given value is optional: `{{ index . "missing" | default "x" }}` passes none.
            guard arguments.count <= 2 else {
                throw TemplateFailure("wrong number of args for default: want 2 got \(arguments.count)")
            }
            guard arguments.count == 2, isSet(arguments[1]) else { return arguments[0] }
            return arguments[1]
        },
        HugoFunction("compare.Conditional", aliases: ["cond"], arity: .exactly(3)) { arguments, _ in
            switch arguments[0] {
            case .bool(let condition): return condition ? arguments[1] : arguments[2]
            case .null: throw TemplateFailure("cannot assign nil to bool")
            default: throw TemplateFailure("wrong type for value; expected bool; got \(arguments[0].goType)")
            }
        },
    ]

    private static func split(_ arguments: [TemplateValue]) throws -> (TemplateValue, ArraySlice<TemplateValue>) {
        guard arguments.count > 1 else { throw TemplateFailure("missing arguments for comparison") }
        return (arguments[0], arguments.dropFirst())
    }

    /// `lt`, `le`, `gt` or `ge`: true when the first argument is so ordered to each of the others.
    private static func ordering(_ name: String, alias: String, _ holds: @escaping @Sendable (Double, Double) -> Bool) -> HugoFunction {
        HugoFunction(name, aliases: [alias], arity: .atLeast(1)) { arguments, _ in
            let (first, others) = try split(arguments)
            return .bool(others.allSatisfy { other in
                let (left, right) = operands(first, other)
                return holds(left, right)
            })
        }
    }

    // MARK: Equality

    /// Hugo's `eq` of two values: numbers of one kind and strings of any kind compared by value,
    /// anything else as Go's `reflect.DeepEqual` compares it.
    static func equal(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.string(let x), .safe(let y, _)), (.safe(let x, _), .string(let y)),
             (.safe(let x, _), .safe(let y, _)):
            return x == y
        case (.object(let x as TimeObject), .object(let y as TimeObject)):
            return x.isEqual(to: y)
        case (.object(is VersionStringObject), _), (_, .object(is VersionStringObject)):
            return VersionStringObject.order(a, b) == 0
        default:
            // Go's integer types (`time.Month`) compare as int64s.
            if a.goKind == .int, b.goKind == .int, let x = a.integer, let y = b.integer { return x == y }
            return deepEqual(a, b)
        }
    }

    /// Go's `reflect.DeepEqual`: the same type, and equal elements.
    static func deepEqual(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.safe(let x, let xKind), .safe(let y, let yKind)): return xKind == yKind && x == y
        case (.list(let x), .list(let y)):
            return a.goType == b.goType && x.count == y.count && zip(x, y).allSatisfy(deepEqual)
        case (.map(let x), .map(let y)):
            return x.caseInsensitive == y.caseInsensitive && x.entries.count == y.entries.count
                && x.entries.allSatisfy { key, value in y.entries[key].map { deepEqual(value, $0) } ?? false }
        case (.object(let x), .object(let y)): return x.isEqual(to: y)
        default: return false
        }
    }

    // MARK: Ordering

    /// Hugo's `compareGet`: the two numbers an ordering compares. Collections count as their
    /// length, booleans as 0 and 1, times as Unix seconds, strings as the number they spell; two
    /// strings that spell none are ordered as strings (byte-wise, or by `collate` when given),
    /// the result mapped onto 0 and 1.
    static func operands(_ a: TemplateValue, _ b: TemplateValue,
                         collate: ((String, String) -> Int)? = nil) -> (Double, Double) {
        if let order = VersionStringObject.order(a, b) { return order < 0 ? (0, 1) : order > 0 ? (1, 0) : (0, 0) }
        let (left, leftText) = numericValue(a)
        let (right, rightText) = numericValue(b)
        guard let leftText, let rightText else { return (left, right) }
        let order = collate?(leftText, rightText) ?? byteOrder(leftText, rightText)
        return order < 0 ? (0, 1) : order > 0 ? (1, 0) : (0, 0)
    }

    private static func numericValue(_ value: TemplateValue) -> (Double, String?) {
        switch value {
        case .int(let integer): return (Double(integer), nil)
        case .float(let float): return (float, nil)
        case .bool(let bool): return (bool ? 1 : 0, nil)
        case .string(let text), .safe(let text, _):
            // Go keeps the parsed number even when it falls back to the text.
            guard let number = GoCast.parseFloat(text), number.isFinite else { return (GoCast.parseFloat(text) ?? 0, text) }
            return (number, nil)
        case .object(let time as TimeObject): return (Double(time.time.unixSeconds), nil)
        default: return (value.number ?? Builtins.count(of: value).map(Double.init) ?? 0, nil)
        }
    }

    private static func byteOrder(_ a: String, _ b: String) -> Int {
        a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : a == b ? 0 : 1
    }

    // MARK: Default

    /// Whether `default` takes the given value: false, zero numbers, empty strings and
    /// collections, zero times and nil are not set; other booleans and objects are.
    private static func isSet(_ value: TemplateValue) -> Bool {
        switch value {
        case .bool: return true
        case .object(let object): return object is TimeObject || object.elements != nil ? object.isTruthy : true
        default: return value.isTrue
        }
    }
}
