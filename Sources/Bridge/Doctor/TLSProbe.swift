import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Reads the certificate chain a TLS server presents, without judging it, so that `qbbridge doctor` can say why the
/// system's trust store refused it (expired, self-signed, unknown issuer, another host name) and how many days it has
/// left. The verdict itself comes from a real HTTPS request with NIOSSL's own verification (`Doctor+Web.swift`).
enum TLSProbe {
    struct NoCertificate: Error, CustomStringConvertible {
        var description: String { "the TLS handshake ended before the server presented a certificate (is this port plain HTTP?)" }
    }

    /// Connects to `address:port`, sends `serverName` as SNI (none for an IP address), and returns the presented chain,
    /// leaf first.
    static func presentedChain(serverName: String, address: String, port: Int, timeoutSeconds: Int64) async throws -> [NIOSSLCertificate] {
        let group = MultiThreadedEventLoopGroup.singleton
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        let eventLoop = group.next()
        let captured = eventLoop.makePromise(of: [NIOSSLCertificate].self)
        let once = Once()
        @Sendable func settle(_ result: Result<[NIOSSLCertificate], any Error>) {
            guard once.first() else { return }
            captured.completeWith(result)
        }
        let sni = ResolveOverride.isIPAddress(serverName) ? nil : serverName
        let channel = try await ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(timeoutSeconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(context: context, serverHostname: sni, customVerificationCallback: { chain, verdict in
                        settle(.success(chain))
                        // Accepted here only to read the chain; nothing is sent over this connection.
                        verdict.succeed(.certificateVerified)
                    })
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: address, port: port).get()
        channel.closeFuture.whenComplete { _ in settle(.failure(NoCertificate())) }
        let timeout = eventLoop.scheduleTask(in: .seconds(timeoutSeconds)) { settle(.failure(NoCertificate())) }
        defer {
            timeout.cancel()
            channel.close(promise: nil)
        }
        return try await captured.futureResult.get()
    }
}

/// True for the first caller only: a promise is completed once, whichever of the handshake, the close and the timeout
/// comes first.
private final class Once: Sendable {
    private let done = Mutex(false)

    func first() -> Bool {
        done.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
