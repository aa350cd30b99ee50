import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import Server
import QBBridgeTesting

@Suite("Receive buffers: what an open connection keeps", .tagFilter)
struct LeanReceiveChannelTests {
    /// Records the receive options a real accepted socket has when its base channel is set up.
    struct OptionProbe: ServerChildChannel {
        struct Value: ServerChildChannelValue {
            let channel: any Channel
        }

        let seen: AsyncStream<Options>.Continuation

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

    typealias Options = (maxMessagesPerRead: UInt, maximumReadBytes: Int?)

    /// Accepts one real loopback connection, sets it up with `wrap(probe)`, and returns what the probe saw.
    static func acceptedOptions<Child: ServerChildChannel>(_ wrap: (OptionProbe) -> Child) async throws -> Options {
        let (stream, continuation) = AsyncStream.makeStream(of: Options.self)
        let child = wrap(OptionProbe(seen: continuation))
        let logger = Logger(label: "test")
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in child.setup(channel: channel, logger: logger).map { _ in } }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
        var seen = stream.makeAsyncIterator()
        let options = try #require(await seen.next())
        try await client.close()
        try await server.close()
        return options
    }

    @Test("an accepted connection reads once per wake-up into a buffer of at most 16 KiB, before HTTP is set up")
    func acceptedConnectionsKeepOneSmallBuffer() async throws {
        let options = try await Self.acceptedOptions { LeanReceiveChannel(base: $0) }
        #expect(options.maxMessagesPerRead == 1)
        #expect(options.maximumReadBytes == 16 * 1024)
    }

    @Test("NIO's defaults, which this changes, keep four buffers of up to 64 KiB per connection")
    func defaultsKeepMore() async throws {
        let options = try await Self.acceptedOptions { $0 }
        #expect(options.maxMessagesPerRead == 4)
        #expect(options.maximumReadBytes == 64 * 1024)
    }
}
