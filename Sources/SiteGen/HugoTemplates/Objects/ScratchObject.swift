import GoTemplates
import Synchronization

/// Hugo's `Scratch` (`.Scratch`, `.Store`, `newScratch`): a map templates write while they run.
/// A page's scratch can be written by another page's template running at the same time (a list
/// that touches its members' scratch), hence the lock.
final class ScratchObject: TemplateObject {
    private let values = Mutex<[String: TemplateValue]>([:])

    var typeName: String { "*maps.Scratch" }
    var printed: String { "&{map[]}" }

    static let members = MemberTable<ScratchObject>([
        "Get": { scratch, arguments, _ in
            let key = try Arguments(arguments, "Get").string(0)
            return scratch.values.withLock { $0[key] } ?? .null
        },
        "Set": { scratch, arguments, _ in
            let arguments = Arguments(arguments, "Set")
            let key = try arguments.string(0), value = try arguments.value(1)
            scratch.values.withLock { $0[key] = value }
            return .string("")
        },
        "Add": { scratch, arguments, _ in
            let arguments = Arguments(arguments, "Add")
            let key = try arguments.string(0), value = try arguments.value(1)
            try scratch.values.withLock { values throws in
                values[key] = try ScratchObject.adding(value, to: values[key])
            }
            return .string("")
        },
        "SetInMap": { scratch, arguments, _ in
            let arguments = Arguments(arguments, "SetInMap")
            let key = try arguments.string(0), mapKey = try arguments.string(1), value = try arguments.value(2)
            scratch.values.withLock { values in
                var map: ValueMap
                if case .map(let existing) = values[key] { map = existing } else { map = ValueMap() }
                map[mapKey] = value
                values[key] = .map(map)
            }
            return .string("")
        },
        "DeleteInMap": { scratch, arguments, _ in
            let arguments = Arguments(arguments, "DeleteInMap")
            let key = try arguments.string(0), mapKey = try arguments.string(1)
            scratch.values.withLock { values in
                guard case .map(var map) = values[key] else { return }
                map[mapKey] = nil
                values[key] = .map(map)
            }
            return .string("")
        },
        "GetSortedMapValues": { scratch, arguments, _ in
            let key = try Arguments(arguments, "GetSortedMapValues").string(0)
            guard case .map(let map) = scratch.values.withLock({ $0[key] }) ?? .null else { return .null }
            return .list(map.sorted.map(\.value))
        },
        "Delete": { scratch, arguments, _ in
            let key = try Arguments(arguments, "Delete").string(0)
            scratch.values.withLock { _ = $0.removeValue(forKey: key) }
            return .string("")
        },
        "Values": { scratch, _, _ in
            .map(ValueMap(scratch.values.withLock { $0 }))
        },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context)
    }

    /// Hugo's `Scratch.Add`: numbers are added, strings joined, lists appended to.
    private static func adding(_ value: TemplateValue, to existing: TemplateValue?) throws -> TemplateValue {
        guard let existing else { return value }
        switch (existing, value) {
        case (.int(let a), .int(let b)): return .int(a + b)
        case (.int(let a), .float(let b)): return .float(Double(a) + b)
        case (.float(let a), .int(let b)): return .float(a + Double(b))
        case (.float(let a), .float(let b)): return .float(a + b)
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.list(let a), _): return .list(a + [value])
        default: throw TemplateFailure("can't add \(value.goTypeName) to \(existing.goTypeName)")
        }
    }
}

/// Positional arguments of a member or function, with Hugo-like errors for missing ones.
struct Arguments {
    let values: [TemplateValue]
    let name: String

    init(_ values: [TemplateValue], _ name: String) {
        self.values = values
        self.name = name
    }

    func value(_ index: Int) throws -> TemplateValue {
        guard index < values.count else { throw TemplateFailure("\(name): missing argument \(index + 1)") }
        return values[index]
    }

    func string(_ index: Int) throws -> String {
        let value = try value(index)
        switch value {
        case .string(let text), .safe(let text, _): return text
        case .int(let number): return String(number)
        default: throw TemplateFailure("\(name): argument \(index + 1) must be a string, not \(value.goTypeName)")
        }
    }
}
