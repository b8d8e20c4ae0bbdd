import Foundation
import Testing
@testable import Thumbnails

/// Prints timings and asserts nothing. Off unless asked for, in a release build:
/// `THUMBNAILS_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter TimingTests`
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["THUMBNAILS_TIMING"] != nil))
struct TimingTests {
    static let titles = [
        "Why we rewrote our static site generator", "مرحبا بالعالم: كيف نبني مواقع ثابتة", "नमस्ते दुनिया: स्थिर साइटें",
        "週刊ニュースレター第二十五号：新しいリリースのお知らせ", "Launch day 🚀🎉 and what comes next",
    ]

    func clock(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    @Test func cardTiming() async throws {
        let renderer = CardRenderer()
        _ = try renderer.render(CardContent(title: Self.titles.joined(separator: " "), subtitle: "warm-up"))
        let count = 100
        let serial = try clock {
            for i in 0..<count {
                _ = try renderer.render(CardContent(title: "\(Self.titles[i % 5]) \(i)", subtitle: "Blog · 25 November 2026 · Ada"))
            }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask { _ = try renderer.render(CardContent(title: "\(Self.titles[i % 5]) \(i + 1000)", subtitle: "Blog · 25 November 2026 · Ada")) }
            }
            try await group.waitForAll()
        }
        let parallel = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let image = try renderer.renderImage(CardContent(title: Self.titles[0], subtitle: "Blog"))
        let encode = try clock { for _ in 0..<20 { _ = try image.encoded(as: .jpeg, quality: 85) } } / 20
        let draw = try clock { for i in 0..<20 { _ = try renderer.renderImage(CardContent(title: "\(Self.titles[0]) \(i)", subtitle: "Blog")) } } / 20
        print(String(format: "TIMING cards: %.2f ms each serial, %.2f ms each wall on %d cores in parallel; draw %.2f ms + JPEG encode %.2f ms",
                     serial / Double(count), parallel / Double(count), ProcessInfo.processInfo.activeProcessorCount, draw, encode))
    }

    @Test func photoTiming() async throws {
        let photo = try TestPicture.quadrants(width: 1600, height: 1067).encoded(as: .jpeg, quality: 90)
        let variants = [ImageVariant(.fill(width: 1200, height: 630, anchor: .center)), ImageVariant(.resize(width: 400, height: nil))]
        let processor = ImageProcessor()
        let count = 20
        var decode = 0.0, derive = 0.0
        for _ in 0..<count {
            var image: Image!
            decode += try clock { image = try Image.decode(photo, path: "p.jpg") }
            derive += try clock {
                for variant in variants { _ = try variant.operation.apply(to: image).encoded(as: .jpeg, quality: 85) }
            }
        }
        let total = try clock { for _ in 0..<count { _ = try processor.variants(of: photo, path: "p.jpg", variants) } }
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count { group.addTask { _ = try processor.variants(of: photo, path: "p.jpg", variants) } }
            try await group.waitForAll()
        }
        let parallel = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let image = try Image.decode(photo, path: "p.jpg")
        let area = clock { for _ in 0..<count { _ = image.resampled(x: 0, y: 0, width: 1600, height: 840, toWidth: 1200, toHeight: 630) } }
        let gd = clock { for _ in 0..<count { _ = image.resampled(x: 0, y: 0, width: 1600, height: 840, toWidth: 1200, toHeight: 630, method: .gd) } }
        print(String(format: "TIMING photo 1600x1067 → fill 1200x630 + resize 400w: %.1f ms each serial (decode %.1f, resample+encode %.1f), %.1f ms each wall on %d cores; fill resample alone: area %.1f ms, gdImageCopyResampled %.1f ms",
                     total / Double(count), decode / Double(count), derive / Double(count), parallel / Double(count),
                     ProcessInfo.processInfo.activeProcessorCount, area / Double(count), gd / Double(count)))
    }
}
