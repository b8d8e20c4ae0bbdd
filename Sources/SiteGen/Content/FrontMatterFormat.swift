/// How a content file's front matter is written: between `---` fences, `+++` fences, as a leading JSON object,
/// or not at all.
public enum FrontMatterFormat: Sendable {
    case yaml, toml, json, none
}

extension FrontMatterFormat {
    init(_ format: DataFormat) {
        switch format {
        case .yaml: self = .yaml
        case .toml: self = .toml
        case .json: self = .json
        }
    }
}
