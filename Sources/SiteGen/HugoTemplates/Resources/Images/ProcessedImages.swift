import Foundation
import Synchronization

/// The images templates process during one build: each source is looked at once and each
/// processed image made once, however many pages ask, and several at a time on the rendering
/// threads. Nothing outlives the build.
final class ProcessedImages: Sendable {
    private let sources = Mutex<[String: OriginalImage]>([:])
    private let made = Mutex<[String: MadeImage]>([:])
    private let imaging = Mutex<[String: ImagingConfig]>([:])

    /// The source known by `key`, made by `make` the first time.
    func source(_ key: String, make: () throws(ImageProcessingError) -> OriginalImage) throws(ImageProcessingError) -> OriginalImage {
        if let known = sources.withLock({ $0[key] }) { return known }
        // Made outside the lock: another thread may make the same source meanwhile, to the same result.
        let source = try make()
        sources.withLock { $0[key] = source }
        return source
    }

    /// The encoded bytes of `image`: made by the first thread that asks, which the others wait for.
    func bytes(of image: ProcessedImage) throws(ImageProcessingError) -> Data {
        let entry = made.withLock { made in
            if let entry = made[image.outputPath] { return entry }
            let entry = MadeImage()
            made[image.outputPath] = entry
            return entry
        }
        return try entry.bytes { () throws(ImageProcessingError) in try image.render() }
    }

    /// The `imaging` settings of the site of `language`.
    func imagingConfig(language: String, site raw: [String: Value]) throws(ImageProcessingError) -> ImagingConfig {
        if let known = imaging.withLock({ $0[language] }) { return known }
        let config = try ImagingConfig(site: raw)
        imaging.withLock { $0[language] = config }
        return config
    }
}

/// One processed image's bytes, or why it could not be made.
private final class MadeImage: Sendable {
    private let result = Mutex<Result<Data, ImageProcessingError>?>(nil)

    func bytes(_ make: () throws(ImageProcessingError) -> Data) throws(ImageProcessingError) -> Data {
        try result.withLock { result in
            if let result { return result }
            let made = Result { () throws(ImageProcessingError) in try make() }
            result = made
            return made
        }.get()
    }
}
