import Foundation

extension SiteConfig {
    /// Hugo's configuration file names, in the order Hugo looks for them.
    private static let candidates: [(name: String, format: DataFormat)] = [
        ("config.yaml", .yaml), ("config.yml", .yaml), ("config.toml", .toml), ("config.json", .json),
        ("hugo.yaml", .yaml), ("hugo.yml", .yaml), ("hugo.toml", .toml), ("hugo.json", .json),
    ]

    /// Reads the first that exists of config.yaml, config.yml, config.toml, config.json, hugo.yaml, hugo.yml,
    /// hugo.toml, hugo.json in `directory`. No file: defaults.
    public static func load(from directory: URL) throws(Diagnostic) -> SiteConfig {
        for candidate in candidates {
            let url = directory.appendingPathComponent(candidate.name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text = try TextFile.read(url, label: candidate.name)
            let parsed = try DataParser.parseTable(text, format: candidate.format, file: candidate.name)
            var config = try SiteConfig(values: parsed.values, file: candidate.name, keyLines: parsed.keyLines)
            config.warnings = parsed.warnings
            return config
        }
        return SiteConfig()
    }
}
