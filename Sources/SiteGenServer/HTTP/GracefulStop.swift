import Logging
import ServiceLifecycle

/// Runs a server until the calling task is cancelled, and then shuts it down gracefully instead
/// of letting the cancellation reach it.
///
/// A cancelled NIO accept loop drops the connections it has accepted but not yet handed out, and
/// NIO traps on each of them ("Deinited NIOAsyncWriter without calling finish()", swift-nio
/// #2637 and #3481): a test stopping the preview, or a Ctrl-C while a browser connected, killed
/// the process. A graceful shutdown closes the listening socket and serves every connection
/// already accepted: idle ones are closed at once and answers under way are finished (the
/// endless event streams end on it too, see `PreviewServer`), so it is as quick as a cancellation.
struct GracefulStop {
    let logger: Logger
    /// How long the shutdown may wait for answers under way before the server is cancelled all
    /// the same: by then the accept loop has long handed out every connection, and has none left
    /// to drop.
    let gracePeriod: Duration

    func run(_ server: some Service) async throws {
        var configuration = ServiceGroupConfiguration(services: [server], logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        let group = ServiceGroup(configuration: configuration)
        // A task of its own, not a child: a child task would be cancelled along with this one.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
