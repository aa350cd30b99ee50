import HummingbirdCore
import Logging
import NIOCore

/// A server child channel that reads into one small receive buffer per connection, then sets up `base`.
///
/// NIO keeps up to `maxMessagesPerRead` (4) receive buffers per connection for reuse, each as large as its
/// adaptive allocator last asked for, up to 64 KiB, and keeps them while the connection is open. A Web
/// Connector holds its connection open across calls and polls, so after a few large receiveResponseXML
/// bodies every connection pinned up to 256 KiB: at 500 Web Connectors memory climbed with every larger
/// QuickBooks answer and fell back only when they disconnected. One kept buffer of at most
/// `maximumReadBytes` bounds that per connection; a large body takes more reads, not more memory.
struct LeanReceiveChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    var maximumReadBytes = 16 * 1024

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let allocator = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 2048, maximum: maximumReadBytes)
        return channel.setOption(ChannelOptions.maxMessagesPerRead, value: 1)
            .flatMap { channel.setOption(ChannelOptions.recvAllocator, value: allocator) }
            .flatMap { base.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with `configuration`, each connection keeping one receive buffer of at most 16 KiB.
    static func leanHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            LeanReceiveChannel(base: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
