import GoTemplates

/// Hugo's `reflect` namespace: what kind of Go value a value is.
enum ReflectFunctions {
    static let all: [HugoFunction] = [
        HugoFunction("reflect.IsMap", arity: .exactly(1)) { arguments, _ in .bool(arguments[0].goKind == .map) },
        HugoFunction("reflect.IsSlice", arity: .exactly(1)) { arguments, _ in .bool(arguments[0].goKind == .slice) },
    ]
}
