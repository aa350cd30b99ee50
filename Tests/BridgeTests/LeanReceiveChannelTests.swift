import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import Server

@Suite("Receive buffers: what an open connection keeps")
struct LeanReceiveChannelTests {
    /// Records the receive options a real accepted socket has when its base channel is set up.
    struct OptionProbe: ServerChildChannel {
        struct Value: ServerChildChannelValue {
            let channel: any Channel
        }

        let seen: AsyncStream<(maxMessagesPerRead: UInt, maximumReadBytes: Int?)>.Continuation

        func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
            channel.getOption(ChannelOptions.maxMessagesPerRead)
                .and(channel.getOption(ChannelOptions.recvAllocator))
                .map { reads, allocator in
                    seen.yield((reads, (allocator as? AdaptiveRecvByteBufferAllocator)?.maximum))
                    return Value(channel: channel)
                }
        }

        func handle(value: Value, logger: Logger) async {}
    }

    @Test("an accepted connection reads once per wake-up into a buffer of at most 16 KiB, before HTTP is set up")
    func acceptedConnectionsKeepOneSmallBuffer() async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: (maxMessagesPerRead: UInt, maximumReadBytes: Int?).self)
        let lean = LeanReceiveChannel(base: OptionProbe(seen: continuation))
        let logger = Logger(label: "test")
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in lean.setup(channel: channel, logger: logger).map { _ in } }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()

        var seen = stream.makeAsyncIterator()
        let options = try #require(await seen.next())
        #expect(options.maxMessagesPerRead == 1)
        #expect(options.maximumReadBytes == 16 * 1024)

        try await client.close()
        try await server.close()
    }

    @Test("NIO's defaults, which this changes, keep four buffers of up to 64 KiB per connection")
    func defaultsKeepMore() async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: (maxMessagesPerRead: UInt, maximumReadBytes: Int?).self)
        let probe = OptionProbe(seen: continuation)
        let logger = Logger(label: "test")
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in probe.setup(channel: channel, logger: logger).map { _ in } }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()

        var seen = stream.makeAsyncIterator()
        let options = try #require(await seen.next())
        #expect(options.maxMessagesPerRead == 4)
        #expect(options.maximumReadBytes == 64 * 1024)

        try await client.close()
        try await server.close()
    }
}
