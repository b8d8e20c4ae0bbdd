import Foundation

/// One file of the built site, before it is written.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case text(String)
        case data(Data)
        /// A file copied as it is (static files, bundle resources).
        case copy(URL)
    }

    /// Path from the output root, `newsletter/weekly-01/index.html`.
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }
}
