import Foundation
import GoTemplates

/// `.Site.Data`: the files of `data/` (YAML, TOML, JSON) and each theme's, as nested maps by
/// folder and file name (`data/authors/ada.yaml` is `.Site.Data.authors.ada`). The site's files
/// override a theme's of the same name.
enum DataFolder {
    static func load(site: URL, themes: [String]) throws(DiagnosticList) -> TemplateValue {
        var root = ValueMap()
        var problems: [Diagnostic] = []
        let reader = SiteFolderReader(site: site)
        let folders = [("data", site.appendingPathComponent("data"))]
            + themes.map { ("themes/\($0)/data", site.appendingPathComponent("themes/\($0)/data")) }
        for (label, folder) in folders.reversed() {
            for path in reader.files(under: folder).files {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                guard let format = DataFormat(fileExtension: (name as NSString).pathExtension),
                      let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
                let file = "\(label)/\(path)"
                do {
                    let table = try DataParser.parse(String(decoding: data, as: UTF8.self), format: format, file: file)
                    let keys = path.split(separator: "/").dropLast().map(String.init) + [(name as NSString).deletingPathExtension]
                    insert(TemplateValue(data: .table(table)), at: keys[...], into: &root)
                } catch {
                    problems.append(error)
                }
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return .map(root)
    }

    private static func insert(_ value: TemplateValue, at keys: ArraySlice<String>, into map: inout ValueMap) {
        guard let key = keys.first else { return }
        if keys.count == 1 {
            map[key] = value
            return
        }
        var child: ValueMap
        if case .map(let existing)? = map[key] { child = existing } else { child = ValueMap() }
        insert(value, at: keys.dropFirst(), into: &child)
        map[key] = .map(child)
    }
}
