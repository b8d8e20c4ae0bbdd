import NIOCore
import NIOHTTP1

/// Keeps HTTP/1.0 clients' connections to their own rules, which Hummingbird loses when it turns
/// requests into version-less `HTTPRequest`s: to it every connection is HTTP/1.1 and stays open
/// unless a request says exactly `Connection: close`. So an HTTP/1.0 client without keep-alive
/// (`ab`, `curl -0`) would wait forever for the end of its answer.
///
/// Sits between NIO's request decoder and Hummingbird's codec, where the version is still known: a
/// request that does not keep its connection alive is marked `Connection: close` (Hummingbird
/// then closes the connection once it has answered), and each answer says what became of the
/// connection when the client could not assume it.
final class ConnectionPersistence: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The `Connection` header owed to each request read and not yet answered, oldest first.
    private var owed = CircularBuffer<String?>()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        owed.append(Self.connectionHeader(answering: head))
        if !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "Connection", value: "close")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200, let header = owed.popFirst() else {
            context.write(data, promise: promise)
            return
        }
        if let header { head.headers.replaceOrAdd(name: "Connection", value: header) }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }

    /// `close` when the connection ends with this answer, `keep-alive` for an HTTP/1.0 client that
    /// asked to keep it (it assumes otherwise), nothing for HTTP/1.1's default.
    static func connectionHeader(answering request: HTTPRequestHead) -> String? {
        if !request.isKeepAlive { return "close" }
        return request.version == .http1_0 ? "keep-alive" : nil
    }
}
