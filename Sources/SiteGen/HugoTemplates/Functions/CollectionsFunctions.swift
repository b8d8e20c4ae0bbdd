import GoTemplates

/// Hugo's `collections` namespace: lists and maps built, cut, combined, filtered (`where`, in
/// CollectionsFunctions+Where.swift) and sorted (`sort`, in CollectionsFunctions+Sort.swift), with
/// Hugo's rules for comparing their elements: numbers by value whatever their kind, strings and
/// safe strings apart.
enum CollectionsFunctions {
    static let all: [HugoFunction] = building + cutting + combining + looking + [whereFunction, sortFunction]

    private static let building: [HugoFunction] = [
        HugoFunction("collections.Slice", aliases: ["slice"], arity: .atLeast(0)) { arguments, _ in .list(arguments) },
        HugoFunction("collections.Dictionary", aliases: ["dict"], arity: .atLeast(0)) { arguments, _ in
            try dictionary(arguments)
        },
        HugoFunction("collections.Seq", aliases: ["seq"], arity: .atLeast(0)) { arguments, _ in
            .list(try sequence(arguments).map(TemplateValue.int))
        },
        HugoFunction("collections.Querify", aliases: ["querify"], arity: .atLeast(0)) { arguments, _ in
            .string(try querify(arguments))
        },
        HugoFunction("collections.KeyVals", aliases: ["keyVals"], arity: .atLeast(1)) { arguments, _ in
            .object(KeyValues(key: arguments[0], values: Array(arguments.dropFirst())))
        },
        HugoFunction("collections.Append", aliases: ["append"], arity: .atLeast(1)) { arguments, _ in
            try append(Array(arguments.dropLast()), to: arguments[arguments.count - 1])
        },
        HugoFunction("collections.Merge", aliases: ["merge"], arity: .atLeast(0)) { arguments, _ in
            guard arguments.count >= 2 else { throw TemplateFailure("merge requires at least two parameters") }
            return try arguments.dropLast().reversed().reduce(arguments[arguments.count - 1]) { try merge($1, into: $0) }
        },
    ]

    private static let cutting: [HugoFunction] = [
        HugoFunction("collections.First", aliases: ["first"], arity: .exactly(2)) { arguments, _ in
            try cut(arguments, function: "first") { count, length in 0..<min(count, length) }
        },
        HugoFunction("collections.Last", aliases: ["last"], arity: .exactly(2)) { arguments, _ in
            try cut(arguments, function: "last") { count, length in (length - min(count, length))..<length }
        },
        HugoFunction("collections.After", aliases: ["after"], arity: .exactly(2)) { arguments, _ in
            try cut(arguments, function: "after") { count, length in min(count, length)..<length }
        },
        HugoFunction("collections.Reverse", arity: .exactly(1)) { arguments, _ in
            guard arguments[0].goKind != .invalid else { return .null }
            guard let values = arguments[0].sliceElements else { throw TemplateFailure("argument must be a slice") }
            return .list(values.reversed())
        },
    ]

    private static let combining: [HugoFunction] = [
        HugoFunction("collections.Union", aliases: ["union"], arity: .exactly(2)) { arguments, _ in
            try union(arguments[0], arguments[1])
        },
        HugoFunction("collections.Intersect", aliases: ["intersect"], arity: .exactly(2)) { arguments, _ in
            try intersect(arguments[0], arguments[1])
        },
        HugoFunction("collections.Complement", aliases: ["complement"], arity: .atLeast(0)) { arguments, _ in
            try complement(arguments)
        },
        HugoFunction("collections.SymDiff", aliases: ["symdiff"], arity: .exactly(2)) { arguments, _ in
            try symmetricDifference(arguments[1], arguments[0])
        },
        HugoFunction("collections.Uniq", aliases: ["uniq"], arity: .exactly(1)) { arguments, _ in
            guard arguments[0].goKind != .invalid else { return .list([]) }
            guard let values = arguments[0].sliceElements else {
                throw TemplateFailure("type \(arguments[0].goType) not supported")
            }
            var unique: [TemplateValue] = []
            for value in values where !unique.contains(where: { same($0, value) }) { unique.append(value) }
            return .list(unique)
        },
        HugoFunction("collections.Delimit", aliases: ["delimit"], arity: .atLeast(2)) { arguments, _ in
            .safe(try delimit(arguments), .html)
        },
    ]

    private static let looking: [HugoFunction] = [
        HugoFunction("collections.In", aliases: ["in"], arity: .exactly(2)) { arguments, _ in
            .bool(contains(arguments[0], arguments[1]))
        },
        HugoFunction("collections.Index", aliases: ["index"], arity: .atLeast(1)) { arguments, _ in
            try index(arguments[0], Array(arguments.dropFirst()))
        },
        HugoFunction("collections.IsSet", aliases: ["isSet", "isset"], arity: .exactly(2)) { arguments, _ in
            .bool(try isSet(arguments[0], arguments[1]))
        },
        HugoFunction("collections.EchoParam", aliases: ["echoParam"], arity: .exactly(2)) { arguments, _ in
            echoParameter(arguments[0], arguments[1])
        },
    ]

    // MARK: Equality of elements

    /// Hugo's `normalize` then `==`: numbers as float64s, strings of one type, the same object;
    /// lists and maps (which Go cannot compare so) by their contents.
    static func same(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        return CompareFunctions.deepEqual(a, b)
    }

    /// Whether Go can use the value as a map key: not a slice nor a map.
    private static func isComparable(_ value: TemplateValue) -> Bool {
        if case .list = value { return false }
        if case .map = value { return false }
        return true
    }

    private static func isComparableType(_ type: String) -> Bool {
        !type.hasPrefix("[") && !type.hasPrefix("map")
    }

    private static func cannotIterate(_ value: TemplateValue) -> TemplateFailure {
        TemplateFailure("can't iterate over \(value.goType)")
    }

    // MARK: Building

    /// `dict`: keys are strings, or lists of strings that make nested maps.
    private static func dictionary(_ arguments: [TemplateValue]) throws -> TemplateValue {
        guard arguments.count.isMultiple(of: 2) else { throw TemplateFailure("invalid dictionary call") }
        var root = ValueMap()
        for pair in stride(from: 0, to: arguments.count, by: 2) {
            let value = arguments[pair + 1]
            switch arguments[pair] {
            case .string(let key):
                root.entries[key] = value
            case .list(let keys) where !keys.isEmpty && TemplateValue.elementType(of: keys) == "string":
                let path = keys.map { GoFormat.printed($0) }
                root = nested(root, path: path[...], value: value)
            default:
                throw TemplateFailure("invalid dictionary key")
            }
        }
        return .map(root)
    }

    private static func nested(_ map: ValueMap, path: ArraySlice<String>, value: TemplateValue) -> ValueMap {
        var map = map
        guard path.count > 1 else {
            map.entries[path.first!] = value
            return map
        }
        var inner = ValueMap()
        if case .map(let existing) = map.entries[path.first!] { inner = existing }
        map.entries[path.first!] = .map(nested(inner, path: path.dropFirst(), value: value))
        return map
    }

    /// `seq LAST`, `seq FIRST LAST` or `seq FIRST INCREMENT LAST`, as GNU's `seq` counts.
    private static func sequence(_ arguments: [TemplateValue]) throws -> [Int] {
        guard (1...3).contains(arguments.count) else { throw TemplateFailure("invalid number of arguments to Seq") }
        guard let numbers = try? arguments.map(GoCast.int) else { throw TemplateFailure("invalid arguments to Seq") }
        var (first, increment, last) = (numbers[0], 1, numbers[0])
        switch numbers.count {
        case 1:
            guard last != 0 else { return [] }
            (first, increment) = last > 0 ? (1, 1) : (-1, -1)
        case 2:
            last = numbers[1]
            if last < first { increment = -1 }
        default:
            (increment, last) = (numbers[1], numbers[2])
            guard increment != 0 else { throw TemplateFailure("'increment' must not be 0") }
            if first < last && increment < 0 { throw TemplateFailure("'increment' must be > 0") }
            if first > last && increment > 0 { throw TemplateFailure("'increment' must be < 0") }
        }
        guard last >= -100_000 else { throw TemplateFailure("size of result exceeds limit") }
        let size = (last - first) / increment + 1
        guard size > 0, size <= 2000 else { throw TemplateFailure("size of result exceeds limit") }
        return Array(stride(from: first, through: last, by: increment))
    }

    /// `querify KEY VALUE…` (or one list of them): URL-encoded, sorted by key.
    private static func querify(_ arguments: [TemplateValue]) throws -> String {
        var parameters = arguments
        if arguments.count == 1 {
            guard case .list(let values) = arguments[0] else { throw TemplateFailure("query keys must be strings") }
            parameters = values
        }
        guard parameters.count.isMultiple(of: 2) else { throw TemplateFailure("invalid query") }
        var pairs: [(key: String, value: String)] = []
        for index in stride(from: 0, to: parameters.count, by: 2) {
            guard case .string(let key) = parameters[index] else { throw TemplateFailure("query keys must be strings") }
            pairs.append((key, GoFormat.printed(parameters[index + 1])))
        }
        // Go's `url.Values.Encode`: keys sorted, each key's values in the order they came.
        let sorted = pairs.enumerated().sorted { a, b in
            a.element.key == b.element.key ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
        }
        return sorted.map { Builtins.queryEscape($0.element.key) + "=" + Builtins.queryEscape($0.element.value) }.joined(separator: "&")
    }

    /// Hugo's `collections.Append`: the values added to the list; one list added to a list of
    /// its type, or of another type, is spliced in (a list of anything takes it as one element).
    private static func append(_ additions: [TemplateValue], to target: TemplateValue) throws -> TemplateValue {
        guard target.goKind != .invalid else { return .list(additions) }
        guard case .list(let existing) = target else { throw TemplateFailure("expected a slice, got \(target.goType)") }
        if additions.count == 1, case .list(let values) = additions[0] {
            guard !existing.isEmpty else { return additions[0] }
            let type = TemplateValue.elementType(of: existing)
            if type == TemplateValue.elementType(of: values) || type != "interface {}" { return .list(existing + values) }
        }
        guard !existing.isEmpty else { return .list(additions) }
        guard additions.allSatisfy({ $0.goKind != .invalid }) else {
            throw TemplateFailure("reflect: call of reflect.Value.Type on zero Value")
        }
        return .list(existing + additions)
    }

    /// Hugo's `merge`: `source`'s keys that `target` lacks (matched without regard to case) added
    /// to a copy of `target`, and maps under a key both have merged the same way.
    private static func merge(_ source: TemplateValue, into target: TemplateValue) throws -> TemplateValue {
        guard case .map(let destination) = target else { throw TemplateFailure("destination must be a map, got \(target.goType)") }
        guard source.isTrue else { return target }
        guard case .map(let addition) = source else { throw TemplateFailure("source must be a map, got \(source.goType)") }
        return .map(merged(addition, into: destination))
    }

    private static func merged(_ source: ValueMap, into destination: ValueMap) -> ValueMap {
        var result = destination
        for (key, value) in source.entries {
            let existingKey = result.entries[key] != nil ? key
                : result.entries.keys.first { $0.lowercased() == key.lowercased() }
            guard let existingKey else {
                result.entries[destination.caseInsensitive ? key.lowercased() : key] = value
                continue
            }
            if case .map(let inner) = result.entries[existingKey]!, case .map(let addition) = value {
                result.entries[existingKey] = .map(merged(addition, into: inner))
            }
        }
        return result
    }

    // MARK: Cutting

    /// `first`, `last` and `after`: a range of a list or of a string's bytes.
    private static func cut(_ arguments: [TemplateValue], function: String,
                            _ range: (Int, Int) -> Range<Int>) throws -> TemplateValue {
        let (countArgument, sequence) = (arguments[0], arguments[1])
        guard countArgument.goKind != .invalid, sequence.goKind != .invalid else {
            throw TemplateFailure("both limit and seq must be provided")
        }
        let count = try GoCast.int(countArgument)
        guard count >= 0 else {
            throw TemplateFailure(function == "after" ? "sequence bounds out of range [\(count):]" : "sequence length must be non-negative")
        }
        switch sequence {
        case .string(let text), .safe(let text, _):
            let bytes = Array(text.utf8)
            return .string(String(decoding: bytes[range(count, bytes.count)], as: UTF8.self))
        default:
            guard let values = sequence.sliceElements else { throw cannotIterate(sequence) }
            return .list(Array(values[range(count, values.count)]))
        }
    }

    // MARK: Combining

    /// Hugo's `Union`: the first list's distinct elements, then the second's not among them,
    /// converted to the type of the first list's elements (those that do not convert are left
    /// out); two lists of different types give an empty list.
    private static func union(_ first: TemplateValue, _ second: TemplateValue) throws -> TemplateValue {
        switch (first, second) {
        case (.null, .null): return .list([])
        case (.null, _): return second
        case (_, .null): return first
        default: break
        }
        guard let firstValues = first.sliceElements else { throw cannotIterate(first) }
        guard let secondValues = second.sliceElements else { throw cannotIterate(second) }
        let (firstType, secondType) = (TemplateValue.elementType(of: firstValues), TemplateValue.elementType(of: secondValues))
        if firstType != secondType && firstType != "interface {}" && secondType != "interface {}" { return .list([]) }
        var result: [TemplateValue] = []
        func appendIfNotSeen(_ value: TemplateValue) {
            if !result.contains(where: { same($0, value) }) { result.append(value) }
        }
        for value in firstValues {
            guard isComparable(value) else { throw TemplateFailure("union does not support slices or arrays of uncomparable types") }
            if value.goKind != .invalid { appendIfNotSeen(value) }
        }
        // Go converts to the kind of the last element it looked at, or of the second list's first
        // (which, in a list of anything, takes anything).
        guard let prototype = firstValues.last ?? secondValues.first else { return .list(result) }
        let takesAnything = firstValues.isEmpty && secondType == "interface {}"
        for value in secondValues {
            switch (prototype.goKind, value) {
            case _ where takesAnything: appendIfNotSeen(value)
            case (.string, .string(let text)), (.string, .safe(let text, _)): appendIfNotSeen(.string(text))
            case (.int, .int), (.float, .float), (.object, _): appendIfNotSeen(value)
            default: break
            }
        }
        return .list(result)
    }

    /// Hugo's `Intersect`: the first list's elements that the second has, once each.
    static func intersect(_ first: TemplateValue, _ second: TemplateValue) throws -> TemplateValue {
        guard first.goKind != .invalid, second.goKind != .invalid else { return .list([]) }
        guard let firstValues = first.sliceElements else { throw cannotIterate(first) }
        guard let secondValues = second.sliceElements else { throw cannotIterate(second) }
        // Go refuses slices whose element type cannot be compared (a list of anything can).
        guard isComparableType(TemplateValue.elementType(of: firstValues)), isComparableType(TemplateValue.elementType(of: secondValues)) else {
            throw TemplateFailure("intersect does not support slices or arrays of uncomparable types")
        }
        var result: [TemplateValue] = []
        for value in firstValues {
            for other in secondValues {
                if intersects(value, other), !result.contains(where: { same($0, value) }) { result.append(value) }
            }
        }
        return .list(result)
    }

    /// Hugo's `handleValuePair`: strings match strings of any kind, numbers numbers, objects
    /// themselves; booleans never match.
    private static func intersects(_ value: TemplateValue, _ other: TemplateValue) -> Bool {
        switch (value, other) {
        case (.string(let x), .string(let y)), (.string(let x), .safe(let y, _)), (.safe(let x, _), .string(let y)),
             (.safe(let x, _), .safe(let y, _)):
            return x == y
        case (.object(let x), .object(let y)): return x.isEqual(to: y)
        default:
            guard let x = value.number, let y = other.number else { return false }
            return x == y
        }
    }

    /// `complement LIST… UNIVERSE`: the universe's elements in none of the lists.
    private static func complement(_ arguments: [TemplateValue]) throws -> TemplateValue {
        guard arguments.count >= 2 else { throw TemplateFailure("complement needs at least two arguments") }
        let removed = try arguments.dropLast().flatMap { list -> [TemplateValue] in
            guard let values = list.sliceElements else { throw TemplateFailure("arguments to complement must be slices or arrays") }
            return values
        }
        let universe = arguments[arguments.count - 1]
        guard let values = universe.sliceElements else { throw TemplateFailure("expected array or slice, got \(universe.goType)") }
        return .list(values.filter { value in !removed.contains { same($0, value) } })
    }

    /// `symdiff SECOND FIRST`: the first list's elements that the second lacks, then the second's
    /// that the first lacks, converted to the first list's element type.
    private static func symmetricDifference(_ first: TemplateValue, _ second: TemplateValue) throws -> TemplateValue {
        guard let firstValues = first.sliceElements, let secondValues = second.sliceElements else {
            throw TemplateFailure("arguments must be slices or arrays")
        }
        let elementType = TemplateValue.elementType(of: firstValues)
        var result: [TemplateValue] = []
        for (values, others) in [(firstValues, secondValues), (secondValues, firstValues)] {
            for value in values where !others.contains(where: { same($0, value) }) {
                result.append(try converted(value, to: elementType))
            }
        }
        return .list(result)
    }

    /// Hugo's `convertValue`: numbers made the list's number type, strings kept as strings.
    private static func converted(_ value: TemplateValue, to elementType: String) throws -> TemplateValue {
        switch (elementType, value) {
        case ("interface {}", _): return value
        case ("int", .int), ("float64", .float), ("string", .string): return value
        case ("string", .safe(let text, _)): return .string(text)
        default:
            guard value.goType != elementType else { return value }
            throw TemplateFailure("symdiff: failed to convert value: \(value.goType) is not assignable to \(elementType)")
        }
    }

    /// `delimit LIST SEPARATOR [LAST]`: the elements as strings (a map's by key order, a string's
    /// bytes as numbers), those that are not strings skipped.
    private static func delimit(_ arguments: [TemplateValue]) throws -> String {
        let separator = try GoCast.string(arguments[1])
        let last = arguments.count > 2 ? try? GoCast.string(arguments[2]) : nil
        let values: [TemplateValue]
        switch arguments[0] {
        case .null: throw TemplateFailure("can't iterate over <nil>")
        case .map(let map): values = map.sorted.map(\.value)
        case .string(let text), .safe(let text, _): values = text.utf8.map { .int(Int($0)) }
        default:
            guard let elements = arguments[0].sliceElements else {
                throw TemplateFailure("can't iterate over \(GoFormat.printed(arguments[0]))")
            }
            values = elements
        }
        var output = ""
        for (index, value) in values.enumerated() {
            guard let text = try? GoCast.string(value) else { continue }
            if index == values.count - 2, let last {
                output += text + last
            } else if index == values.count - 1 {
                output += text
            } else {
                output += text + separator
            }
        }
        return output
    }

    // MARK: Looking up

    /// `in LIST VALUE`: whether the list has the value, or a string (or what converts to one)
    /// holds it.
    private static func contains(_ collection: TemplateValue, _ value: TemplateValue) -> Bool {
        guard collection.goKind != .invalid, value.goKind != .invalid else { return false }
        if let values = collection.sliceElements, values.contains(where: { $0.goKind != .invalid && same($0, value) }) {
            return true
        }
        guard let text = try? GoCast.string(collection), let part = try? GoCast.string(value) else { return false }
        return part.isEmpty || text.utf8.contains(part.utf8)
    }

    /// Hugo's `index`: nil for what is missing, an index out of range included; one list of keys
    /// is a path.
    private static func index(_ item: TemplateValue, _ arguments: [TemplateValue]) throws -> TemplateValue {
        var keys = arguments
        if arguments.count == 1, case .list(let path) = arguments[0] { keys = path }
        var current = item
        for key in keys {
            do {
                guard let next = try indexed(current, key) else { return .null }
                current = next
            } catch let failure as TemplateFailure {
                let printedKeys = GoFormat.printed(.list(keys))
                throw TemplateFailure("index of type \(item.goType) with args \(printedKeys) failed: \(failure.message)")
            }
        }
        return current
    }

    private static func indexed(_ value: TemplateValue, _ key: TemplateValue) throws -> TemplateValue? {
        switch value {
        case .null: return nil
        case .string(let text), .safe(let text, _):
            let bytes = Array(text.utf8)
            return try position(key, count: bytes.count).map { .int(Int(bytes[$0])) }
        case .map(let map):
            guard case .string(let name) = key else { throw TemplateFailure("value has type \(key.goType); should be string") }
            return map.entries[name] ?? .null
        case .object(let object):
            switch object.elements {
            case .list(let values): return try position(key, count: values.count).map { values[$0] }
            case .map(let entries):
                guard case .string(let name) = key else { throw TemplateFailure("value has type \(key.goType); should be string") }
                return entries.first { $0.key == name }?.value ?? .null
            case nil: throw TemplateFailure("can't index item of type \(object.typeName)")
            }
        case .list(let values):
            return try position(key, count: values.count).map { values[$0] }
        default:
            throw TemplateFailure("can't index item of type \(value.goType)")
        }
    }

    /// An integer index within `count`, or nil (Hugo does not fail on an index out of range).
    private static func position(_ key: TemplateValue, count: Int) throws -> Int? {
        switch key {
        case .int(let index): return index >= 0 && index < count ? index : nil
        case .null: throw TemplateFailure("cannot index slice/array with nil")
        default: throw TemplateFailure("cannot index slice/array with type \(key.goType)")
        }
    }

    /// `isset COLLECTION KEY`: a list's index below its length, or a key a map has (as it is
    /// written).
    private static func isSet(_ collection: TemplateValue, _ key: TemplateValue) throws -> Bool {
        switch collection.goKind {
        case .slice:
            guard let index = try? GoCast.int(key) else { throw TemplateFailure("isset unable to use key of type \(key.goType) as index") }
            return (collection.sliceElements?.count ?? 0) > index
        case .map:
            guard case .string(let name) = key else { return false }
            if case .map(let map) = collection { return map.entries[name] != nil }
            if case .object(let object) = collection, case .map(let entries) = object.elements {
                return entries.contains { $0.key == name }
            }
            return false
        default:
            return false
        }
    }

    /// The deprecated `echoParam`: a number or string under the key (or index), else "".
    private static func echoParameter(_ collection: TemplateValue, _ key: TemplateValue) -> TemplateValue {
        var found: TemplateValue?
        switch (collection, key) {
        case (.map(let map), .string(let name)): found = map.entries[name]
        case (.list(let values), .int(let index)) where index >= 0 && index < values.count: found = values[index]
        default: break
        }
        switch found {
        case .int?, .float?, .string?: return found!
        case .safe(let text, _)?: return .string(text)
        default: return .string("")
        }
    }
}

/// What `keyVals` returns: `.Key` and `.Values`, printed as `key: [values]`.
final class KeyValues: TemplateObject {
    let key: TemplateValue
    let values: [TemplateValue]

    init(key: TemplateValue, values: [TemplateValue]) {
        self.key = key
        self.values = values
    }

    static let members = MemberTable<KeyValues>([
        "Key": { object, _, _ in object.key },
        "Values": { object, _, _ in .list(object.values) },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }

    var typeName: String { "types.KeyValues" }
    var printed: String { GoFormat.sprintf("%v: %v", [key, .list(values)]) }
}
