import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP connection to 127.0.0.1, for what URLSession hides: the exact bytes of a request
/// (`HEAD`, HTTP/1.0, headers never finished) and whether the server closes the connection.
final class LoopbackConnection {
    enum Failure: Error { case socket(String) }

    private let descriptor: Int32
    private var received = Data()

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket("socket: \(String(cString: strerror(errno)))") }
        var address = Self.address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            // Not closed here: an initializer that throws once every property is set still runs
            // `deinit`, and a second close could close a socket opened meanwhile with that number.
            throw Failure.socket("connect to port \(port): \(reason)")
        }
    }

    deinit { Glibc.close(descriptor) }

    /// 127.0.0.1 at `port`.
    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure.socket("send: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    /// Reads until the server closes the connection, for at most `timeout`: all that came, and
    /// whether the connection was closed.
    func readToEnd(within timeout: Duration) async -> (text: String, closed: Bool) {
        let closed = await receive(within: timeout) { _ in false }
        return (String(decoding: received, as: UTF8.self), closed)
    }

    /// Reads until what came so far passes `done`, the server closes, or `timeout` passes: all that came.
    func read(within timeout: Duration, until done: (String) -> Bool) async -> String {
        _ = await receive(within: timeout, until: done)
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads into `received` until `done` holds for it or `timeout` passes; whether the server closed.
    /// Waits by sleeping, not in `poll`: a blocked thread of the shared pool is one fewer for the
    /// server under test, which answers on the same pool.
    private func receive(within timeout: Duration, until done: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !done(String(decoding: received, as: UTF8.self)) {
            guard ContinuousClock.now < deadline else { return false }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 0) > 0 else {
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            // A reset counts as closed: the server has let go of the connection either way.
            guard count > 0 else { return true }
            received.append(contentsOf: chunk[0..<count])
        }
        return false
    }
}
