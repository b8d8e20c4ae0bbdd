import Dispatch
import Foundation

/// Ctrl-C and SIGTERM for `sitegen serve`, which must stop within a second and remove its private
/// folder. Their default action (ending the process on the spot, the folder left behind) is
/// turned off, and `wait` returns at the first of them so that the command can stop the server.
/// A build under way cannot be stopped, though: if the process is still running `deadline` after
/// the signal, `lastResort` runs and the process exits without waiting for the build.
struct StopSignals {
    static let numbers = [SIGINT, SIGTERM]
    var deadline = DispatchTimeInterval.milliseconds(800)

    /// Returns at the first signal, or when cancelled (and then arms nothing).
    func wait(lastResort: @escaping @Sendable () -> Void) async {
        let (signals, continuation) = AsyncStream<Void>.makeStream()
        let sources = Self.numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        var iterator = signals.makeAsyncIterator()
        guard await iterator.next() != nil else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
            lastResort()
            exit(EXIT_SUCCESS)
        }
    }
}
