import Synchronization

/// A field or method name (`Title` in `.Title`), interned: templates are given the id when they
/// are parsed, and an object finds its accessor by that id in an array (`MemberTable`), so no name
/// is hashed or compared while a template runs.
public struct Member: Sendable, Hashable, CustomStringConvertible {
    public let id: Int
    public let name: String
    /// For Hugo's case-insensitive maps (`.Params.Title` reads the key `title`).
    public let lowercasedName: String

    private static let interned = Mutex<[String: Int]>([:])

    /// The member called `name`, the same one every time.
    public init(_ name: String) {
        self.name = name
        self.lowercasedName = name.lowercased()
        self.id = Self.interned.withLock { ids in
            if let id = ids[name] { return id }
            let id = ids.count
            ids[name] = id
            return id
        }
    }

    public static func == (a: Member, b: Member) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { name }
}

/// The fields and methods of one object type, by `Member` id.
public struct MemberTable<Object>: Sendable {
    public typealias Accessor = @Sendable (_ object: Object, _ arguments: [Value], _ context: CallContext) throws -> Value

    @usableFromInline let accessors: [Accessor?]
    /// The names, for error messages that list what there is.
    public let names: [String]

    public init(_ entries: [String: Accessor]) {
        let members = entries.map { (Member($0.key), $0.value) }
        var accessors = [Accessor?](repeating: nil, count: (members.map(\.0.id).max() ?? -1) + 1)
        for (member, accessor) in members { accessors[member.id] = accessor }
        self.accessors = accessors
        self.names = entries.keys.sorted()
    }

    /// `member` of `object`; nil when the type has no such member. Inlinable, so that each host
    /// type's call is specialized: unspecialized, every call looked up the accessor's function
    /// type in the runtime's metadata cache.
    @inlinable
    public func value(of object: Object, _ member: Member, _ arguments: [Value], _ context: CallContext) throws -> Value? {
        guard member.id < accessors.count, let accessor = accessors[member.id] else { return nil }
        return try accessor(object, arguments, context)
    }

    public func has(_ member: Member) -> Bool { member.id < accessors.count && accessors[member.id] != nil }
}
