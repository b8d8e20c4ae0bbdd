import Foundation

/// A value read from configuration or front matter (YAML, TOML or JSON), kept as it was written so
/// that keys SiteGen does not know still reach templates as `params`.
public enum Value: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// A date and time; `offset` is the UTC offset in seconds as written (`+01:00`), nil for UTC or none.
    case date(Date, offset: Int? = nil)
    case array([Value])
    case table([String: Value])

    public var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }

    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Int(exactly: d.rounded()) 
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: return nil
            }
        default: return nil
        }
    }

    public var array: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var table: [String: Value]? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// A list of strings: `[a, b]`, or a single string read as a one-element list (Hugo accepts
    /// `tags: go` as well as `tags: [go]`).
    public var stringList: [String]? {
        switch self {
        case .array(let items): return items.compactMap(\.string)
        case .string(let s): return [s]
        default: return nil
        }
    }

    /// Looks a key up case-insensitively, as Hugo does for configuration and front matter.
    public subscript(key: String) -> Value? {
        guard case .table(let t) = self else { return nil }
        return t.value(forKeyIgnoringCase: key)
    }
}

extension Dictionary where Key == String, Value == SiteGen.Value {
    /// Hugo's keys are case-insensitive: `baseURL`, `baseurl` and `BaseURL` are the same key.
    public func value(forKeyIgnoringCase key: String) -> SiteGen.Value? {
        if let v = self[key] { return v }
        let lower = key.lowercased()
        return first { $0.key.lowercased() == lower }?.value
    }
}
