import Foundation
import GoTemplates

typealias TemplateValue = GoTemplates.Value

extension GoTemplates.Value {
    /// A configuration or front-matter value as templates see it. Tables are Hugo's
    /// `maps.Params`: keys lower-cased, read case-insensitively.
    init(_ value: SiteGen.Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .double(let number): self = .float(number)
        case .bool(let flag): self = .bool(flag)
        case .date(let date, let offset): self = .object(TimeObject(GoTime(date, location: offset.map { GoLocation.fixed(name: "", offset: $0) } ?? .utc)))
        case .array(let values): self = .list(values.map { TemplateValue($0) })
        case .table(let table): self = .map(ValueMap(table.mapValues { TemplateValue($0) }, caseInsensitive: true))
        }
    }

    /// A data file's value (`data/`, `transform.Unmarshal`): keys kept as written, not Hugo's
    /// case-insensitive params.
    init(data value: SiteGen.Value) {
        switch value {
        case .array(let values): self = .list(values.map { TemplateValue(data: $0) })
        case .table(let table): self = .map(ValueMap(table.mapValues { TemplateValue(data: $0) }))
        default: self.init(value)
        }
    }

    static func params(_ table: [String: SiteGen.Value]) -> TemplateValue {
        .map(ValueMap(table.mapValues { TemplateValue($0) }, caseInsensitive: true))
    }

    /// A date as Go's `time.Time` (UTC); nil is Go's zero time.
    static func time(_ date: Date?) -> TemplateValue {
        .object(TimeObject(date.map { GoTime($0) } ?? .zero))
    }

    static func time(_ time: GoTime?) -> TemplateValue {
        .object(TimeObject(time ?? .zero))
    }

    static func html(_ text: String) -> TemplateValue { .safe(text, .html) }

    /// The string of a value that should be one (a key, a name).
    var text: String? {
        switch self {
        case .string(let text), .safe(let text, _): return text
        default: return nil
        }
    }
}

/// Go templates ready to run (SiteGen's own `TemplateSet` is the Mustache one, until it goes).
typealias GoTemplateSet = GoTemplates.TemplateSet
