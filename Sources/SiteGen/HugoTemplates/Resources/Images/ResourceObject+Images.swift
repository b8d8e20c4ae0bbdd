import GoTemplates

extension ResourceObject {
    /// `Resize`, `Fit`, `Fill` and `Crop` of a bundle image.
    static let imageMembers = ImageMethods.table { (file: ResourceObject, context) in
        guard let format = HugoImageFormat(fileName: file.resource.name) else { throw ImageProcessingError.notAnImage(file.resource.name) }
        let resource = file.resource
        // By published path too: in each language a bundle file is published in its own folder.
        let source = try RenderHost.of(context).layouts.assets.images.source(resource.path + "\u{0}" + resource.sourcePath) { () throws(ImageProcessingError) in
            let bytes = OriginalImage.Bytes.file(resource.sourceURL)
            return try OriginalImage(bytes: bytes, name: resource.name, label: resource.sourcePath,
                                   path: resource.path, format: format,
                                   fingerprint: try ProcessedImageName.fingerprint(of: bytes),
                                   size: resource.image.map { PixelSize(width: $0.width, height: $0.height) })
        }
        return ProcessedImage(source: source)
    }
}
