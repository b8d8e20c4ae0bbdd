import GoTemplates

/// What goes wrong with Hugo's image methods, worded as Hugo words it where it can: a template
/// sees it as `error calling Resize: …`.
enum ImageProcessingError: Error, Sendable, CustomStringConvertible {
    /// The spec given to `Resize`, `Fit`, `Fill` or `Crop` and what is wrong with it.
    case spec(String, String)
    /// The site's `imaging` settings.
    case config(String)
    /// An image method called on a resource that is not an image Hugo processes.
    case notAnImage(String)
    /// The source image (named) could not be read, decoded, made or encoded.
    case processing(String, String)
    /// Template values hold text, not bytes: an image's bytes would come out mangled.
    case bytesAsText(String)

    var description: String {
        switch self {
        case .spec(let spec, let message): return "image spec \(Self.quoted(spec)): \(message)"
        case .config(let message): return "imaging config: \(message)"
        case .notAnImage(let name): return "\(Self.quoted(name)): this method is only available for image resources"
        case .processing(let name, let message): return "image \(Self.quoted(name)): \(message)"
        case .bytesAsText(let name):
            return "\(Self.quoted(name)): SiteGen cannot give a processed image's bytes to a template (.Content); link it with .RelPermalink"
        }
    }

    /// Go's `%q`, as Hugo quotes names and values in its messages.
    static func quoted(_ text: String) -> String {
        GoFormat.sprintf("%q", [.string(text)])
    }
}
