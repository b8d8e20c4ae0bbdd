import GoTemplates

extension AssetResource {
    /// `Resize`, `Fit`, `Fill` and `Crop` of an image in `assets/` (or one a pipe made), and its
    /// `Width` and `Height`.
    static let imageMembers = ImageMethods.table(withSize: true) { (asset: AssetResource, context) in
        guard let format = HugoImageFormat(fileName: asset.path) else { throw ImageProcessingError.notAnImage(asset.path) }
        let bytes = OriginalImage.Bytes.data(asset.content)
        let fingerprint = try ProcessedImageName.fingerprint(of: bytes)
        let source = try RenderHost.of(context).layouts.assets.images.source("assets/" + asset.path + fingerprint) { () throws(ImageProcessingError) in
            try OriginalImage(bytes: bytes, name: asset.path, label: "assets/" + asset.path, path: "/" + asset.path,
                              format: format, fingerprint: fingerprint, size: nil)
        }
        return ProcessedImage(source: source)
    }
}
