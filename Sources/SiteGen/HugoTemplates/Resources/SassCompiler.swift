import CSass
import Foundation

/// Hugo's `toCSS` (`resources.ToCSS` with its default transpiler, LibSass) as Hugo 0.111 extended
/// runs it through bep/golibsass: the source is compiled as a LibSass data context (LibSass calls
/// it `stdin`), with Hugo's options, Hugo's lookup of imports in the site's and themes' assets,
/// Hugo's workaround that keeps plain CSS imports, and Hugo's source map.
///
/// LibSass runs as it does in Hugo started in the site's folder (`cd SITE && hugo`), wherever
/// SiteGen is started: the source is named as a file `stdin` in the site's folder, so LibSass
/// looks for the source's own imports there, not in the process's working directory, and writes
/// the source map's paths relative to it (Hugo's depend on where Hugo was started).
///
/// Each call has a context of its own, so calls may run on several threads at once.
enum SassCompiler {
    /// The source's syntax; Hugo picks it by the asset's extension.
    enum Syntax: Sendable {
        /// `.scss`.
        case scss
        /// The indented syntax, `.sass`.
        case sass
    }

    /// LibSass's output styles.
    enum OutputStyle: Sendable {
        case nested, expanded, compact, compressed

        /// The style named by Hugo's `outputStyle` option, which golibsass reads in any case and
        /// takes as nested when it knows no such style.
        init(hugoName name: String) {
            switch name.lowercased() {
            case "expanded": self = .expanded
            case "compact": self = .compact
            case "compressed": self = .compressed
            default: self = .nested
            }
        }

        fileprivate var libSass: Sass_Output_Style {
            switch self {
            case .nested: SASS_STYLE_NESTED
            case .expanded: SASS_STYLE_EXPANDED
            case .compact: SASS_STYLE_COMPACT
            case .compressed: SASS_STYLE_COMPRESSED
            }
        }
    }

    /// Hugo's `toCSS` options, and where the source is among the assets.
    struct Options: Sendable {
        /// The source's path in the assets (`sass/main.scss`, as `resources.Get` takes it). Its
        /// folder in each asset folder is an include path, imports in the source are looked up
        /// from there, and errors in the source name its file.
        var assetPath: String
        /// The `assets` folders, absolute: the site's, then each theme's, in Hugo's order.
        var assetFolders: [String]
        /// The site's folder, absolute: Hugo's working directory.
        var siteFolder: String
        var outputStyle: OutputStyle
        /// Digits after the decimal point. Hugo's default is 8 (bootstrap-sass needs it), not
        /// LibSass's 10; Hugo reads a `precision` of 0 as 8.
        var precision: Int
        /// The `includePaths` option's folders, absolute (Hugo takes them relative to the site
        /// and drops those that are not there): include paths after the source's own folders.
        var includePaths: [String]
        /// With `enableSourceMap`, the CSS's file name (`main.css`, the target path's last
        /// element): its map is `main.css.map` beside it, and the CSS ends with LibSass's
        /// `sourceMappingURL` comment naming the map.
        var sourceMapFor: String?

        init(assetPath: String, assetFolders: [String], siteFolder: String, outputStyle: OutputStyle = .nested, precision: Int = 8,
             includePaths: [String] = []) {
            self.assetPath = assetPath
            self.assetFolders = assetFolders
            self.siteFolder = siteFolder
            self.outputStyle = outputStyle
            self.precision = precision
            self.includePaths = includePaths
        }
    }

    /// What Hugo publishes for a source.
    struct Output: Sendable {
        var css: String
        /// The source map's text, when `sourceMapFor` asked for one and the source was not empty.
        var sourceMap: String?
    }

    /// The CSS (and source map) for `source`, or the error LibSass stopped at.
    static func compile(_ source: String, syntax: Syntax = .scss, options: Options) throws(SassError) -> Output {
        // The regular expression backtracks over long lines (a minified stylesheet is one): only
        // a source that has such an import goes through it.
        let hasCSSImport = source.contains("@import \"") && source.contains(".css\";")
        let hidden = hasCSSImport ? cssImport.replaceAll(in: source, template: "/* HUGO_IMPORT_START $2 HUGO_IMPORT_END */") : source
        let scss = syntax == .sass ? scssFromIndented(hidden) : hidden
        // LibSass refuses an empty data context; Hugo has empty CSS for it, and no map.
        guard !scss.isEmpty else { return Output(css: "") }
        let assets = HugoAssets(folders: options.assetFolders, sourcePath: options.assetPath, siteFolder: options.siteFolder)
        let sourceFile = assets.realFilename(of: options.assetPath) ?? options.assetPath

        // The context takes the copy of the source, and the importer list, and frees them with itself.
        let dataContext = sass_make_data_context(sass_copy_c_string(scss))!
        defer { sass_delete_data_context(dataContext) }
        let sassOptions = sass_data_context_get_options(dataContext)
        sass_option_set_output_style(sassOptions, options.outputStyle.libSass)
        sass_option_set_precision(sassOptions, Int32(clamping: options.precision))
        // golibsass joins the folders with the path list separator and LibSass splits them again.
        sass_option_set_include_path(sassOptions, (assets.sourceFolders + options.includePaths).joined(separator: ":"))
        sass_option_set_input_path(sassOptions, assets.entry)
        if let cssName = options.sourceMapFor {
            // Hugo's settings: the map beside the CSS in the working directory, with the sources'
            // text in it, in a file of its own that the CSS names at its end.
            sass_option_set_source_map_file(sassOptions, GoPath.join([options.siteFolder, cssName + ".map"]))
            sass_option_set_output_path(sassOptions, GoPath.join([options.siteFolder, cssName]))
            sass_option_set_source_map_root(sassOptions, options.siteFolder)
            sass_option_set_source_map_contents(sassOptions, true)
        }
        let importers = sass_make_importer_list(1)
        sass_importer_set_list_entry(importers, 0, sass_make_importer(hugoImporter, 0, Unmanaged.passUnretained(assets).toOpaque()))
        sass_option_set_c_importers(sassOptions, importers)
        withExtendedLifetime(assets) { _ = sass_compile_data_context(dataContext) }

        // The data context's own context, a view of it rather than a thing of its own.
        let context = sass_data_context_get_context(dataContext)!
        guard sass_context_get_error_status(context) == 0 else {
            throw SassError(context, entry: assets.entry, sourceFile: sourceFile)
        }
        let css = sass_context_get_output_string(context).map { String(cString: $0) } ?? ""
        let sourceMap = sass_context_get_source_map_string(context).map {
            namingSource(in: String(cString: $0), sourcePath: sourceFile, siteFolder: options.siteFolder)
        }
        return Output(css: hidden == source ? css : hiddenCSSImport.replaceAll(in: css, template: #"@import "$2";"#), sourceMap: sourceMap)
    }

    /// LibSass names the source `stdin` among the map's sources; Hugo replaces the first `stdin"`
    /// in the map's text with the source's file, from its working directory (or the source's path
    /// in the assets where it is no file: `resources.Concat`'s result).
    private static func namingSource(in map: String, sourcePath: String, siteFolder: String) -> String {
        // Hugo trims the working directory only from a path that starts with it, as text.
        let path = sourcePath.hasPrefix(siteFolder) ? String(sourcePath.trimmingPrefix(siteFolder + "/")) : sourcePath
        guard let stdin = map.range(of: "stdin\"") else { return map }
        return map.replacingCharacters(in: stdin, with: path + "\"")
    }

    /// Hugo keeps plain CSS imports as they are written (gohugoio/hugo#7059) with a pair of
    /// regular expressions: before compiling, each line of the source with an `@import "….css";`
    /// becomes, whole, a comment naming the file; afterwards each line of the CSS with such a
    /// comment becomes, whole, the import again. Compressed output drops the comments, and the
    /// imports with them, as in Hugo.
    private static let cssImport = try! GoRegex(#".*(@import "(.*\.css)";).*"#)
    private static let hiddenCSSImport = try! GoRegex(#".*(\/\* HUGO_IMPORT_START (.*) HUGO_IMPORT_END \*\/).*"#)

    /// golibsass converts an indented source with sass2scss and compiles the result as SCSS,
    /// rather than letting LibSass parse it (LibSass would convert it with other sass2scss
    /// options); imported `.sass` files are LibSass's to read.
    private static func scssFromIndented(_ source: String) -> String {
        let scss = sass2scss(source, SASS2SCSS_PRETTIFY_1)!
        defer { sass_free_memory(scss) }
        return String(cString: scss)
    }

    /// golibsass's import bridge: LibSass hands every `@import` of a quoted name to Hugo's lookup
    /// and loads what it gets back, the file Hugo found or else the name as LibSass passed it,
    /// unquoted. LibSass then looks that name up itself, next to the importing file (for the
    /// source, in the site's folder) and in the include paths; but a name it keeps as a plain
    /// CSS import (a URL, or an import with media queries) it prints as it got it, so without its
    /// quotes, or as the absolute path of the file Hugo found.
    private static let hugoImporter: Sass_Importer_Fn = { url, importer, compiler in
        let assets = Unmanaged<HugoAssets>.fromOpaque(sass_importer_get_cookie(importer)!).takeUnretainedValue()
        let importing = sass_import_get_imp_path(sass_compiler_get_last_import(compiler)).map { String(cString: $0) } ?? ""
        let url = String(cString: url!)
        let imports = sass_make_import_list(1)
        sass_import_set_list_entry(imports, 0, sass_make_import_entry(assets.resolve(url, from: importing) ?? url, nil, nil))
        return imports
    }
}

/// Where LibSass stopped, and why.
struct SassError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The source's file, or the imported file's as it was loaded.
    var file: String
    /// Counted from 1, as LibSass counts them.
    var line: Int
    var column: Int
    /// LibSass's message, which can run over several lines.
    var message: String

    var description: String { "\(file):\(line):\(column): \(message)" }

    fileprivate init(_ context: OpaquePointer, entry: String, sourceFile: String) {
        switch sass_context_get_error_file(context).map({ String(cString: $0) }) {
        case let file? where file != entry: self.file = file
        default: file = sourceFile
        }
        line = Int(sass_context_get_error_line(context))
        column = Int(sass_context_get_error_column(context))
        // The bare message (Hugo's); LibSass's "error message" adds the position and the line.
        message = sass_context_get_error_text(context).map { String(cString: $0) } ?? ""
    }
}

/// The assets as Hugo sees them for one compile: the asset folders overlaid, the site's over the
/// themes', with the source's folder in them. LibSass's importer callback reaches it through its
/// cookie, so it is a class.
private final class HugoAssets: Sendable {
    let folders: [String]
    /// The source's folder in the assets (`sass`).
    let sourceFolder: String
    /// The file LibSass takes the source for, `stdin` in the site's folder.
    let entry: String

    init(folders: [String], sourcePath: String, siteFolder: String) {
        self.folders = folders
        sourceFolder = GoPath.dir(sourcePath)
        entry = GoPath.join([siteFolder, "stdin"])
    }

    /// Hugo's `RealDirs`: the source's folder in each asset folder that has it.
    var sourceFolders: [String] {
        folders.map { GoPath.join([$0, sourceFolder]) }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Hugo's `RealFilename` lookup: the file at `path` in the assets, from the first folder that
    /// has it; none outside the assets.
    func realFilename(of path: String) -> String? {
        let cleaned = GoPath.clean(path)
        guard cleaned != "..", !cleaned.hasPrefix("../") else { return nil }
        return folders.lazy.map { GoPath.join([$0, cleaned]) }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Hugo's `MakePathRelative`: `filename`'s path in the assets, after the first asset folder it
    /// starts with (Hugo compares the text, not the path's elements).
    func assetPath(of filename: String) -> String? {
        guard let folder = folders.first(where: { filename.utf8.starts(with: $0.utf8) }) else { return nil }
        let rest = filename.utf8.dropFirst(folder.utf8.count)
        return String(decoding: rest.first == UInt8(ascii: "/") ? rest.dropFirst() : rest, as: UTF8.self)
    }

    /// Hugo's import resolver: the file `url` names in the assets, looked up from the folder the
    /// importing file is in there (the source's folder for the source, LibSass's `entry`). Where
    /// LibSass refuses a name that two files answer to, Hugo takes the first (the partial) and
    /// the `.scss` before the `.sass`; it never looks from a file outside the assets or at the top
    /// of an asset folder.
    func resolve(_ url: String, from importing: String) -> String? {
        let folder: String
        if importing == entry {
            folder = sourceFolder
        } else {
            guard let importingFolder = assetPath(of: GoPath.dir(importing)), !importingFolder.isEmpty else { return nil }
            folder = importingFolder
        }
        let base = GoPath.join([folder, GoPath.dir(url)])
        let name = GoPath.base(url)
        let bare = name.hasPrefix("_") ? String(name.dropFirst()) : name
        let candidates =
            if name.contains(".") { ["_\(bare)", bare] }
            else if name.hasPrefix("_") { ["_\(bare).scss", "_\(bare).sass"] }
            else { ["_\(bare).scss", "\(bare).scss", "_\(bare).sass", "\(bare).sass"] }
        return candidates.lazy.compactMap { self.realFilename(of: GoPath.join([base, $0])) }.first
    }
}
