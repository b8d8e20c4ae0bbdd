import Foundation
import GoTemplates

/// Hugo's `js.Build` through Debian's `esbuild` (the bundler Hugo links): the resource bundled
/// as an IIFE for `esnext`, its imports found in the `assets/` folder it is in, and Hugo's
/// `@params` module made of the `params` option.
enum JavaScriptBundler {
    static func bundle(_ source: AssetResource, options: ValueMap, assets: Assets) throws -> Data {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-js-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let params = work.appendingPathComponent("params.json")
        try Data(GoJSON.encode(options["params"] ?? .map(ValueMap())).utf8).write(to: params)

        var arguments = ["esbuild", "--bundle", "--alias:@params=\(params.path)",
                         "--format=\(options["format"]?.text ?? "iife")", "--target=\(options["target"]?.text ?? "esnext")"]
        if options["minify"]?.isTrue == true { arguments.append("--minify") }
        if case .list(let externals)? = options["externals"] {
            arguments += externals.compactMap(\.text).map { "--external:\($0)" }
        }
        if case .map(let defines)? = options["defines"] {
            arguments += defines.sorted.compactMap { entry in entry.value.text.map { "--define:\(entry.key)=\($0)" } }
        }
        // Imports are relative to the resource's folder in the assets folder that has it.
        let folder = source.path.deletingLastPathSegment
        let home = assets.folders.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(source.path).path) } ?? assets.folders[0]
        let result: Data
        do {
            result = try ExternalCommand.run(arguments, input: source.content, in: folder.isEmpty ? home : home.appendingPathComponent(folder),
                                             package: "esbuild")
        } catch {
            throw TemplateFailure("js.Build: \(source.path): \(error)")
        }
        // esbuild names the params file by its path; Hugo's plugin names its module `ns-params:@params`.
        let text = String(decoding: result, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.trimmingCharacters(in: .whitespaces).hasPrefix("// ") && line.hasSuffix("params.json") && line.contains("sitegen-js-")
                ? line.prefix { $0 == " " } + "// ns-params:@params" : String(line)
        }.joined(separator: "\n")
        return Data(text.utf8)
    }
}
