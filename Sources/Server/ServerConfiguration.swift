import Foundation
public import Bridge

/// Everything `serve` decides, in one `Sendable` value passed down through inits (docs/style.md, "Configuration and lifecycle").
public struct ServerConfiguration: Sendable {
    /// Address to bind.
    public var host: String
    /// Port to bind (0 picks a free one; tests read it back).
    public var port: Int
    /// PEM certificate chain for serving HTTPS directly.
    public var tlsCertificatePath: String?
    /// PEM private key for serving HTTPS directly.
    public var tlsKeyPath: String?
    /// Largest SOAP request body accepted (bytes); QuickBooks responses to paged queries stay far below it.
    public var maximumSOAPBodyBytes: Int
    /// Largest JSON request body accepted (bytes).
    public var maximumJSONBodyBytes: Int
    /// Bridge behaviour (public URL, client versions, timeouts).
    public var bridge: BridgeConfiguration
    /// Seconds between sweeps that expire idle sessions.
    public var sweepIntervalSeconds: Double
    /// Seconds a kept-alive HTTP connection may sit with no request before the server closes it. Longer
    /// than the Web Connector's own limit (.NET drops idle connections after 100 s), so the client always
    /// closes first and never sends on a connection the server is closing; short enough that connections
    /// left open by clients that vanished do not pile up and hold memory (each keeps what its deepest
    /// request needed until it ends).
    public var idleConnectionSeconds: Double
    /// Web Connector calls worked on at once; more wait their turn holding only their body (`CallLimiter`).
    public var concurrentSOAPCalls: Int

    /// Creates a configuration with production defaults.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        tlsCertificatePath: String? = nil,
        tlsKeyPath: String? = nil,
        maximumSOAPBodyBytes: Int = 32 * 1024 * 1024,
        maximumJSONBodyBytes: Int = 1024 * 1024,
        bridge: BridgeConfiguration = BridgeConfiguration(),
        sweepIntervalSeconds: Double = 60,
        idleConnectionSeconds: Double = 120,
        concurrentSOAPCalls: Int = ServerConfiguration.defaultConcurrentSOAPCalls
    ) {
        self.host = host
        self.port = port
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.maximumSOAPBodyBytes = maximumSOAPBodyBytes
        self.maximumJSONBodyBytes = maximumJSONBodyBytes
        self.bridge = bridge
        self.sweepIntervalSeconds = sweepIntervalSeconds
        self.idleConnectionSeconds = idleConnectionSeconds
        self.concurrentSOAPCalls = concurrentSOAPCalls
    }

    /// Eight calls per core: enough to keep the cores and a group commit busy, few enough that a burst
    /// of Web Connectors does not balloon the heap.
    public static var defaultConcurrentSOAPCalls: Int { 8 * max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
