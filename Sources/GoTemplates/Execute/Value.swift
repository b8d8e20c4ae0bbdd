/// A value a template sees: Go's `interface{}` for the kinds templates use. Hugo's objects (a page,
/// the site, a resource) are `.object`s whose members are resolved by `Member` id, not by name.
public enum Value: Sendable {
    /// Go's nil, and a missing map key.
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// Content marked safe for a context (`template.HTML`, `template.URL`…), not escaped there.
    case safe(String, ContentKind)
    case list([Value])
    case map(ValueMap)
    case object(any TemplateObject)
}

/// The kinds of safe content of `html/template` (`template.HTML`, `template.CSS`…).
public enum ContentKind: Sendable, Hashable {
    case html, htmlAttribute, css, js, jsString, url, srcset
}

/// A map with string keys (Go's `map[string]interface{}`), ranged over in key order as Go does.
/// `caseInsensitive` maps are Hugo's `maps.Params` (front matter `params`, `.Site.Params`): their
/// keys are stored lower-cased and looked up lower-cased.
public struct ValueMap: Sendable {
    public var entries: [String: Value]
    public var caseInsensitive: Bool

    public init(_ entries: [String: Value] = [:], caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        self.entries = caseInsensitive
            ? Dictionary(entries.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
            : entries
    }

    public subscript(key: String) -> Value? {
        get { entries[caseInsensitive ? key.lowercased() : key] }
        set { entries[caseInsensitive ? key.lowercased() : key] = newValue }
    }

    /// The value of `member` read as a key (`.Params.title`).
    public subscript(member: Member) -> Value? {
        entries[caseInsensitive ? member.lowercasedName : member.name]
    }

    /// Entries in Go's order for ranging over a map: by key, byte by byte.
    public var sorted: [(key: String, value: Value)] {
        entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}

/// An object of the host (Hugo's Page, Site, Resource…): its fields and methods are found by the
/// `Member` id a template was given when parsed, usually through a `MemberTable`.
public protocol TemplateObject: AnyObject, Sendable {
    /// The value of `member` called with `arguments`; nil when the object has no such member
    /// (an error at the template's position).
    func value(of member: Member, arguments: [Value], context: CallContext) throws -> Value?
    /// Go's truth of the object: false for empty collections and zero times.
    var isTruthy: Bool { get }
    /// The Go type name in error messages (`page.Page`).
    var typeName: String { get }
    /// What `{{ . }}` and `%v` print.
    var printed: String { get }
    /// What `range`, `len`, `index` and `first` see, when the object is a collection.
    var elements: Elements? { get }
    /// `eq`: the same object by default.
    func isEqual(to other: any TemplateObject) -> Bool
    /// The number of an object whose Go kind is an integer (`time.Month`): what `%d` prints.
    var integerValue: Int? { get }
    /// What `encoding/json` writes for the object (a time is its RFC 3339 text); nil for its printed text.
    var jsonValue: Value? { get }
    /// The fields and methods it has, for "did you mean" in errors; none by default.
    var memberNames: [String] { get }
}

/// The contents of a collection object.
public enum Elements: Sendable {
    case list([Value])
    /// Key order is the object's (Go ranges over maps by key; Hugo's taxonomies are maps).
    case map([(key: String, value: Value)])
}

extension TemplateObject {
    public var memberNames: [String] { [] }

    public var isTruthy: Bool {
        switch elements {
        case .list(let values): return !values.isEmpty
        case .map(let entries): return !entries.isEmpty
        case nil: return true
        }
    }
    public var elements: Elements? { nil }
    public var integerValue: Int? { nil }
    public var jsonValue: Value? { nil }
    public func isEqual(to other: any TemplateObject) -> Bool { self === other }
}

/// A function a template calls, resolved when the template is parsed. A class, so that an
/// argument node holding one is a single reference.
public final class FunctionReference: Sendable {
    public typealias Body = @Sendable (_ arguments: [Value], _ context: CallContext) throws -> Value

    public let name: String
    let body: Body
    /// `and` and `or` evaluate their arguments lazily; `call` calls its first.
    let special: Special?

    enum Special: Sendable { case and, or }

    public init(_ name: String, _ body: @escaping Body) {
        self.name = name
        self.body = body
        self.special = nil
    }

    /// Calls the function outside a template's own call sites (a host dispatching to it).
    public func call(_ arguments: [Value], _ context: CallContext) throws -> Value {
        try body(arguments, context)
    }

    init(_ name: String, special: Special) {
        self.name = name
        self.body = { _, _ in .null }
        self.special = special
    }
}

/// An error a function or member reports; the executor adds the template's name and position.
public struct TemplateFailure: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
