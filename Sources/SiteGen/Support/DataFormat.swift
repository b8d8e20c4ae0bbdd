/// The data languages Hugo reads for configuration, front matter and data files.
public enum DataFormat: String, Sendable {
    case yaml, toml, json

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "toml": self = .toml
        case "json": self = .json
        default: return nil
        }
    }
}
