import Foundation

/// What `sitegen build` was asked to do.
public struct BuildOptions: Sendable {
    public var source: URL
    /// The output folder; `public/` inside the source by default.
    public var destination: URL
    /// Overrides the configuration's `baseURL`.
    public var baseURL: String?
    public var includeDrafts = false
    public var includeFuture = false
    public var includeExpired = false
    /// "Now" for future and expiry checks; fixed in tests.
    public var now = Date()
    /// Draw the pages' Open Graph cards (`--no-cards` skips them for a quicker build; the meta
    /// tags then point at the page's image or the site's default).
    public var drawCards = true
    /// Told where the build is (the command line's live line, `--verbose`'s timings); nil: nobody.
    public var progress: BuildProgress?
    /// Delete every file of the destination the build does not write (`--clean-destination-dir`),
    /// not only the files of SiteGen's previous build.
    public var cleansDestination = false
    /// Generated images kept between builds, keyed by a hash of their inputs: Hugo's
    /// `resources/_gen` in the source folder by default.
    public var cacheDirectory: URL

    public init(source: URL, destination: URL? = nil) {
        self.source = source.standardizedFileURL
        self.destination = (destination ?? source.appendingPathComponent("public")).standardizedFileURL
        self.cacheDirectory = source.appendingPathComponent("resources/_gen").standardizedFileURL
    }
}
