import Foundation
import GoTemplates

/// What `Resize`, `Fit`, `Fill` and `Crop` return. The image is made and written to the output
/// when a template asks for its URL (or calls `.Publish`), as in Hugo, once however many pages ask.
final class ProcessedImageResource: TemplateObject {
    let image: ProcessedImage

    init(_ image: ProcessedImage) {
        self.image = image
    }

    var typeName: String { "*resources.resourceAdapter" }
    var printed: String { image.source.name }

    private func publish(_ context: CallContext) throws -> RenderHost {
        let host = try RenderHost.of(context)
        let assets = host.layouts.assets
        assets.publish(image.outputPath, try assets.images.bytes(of: image))
        return host
    }

    /// Hugo's `.Key`: the URL without the path of the base URL as the configuration writes it
    /// (`/docs/` takes the URL's slash with it, `/docs` and `/` leave it).
    private func key(_ context: CallContext) throws -> String {
        let host = try RenderHost.of(context)
        let url = host.urls.relative(image.urlPath)
        let written = host.site.model.config.raw.first { $0.key.lowercased() == "baseurl" }?.value.string ?? ""
        var basePath = Substring(written)
        if let scheme = basePath.range(of: "//") {
            basePath = basePath[scheme.upperBound...]
            basePath = basePath[(basePath.firstIndex(of: "/") ?? basePath.endIndex)...]
        }
        guard basePath != "/", url.hasPrefix(basePath) else { return url }
        return String(url.dropFirst(basePath.count))
    }

    static let members = MemberTable<ProcessedImageResource>([
        "RelPermalink": { resource, _, context in .string(try resource.publish(context).urls.relative(resource.image.urlPath)) },
        "Permalink": { resource, _, context in .string(try resource.publish(context).urls.absolute(resource.image.urlPath)) },
        "Publish": { resource, _, context in
            _ = try resource.publish(context)
            return .string("")
        },
        "Width": { resource, _, _ in .int(resource.image.size.width) },
        "Height": { resource, _, _ in .int(resource.image.size.height) },
        "Name": { resource, _, _ in .string(resource.image.source.name) },
        "Title": { resource, _, _ in .string(resource.image.source.name) },
        "Key": { resource, _, context in .string(try resource.key(context)) },
        "MediaType": { resource, _, _ in .object(MediaTypeObject(resource.image.format.mediaType, suffix: resource.image.format.fileExtension)) },
        "ResourceType": { _, _, _ in .string("image") },
        "Params": { _, _, _ in .map(ValueMap(caseInsensitive: true)) },
        "Data": { _, _, _ in .map(ValueMap()) },
        "Content": { resource, _, _ in throw ImageProcessingError.bytesAsText(resource.image.source.name) },
    ])

    /// Another method applied to this image.
    static let imageMembers = ImageMethods.table { (resource: ProcessedImageResource, _) in resource.image }

    func value(of member: Member, arguments: [TemplateValue], context: CallContext) throws -> TemplateValue? {
        try Self.members.value(of: self, member, arguments, context) ?? Self.imageMembers.value(of: self, member, arguments, context)
    }
}
