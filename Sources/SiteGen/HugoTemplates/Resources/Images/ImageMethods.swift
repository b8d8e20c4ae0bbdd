import GoTemplates

/// Hugo's `Resize`, `Fit`, `Fill` and `Crop`, for every object that holds an image: a bundle
/// file, an asset, an image one of these methods made.
enum ImageMethods {
    /// The four methods of `Object`, whose image `image` gives (or throws why there is none),
    /// and `Width` and `Height` too `withSize`.
    static func table<Object>(withSize: Bool = false,
                              _ image: @escaping @Sendable (Object, CallContext) throws -> ProcessedImage) -> MemberTable<Object> {
        var entries: [String: MemberTable<Object>.Accessor] = [:]
        if withSize {
            entries["Width"] = { object, _, context in .int(try image(object, context).size.width) }
            entries["Height"] = { object, _, context in .int(try image(object, context).size.height) }
        }
        for (name, action) in [("Resize", ImageAction.resize), ("Fit", .fit), ("Fill", .fill), ("Crop", .crop)] {
            entries[name] = { object, arguments, context in
                let text = try Arguments(arguments, name).string(0)
                let start = try image(object, context)
                let host = try RenderHost.of(context)
                let imaging = try host.layouts.assets.images.imagingConfig(language: host.site.language.code, site: host.site.model.config.raw)
                let spec = try ImageSpec(action, text, imaging: imaging, sourceFormat: start.format)
                return .object(ProcessedImageResource(try start.processed(by: spec, imaging: imaging)))
            }
        }
        return MemberTable(entries)
    }
}
