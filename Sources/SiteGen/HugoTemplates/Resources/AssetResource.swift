import Crypto
import Foundation
import GoTemplates

/// A resource of `assets/`, or one a pipe made (`resources.Concat`, `minify`, `fingerprint`,
/// `toCSS`, `resources.FromString`…): its bytes, where it would be written and its media type.
/// It is published when a template asks for its URL.
final class AssetResource: TemplateObject {
    /// Where it is written, from the output folder: `css/main.min.css`.
    let path: String
    let content: Data
    let mediaType: HugoMediaType
    /// `fingerprint`'s `integrity` value (`sha256-…`).
    let integrity: String?
    /// Files a step of the pipe publishes by itself (`toCSS`'s source map), by path. Hugo runs a
    /// pipe only when a template uses its result, so they are written when this resource, or one
    /// made from it, is used in any way, whether or not it is published itself.
    let alsoPublished: [String: Data]
    let assets: Assets

    init(path: String, content: Data, mediaType: HugoMediaType? = nil, integrity: String? = nil, alsoPublished: [String: Data] = [:],
         assets: Assets) {
        self.path = path
        self.content = content
        self.mediaType = mediaType ?? HugoMediaType(path: path)
        self.integrity = integrity
        self.alsoPublished = alsoPublished
        self.assets = assets
    }

    var typeName: String { "*resources.genericResource" }
    var printed: String { path }
    var text: String { String(decoding: content, as: UTF8.self) }

    /// The same resource with other bytes, path or integrity (the next step of a pipe).
    func with(path: String? = nil, content: Data? = nil, integrity: String? = nil) -> AssetResource {
        AssetResource(path: path ?? self.path, content: content ?? self.content, mediaType: path == nil ? mediaType : nil,
                      integrity: integrity ?? self.integrity, alsoPublished: alsoPublished, assets: assets)
    }

    /// `name` with `identifier` before its extension (`main.css` → `main.min.css`), as Hugo names transformations.
    func path(adding identifier: String) -> String {
        let folder = path.deletingLastPathSegment
        let name = String(path.split(separator: "/").last ?? "")
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + identifier }
        let renamed = name[..<dot] + identifier + name[dot...]
        return folder.isEmpty ? String(renamed) : folder + "/" + renamed
    }

    private func url(_ context: CallContext, absolute: Bool) throws -> TemplateValue {
        assets.publish(path, content)
        let host = try RenderHost.of(context)
        return .string(absolute ? host.urls.absolute("/" + path) : host.urls.relative("/" + path))
    }

    static let members = MemberTable<AssetResource>([
        "RelPermalink": { resource, _, context in try resource.url(context, absolute: false) },
        "Permalink": { resource, _, context in try resource.url(context, absolute: true) },
        "Publish": { resource, _, _ in
            resource.assets.publish(resource.path, resource.content)
            return .string("")
        },
        "Content": { resource, _, _ in .string(resource.text) },
        "Name": { resource, _, _ in .string(resource.path) },
        "Title": { resource, _, _ in .string(resource.path) },
        "Key": { resource, _, _ in .string(resource.path) },
        "MediaType": { resource, _, _ in .object(MediaTypeObject(resource.mediaType.type, suffix: resource.mediaType.suffix)) },
        "ResourceType": { resource, _, _ in .string(resource.mediaType.mainType) },
        "Data": { resource, _, _ in
            .map(ValueMap(resource.integrity.map { ["Integrity": .string($0)] } ?? [:]))
        },
        "Params": { _, _, _ in .map(ValueMap(caseInsensitive: true)) },
        "Err": { _, _, _ in .null },
    ])

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        for (path, content) in alsoPublished { assets.publish(path, content) }
        return try Self.members.value(of: self, member, arguments, context) ?? Self.imageMembers.value(of: self, member, arguments, context)
    }
}

/// A media type as Hugo 0.111 names them, from a file's extension.
struct HugoMediaType: Sendable, Hashable {
    let type: String
    let suffix: String

    var mainType: String { String(type.split(separator: "/").first ?? "") }
    var subType: String { String(type.split(separator: "/").last ?? "") }

    init(path: String) {
        let suffix = (path.split(separator: "/").last.map(String.init) ?? path).split(separator: ".").last.map { $0.lowercased() } ?? ""
        self.suffix = suffix
        type = Self.types[suffix] ?? "application/octet-stream"
    }

    private static let types: [String: String] = [
        "css": "text/css", "scss": "text/x-scss", "sass": "text/x-sass", "js": "text/javascript", "mjs": "text/javascript",
        "jsx": "text/jsx", "ts": "text/typescript", "tsx": "text/tsx", "json": "application/json", "html": "text/html",
        "htm": "text/html", "xml": "application/xml", "txt": "text/plain", "csv": "text/csv", "ics": "text/calendar",
        "md": "text/markdown", "toml": "application/toml", "yaml": "application/yaml", "yml": "application/yaml",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf", "pdf": "application/pdf",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "wasm": "application/wasm",
        "webmanifest": "application/manifest+json",
    ]
}
