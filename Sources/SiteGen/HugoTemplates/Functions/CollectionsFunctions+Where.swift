import GoTemplates

/// `where COLLECTION KEY [OPERATOR] VALUE`: the elements (of a list, or the lists of a map) whose
/// KEY (a path such as `Params.tags`, of map keys and object members) compares to VALUE.
extension CollectionsFunctions {
    static let whereFunction = HugoFunction("collections.Where", aliases: ["where"], arity: .atLeast(2)) { arguments, context in
        let (collection, key) = (arguments[0], arguments[1])
        let (match, operation) = try whereOperands(Array(arguments.dropFirst(2)))
        let condition = Condition(operation: operation, match: match)
        switch collection {
        case .map(let map):
            var result = ValueMap(caseInsensitive: map.caseInsensitive)
            for (name, value) in map.entries {
                guard let elements = value.sliceElements else { continue }
                if try !filter(elements, key: key, condition, context).isEmpty { result.entries[name] = value }
            }
            return .map(result)
        default:
            guard let elements = collection.sliceElements else {
                throw TemplateFailure("can't iterate over \(GoFormat.printed(collection))")
            }
            return .list(try filter(elements, key: key, condition, context))
        }
    }

    /// Hugo's `parseWhereArgs`: the value, after an operator (trimmed, lower-cased) if there is one.
    private static func whereOperands(_ arguments: [TemplateValue]) throws -> (TemplateValue, String) {
        switch arguments.count {
        case 1: return (arguments[0], "")
        case 2:
            guard case .string(let operation) = arguments[0] else { throw TemplateFailure("operator argument must be string type") }
            return (arguments[1], GoUnicode.lowercased(StringsFunctions.trimming(operation, where: GoUnicode.isSpace)))
        default:
            throw TemplateFailure("can't evaluate the array by no match argument or more than or equal to two arguments")
        }
    }

    private static func filter(_ elements: [TemplateValue], key: TemplateValue, _ condition: Condition,
                               _ context: CallContext) throws -> [TemplateValue] {
        // A key that is not a string finds nothing: maps here have string keys.
        try elements.filter { element in
            guard case .string(let path) = key else { return try condition.holds(for: .null) }
            return try condition.holds(for: lookUp(path, in: element, context) ?? .null)
        }
    }

    /// The value at a dotted path (`.Params.tags`), nil where it leads nowhere (Hugo's `where`
    /// ignores what it cannot evaluate).
    private static func lookUp(_ path: String, in element: TemplateValue, _ context: CallContext) -> TemplateValue? {
        var current: TemplateValue? = element
        for name in pathElements(path) {
            current = current.flatMap { try? member(name, of: $0, context) }
        }
        return current
    }

    static func pathElements(_ path: String) -> [String] {
        StringsFunctions.split(StringsFunctions.trimming(path) { $0 == "." }, by: ".")
    }

    /// Hugo's `evaluateSubElem`: an object's method or field, or a map's value (found without
    /// regard to case in Hugo's `maps.Params`); nil for a map key that is not there.
    static func member(_ name: String, of value: TemplateValue, _ context: CallContext) throws -> TemplateValue? {
        switch value {
        case .map(let map):
            return map[name]
        case .object(let object):
            if let result = try object.value(of: Member(name), arguments: [], context: context) { return result }
            throw TemplateFailure("\(name) is neither a struct field, a method nor a map element of type \(object.typeName)")
        case .null:
            throw TemplateFailure("can't evaluate an invalid value")
        default:
            throw TemplateFailure("\(name) is neither a struct field, a method nor a map element of type \(value.goType)")
        }
    }
}

/// Hugo's `checkCondition`: how `where` compares a value to the one it was given.
private struct Condition {
    let operation: String
    let match: TemplateValue

    private static let equal: Set = ["", "=", "==", "eq"]
    private static let notEqual: Set = ["!=", "<>", "ne"]

    /// The operands Go extracts: both integers, floats, strings, times (as Unix seconds), or
    /// lists; or, against a list, the value and the list's elements of its kind.
    private struct Operands {
        var integers: (Int, Int)?
        var floats: (Double, Double)?
        var strings: (String, String)?
        var lists: ([TemplateValue], [TemplateValue])?
        var value: TemplateValue = .null
        var integerList: [Int] = []
        var floatList: [Double] = []
        var stringList: [String] = []
    }

    func holds(for value: TemplateValue) throws -> Bool {
        let (valueIsNil, matchIsNil) = (value.goKind == .invalid, match.goKind == .invalid)
        if valueIsNil || matchIsNil {
            if Self.equal.contains(operation) { return valueIsNil == matchIsNil }
            if Self.notEqual.contains(operation) { return valueIsNil != matchIsNil }
            return false
        }
        if case .bool(let x) = value, case .bool(let y) = match {
            if Self.equal.contains(operation) { return x == y }
            if Self.notEqual.contains(operation) { return x != y }
            return false
        }
        guard let operands = operands(value) else { return false }
        return try compare(operands)
    }

    private func operands(_ value: TemplateValue) -> Operands? {
        var operands = Operands()
        operands.value = value
        switch (value, match) {
        case _ where value.goKind == .int && match.goKind == .int: operands.integers = (value.integer!, match.integer!)
        case (.float(let x), .float(let y)): operands.floats = (x, y)
        case _ where value.number != nil && match.number != nil: operands.floats = (value.number!, match.number!)
        case (.object(let x as TimeObject), .object(let y as TimeObject)): operands.integers = (x.time.unixSeconds, y.time.unixSeconds)
        case (.string(let x), .string(let y)), (.string(let x), .safe(let y, _)), (.safe(let x, _), .string(let y)),
             (.safe(let x, _), .safe(let y, _)):
            operands.strings = (x, y)
        default:
            if let values = value.sliceElements, let matches = match.sliceElements {
                operands.lists = (values, matches)
                return operands
            }
            guard let matches = match.sliceElements, !matches.isEmpty else { return nil }
            let elementType = TemplateValue.elementType(of: matches)
            guard elementType == "interface {}" || elementType == value.goType else { return nil }
            operands.integerList = matches.compactMap { if case .int(let x) = $0 { return x } else { return nil } }
            operands.floatList = matches.compactMap { if case .float(let x) = $0 { return x } else { return nil } }
            operands.stringList = matches.compactMap { if case .string(let x) = $0 { return x } else if case .safe(let x, _) = $0 { return x } else { return nil } }
        }
        return operands
    }

    private func compare(_ operands: Operands) throws -> Bool {
        switch operation {
        case "", "=", "==", "eq": return ordered(operands, ==, ==)
        case "!=", "<>", "ne": return ordered(operands, !=, !=)
        case ">=", "ge": return ordered(operands, >=, >=)
        case ">", "gt": return ordered(operands, >, >)
        case "<=", "le": return ordered(operands, <=, <=)
        case "<", "lt": return ordered(operands, <, <)
        case "in", "not in":
            guard let found = membership(operands) else { return false }
            return found == (operation == "in")
        case "intersect":
            guard let (values, matches) = operands.lists else {
                return false
            }
            if case .list(let common) = try CollectionsFunctions.intersect(.list(values), .list(matches)) { return !common.isEmpty }
            return false
        default:
            throw TemplateFailure("no such operator")
        }
    }

    /// The comparison of the operands Go extracted: strings by their bytes.
    private func ordered(_ operands: Operands, _ integers: (Int, Int) -> Bool, _ floats: (Double, Double) -> Bool) -> Bool {
        if let (x, y) = operands.integers { return integers(x, y) }
        if let (x, y) = operands.strings {
            let order = x == y ? 0 : x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
            return integers(order, 0)
        }
        if let (x, y) = operands.floats { return floats(x, y) }
        return false
    }

    /// Whether the value is among the list's elements of its kind (or, for two strings, within the
    /// other); nil when Go compares nothing.
    private func membership(_ operands: Operands) -> Bool? {
        switch operands.value {
        case .int(let x) where !operands.integerList.isEmpty: return operands.integerList.contains(x)
        case .float(let x) where !operands.floatList.isEmpty: return operands.floatList.contains(x)
        case .string(let x), .safe(let x, _):
            if !operands.stringList.isEmpty { return operands.stringList.contains(x) }
            if let (_, within) = operands.strings { return x.isEmpty || within.utf8.contains(x.utf8) }
            return nil
        default:
            return nil
        }
    }
}
