import GoTemplates

/// Hugo 0.111's template functions that need neither a page nor the site: its `tpl/` namespaces
/// (`strings`, `collections`, `math`…), each under its namespaced name (`strings.TrimPrefix`) and
/// under the top-level aliases Hugo gives it (`trimPrefix`… where it has one), as Hugo's
/// `init.go` files register them.
enum HugoFunctions {
    static var pure: [String: FunctionReference] {
        let namespaces = [
            CastFunctions.all, CollectionsFunctions.all, CompareFunctions.all, CryptoFunctions.all,
            EncodingFunctions.all, FormatFunctions.all, InflectFunctions.all, MathFunctions.all,
            PathFunctions.all, ReflectFunctions.all, SafeFunctions.all, StringsFunctions.all,
            TransformFunctions.all, URLFunctions.all,
        ]
        var functions: [String: FunctionReference] = [:]
        for function in namespaces.joined() {
            functions[function.name] = function.reference(calledAs: function.methodName)
            for alias in function.aliases {
                functions[alias] = function.reference(calledAs: alias)
            }
        }
        return functions
    }
}

/// One function of a Hugo namespace.
struct HugoFunction: Sendable {
    /// How many arguments the Go function takes: Go's template engine refuses a call with any
    /// other number before the function runs.
    enum Arity: Sendable {
        case exactly(Int)
        /// A variadic function: at least this many.
        case atLeast(Int)
    }

    /// The namespaced name: `strings.TrimPrefix`.
    let name: String
    let aliases: [String]
    let arity: Arity
    let body: FunctionReference.Body

    init(_ name: String, aliases: [String] = [], arity: Arity, _ body: @escaping FunctionReference.Body) {
        self.name = name
        self.aliases = aliases
        self.arity = arity
        self.body = body
    }

    /// The method's name in its namespace (`TrimPrefix`): what Go's errors call a namespaced call,
    /// since `strings.TrimPrefix` is a method of the value `strings` returns.
    var methodName: String { String(name[name.index(after: name.firstIndex(of: ".")!)...]) }

    /// The function as templates call it by `name`, with Go's check of the argument count.
    func reference(calledAs name: String) -> FunctionReference {
        let (arity, body) = (self.arity, self.body)
        return FunctionReference(name) { arguments, context in
            switch arity {
            case .exactly(let count) where arguments.count != count:
                throw TemplateFailure("wrong number of args for \(name): want \(count) got \(arguments.count)")
            case .atLeast(let count) where arguments.count < count:
                throw TemplateFailure("wrong number of args for \(name): want at least \(count) got \(arguments.count)")
            default:
                return try body(arguments, context)
            }
        }
    }
}

/// What Go's `reflect` sees of a value, for the functions that branch on it. A `.list` is a Go
/// slice whose element type is the one type all its elements share (Hugo's `slice 1 2` is an
/// `[]int`), else `interface {}`: a `Value` does not keep the type a slice was made with.
extension TemplateValue {
    /// Go's `reflect.Kind`, with the kinds templates meet.
    enum GoKind: Equatable {
        case invalid, bool, int, float, string, slice, map, object
    }

    var goKind: GoKind {
        switch self {
        case .null: return .invalid
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string, .safe: return .string
        case .list: return .slice
        case .map: return .map
        case .object(let object):
            if object is any GoIntegerObject { return .int }
            switch object.elements {
            case .list: return .slice
            case .map: return .map
            case nil: return .object
            }
        }
    }

    /// The Go type, as `%T` would print it.
    var goType: String {
        switch self {
        case .list(let values): return "[]" + Self.elementType(of: values)
        case .map(let map): return map.caseInsensitive ? "maps.Params" : "map[string]interface {}"
        default: return goTypeName
        }
    }

    /// The element type of a slice holding `values`: theirs when they share one.
    static func elementType(of values: [TemplateValue]) -> String {
        guard let first = values.first, case let type = first.goType, type != "<nil>",
              values.dropFirst().allSatisfy({ $0.goType == type }) else { return "interface {}" }
        return type
    }

    /// A number as a float64, for the functions that compare numbers of any kind.
    var number: Double? {
        switch self {
        case .float(let float): return float
        default: return integer.map(Double.init)
        }
    }

    /// An integer, or a host object that is a Go integer type (`time.Month`).
    var integer: Int? {
        switch self {
        case .int(let integer): return integer
        case .object(let object as any GoIntegerObject): return object.integer
        default: return nil
        }
    }

    /// The elements of a slice, or of a host object that is a list (Hugo's `Pages`).
    var sliceElements: [TemplateValue]? {
        switch self {
        case .list(let values): return values
        case .object(let object):
            if case .list(let values) = object.elements { return values }
            return nil
        default: return nil
        }
    }
}
