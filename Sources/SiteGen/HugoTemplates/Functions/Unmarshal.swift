import Foundation
import GoTemplates

/// Hugo's `transform.Unmarshal`: JSON, YAML, TOML or CSV text into maps and lists (with the
/// keys as written), the format from the resource's suffix or else from the text itself.
enum Unmarshal {
    static func value(of text: String, suffix: String?) throws -> TemplateValue {
        switch suffix ?? guessedFormat(text) {
        case "json":
            do {
                return TemplateValue(data: try JSONReader.readValue(text))
            } catch {
                throw TemplateFailure("unmarshal: \(error.message)")
            }
        case "csv":
            return .list(text.split(whereSeparator: \.isNewline).map { line in
                .list(line.split(separator: ",", omittingEmptySubsequences: false).map { .string(String($0)) })
            })
        case let format:
            let kind: DataFormat = format == "toml" ? .toml : .yaml
            do {
                return TemplateValue(data: .table(try DataParser.parse(text, format: kind, file: "unmarshal")))
            } catch {
                throw TemplateFailure("unmarshal: \(error.message)")
            }
        }
    }

    private static func guessedFormat(_ text: String) -> String {
        let start = text.drop { $0.isWhitespace }
        if start.hasPrefix("{") || start.hasPrefix("[") { return "json" }
        let firstLine = start.prefix { !$0.isNewline }
        if firstLine.contains(" = ") || firstLine.hasPrefix("[") { return "toml" }
        return "yaml"
    }
}
