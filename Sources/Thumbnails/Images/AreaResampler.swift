import CGD
import Foundation

/// Area-averaging resampling: each target pixel is the mean of the source pixels it covers, each
/// weighted by the fraction covered — the filter of `gdImageCopyResampled`, computed separably in
/// fixed point, so a photo is resampled in a few milliseconds instead of gd's tens. Fine detail
/// averages out instead of aliasing (gd's `gdImageScale` bilinear and bicubic sample too few pixels).
enum AreaResampler {
    /// For each target index, the first source index and the weights (summing to 1 << 14) of the
    /// source pixels it covers.
    struct Weights {
        var starts: [Int32] = []
        var counts: [Int32] = []
        var weights: [Int32] = []
        var offsets: [Int32] = []

        init(source: Int, target: Int) {
            let scale = Double(source) / Double(target)
            for t in 0..<target {
                let low = Double(t) * scale, high = Double(t + 1) * scale
                var first = Int(low.rounded(.down)), last = Int(high.rounded(.up)) - 1
                // Enlarging, a target pixel covers part of one or two source pixels: the same rule holds.
                first = max(0, min(source - 1, first))
                last = max(first, min(source - 1, last))
                var raw: [Double] = []
                for s in first...last {
                    raw.append(max(0, min(high, Double(s + 1)) - max(low, Double(s))))
                }
                let total = raw.reduce(0, +)
                var fixed = raw.map { Int32(($0 / total * 16384).rounded()) }
                // Make the weights sum to exactly 1 << 14 (put the rounding error on the largest).
                let error = 16384 - fixed.reduce(0, +)
                if let largest = fixed.indices.max(by: { fixed[$0] < fixed[$1] }) { fixed[largest] += error }
                starts.append(Int32(first))
                counts.append(Int32(fixed.count))
                offsets.append(Int32(weights.count))
                weights += fixed
            }
        }
    }

    /// Resamples the `width`×`height` rectangle at (`x`, `y`) of `source` into all of `target`.
    static func resample(_ source: gdImagePtr, x: Int, y: Int, width: Int, height: Int, into target: gdImagePtr, alpha: Bool) {
        let targetWidth = Int(target.pointee.sx), targetHeight = Int(target.pointee.sy)
        let horizontal = Table(Weights(source: width, target: targetWidth))
        let vertical = Table(Weights(source: height, target: targetHeight))
        let stride = targetWidth * 4
        // Horizontal pass into rows of `targetWidth` pixels, 4 channels of 8 fractional bits each.
        let middle = UnsafeMutablePointer<UInt16>.allocate(capacity: stride * height)
        defer { middle.deallocate() }
        for row in 0..<height {
            let pixels = source.pointee.tpixels[y + row]! + x
            var out = middle + row * stride
            for t in 0..<targetWidth {
                var r: Int32 = 0, g: Int32 = 0, b: Int32 = 0, a: Int32 = 0
                let start = Int(horizontal.starts[t]), count = Int(horizontal.counts[t])
                let weights = horizontal.weights + Int(horizontal.offsets[t])
                if alpha {
                    for k in 0..<count {
                        let value = pixels[start + k], w = weights[k]
                        // libgd alpha: 0 opaque … 127 transparent. Premultiply.
                        let opacity = (127 &- ((value &>> 24) & 0x7F)) &* 255 / 127
                        r &+= ((value &>> 16) & 0xFF) &* opacity / 255 &* w
                        g &+= ((value &>> 8) & 0xFF) &* opacity / 255 &* w
                        b &+= (value & 0xFF) &* opacity / 255 &* w
                        a &+= opacity &* w
                    }
                } else {
                    var sum = SIMD4<Int32>(repeating: 0)
                    let shifts = SIMD4<Int32>(16, 8, 0, 0)
                    let masks = SIMD4<Int32>(0xFF, 0xFF, 0xFF, 0)
                    for k in 0..<count {
                        let value = SIMD4<Int32>(repeating: pixels[start + k])
                        sum &+= ((value &>> shifts) & masks) &* SIMD4(repeating: weights[k])
                    }
                    (r, g, b, a) = (sum[0], sum[1], sum[2], 255 << 14)
                }
                out[0] = UInt16(truncatingIfNeeded: (r &+ 32) &>> 6)
                out[1] = UInt16(truncatingIfNeeded: (g &+ 32) &>> 6)
                out[2] = UInt16(truncatingIfNeeded: (b &+ 32) &>> 6)
                out[3] = UInt16(truncatingIfNeeded: (a &+ 32) &>> 6)
                out += 4
            }
        }
        // Vertical pass into the target.
        let sums = UnsafeMutablePointer<Int32>.allocate(capacity: stride)
        defer { sums.deallocate() }
        for t in 0..<targetHeight {
            sums.initialize(repeating: 0, count: stride)
            let start = Int(vertical.starts[t]), count = Int(vertical.counts[t])
            let weights = vertical.weights + Int(vertical.offsets[t])
            for k in 0..<count {
                let w = weights[k]
                let line = middle + (start + k) * stride
                for i in 0..<stride { sums[i] &+= Int32(line[i]) &* w }
            }
            let row = target.pointee.tpixels[t]!
            for column in 0..<targetWidth {
                let i = column * 4
                var r = (sums[i] &+ (1 << 21)) &>> 22, g = (sums[i + 1] &+ (1 << 21)) &>> 22, b = (sums[i + 2] &+ (1 << 21)) &>> 22
                var gdAlpha: Int32 = 0
                if alpha {
                    let opacity = (sums[i + 3] &+ (1 << 21)) &>> 22
                    if opacity == 0 {
                        (r, g, b, gdAlpha) = (0, 0, 0, 127)
                    } else {
                        r = r * 255 / opacity
                        g = g * 255 / opacity
                        b = b * 255 / opacity
                        gdAlpha = 127 - (opacity * 127 + 127) / 255
                    }
                }
                row[column] = gdAlpha << 24 | min(255, r) << 16 | min(255, g) << 8 | min(255, b)
            }
        }
    }

    /// `Weights` in raw memory, for the inner loops.
    final class Table {
        let starts: UnsafeMutablePointer<Int32>, counts: UnsafeMutablePointer<Int32>
        let offsets: UnsafeMutablePointer<Int32>, weights: UnsafeMutablePointer<Int32>

        init(_ source: Weights) {
            func copy(_ array: [Int32]) -> UnsafeMutablePointer<Int32> {
                let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, array.count))
                pointer.initialize(from: array, count: array.count)
                return pointer
            }
            starts = copy(source.starts)
            counts = copy(source.counts)
            offsets = copy(source.offsets)
            weights = copy(source.weights)
        }

        deinit {
            starts.deallocate()
            counts.deallocate()
            offsets.deallocate()
            weights.deallocate()
        }
    }
}
