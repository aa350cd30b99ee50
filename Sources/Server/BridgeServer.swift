import API
import AdminUI
public import RouteContext
public import Bridge
import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOSSL
import Domain
import WebConnector

/// Builds the Hummingbird application exactly the way `serve` runs it, so tests and benchmarks exercise
/// the real thing: routes for SOAP, the JSON API, health and metrics, and the background services.
public enum BridgeServer {
    /// The application over Bridge's services (built by the caller over an opened, migrated store).
    public static func makeApplication(
        configuration: ServerConfiguration,
        services: BridgeServices,
        logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = makeRouter(configuration: configuration, services: services, logger: logger)
        let http1 = HTTP1Channel.Configuration(idleTimeout: .nanoseconds(Int64(configuration.idleConnectionSeconds * 1_000_000_000)))
        let server: HTTPServerBuilder
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            server = try .tls(.leanHTTP1(configuration: http1), tlsConfiguration: .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(privateKey)))
        } else {
            server = .leanHTTP1(configuration: http1)
        }
        return Application(
            responder: HeadResponder(base: router.buildResponder()),
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "QBBridge"),
            services: services.backgroundServices(intervalSeconds: configuration.sweepIntervalSeconds) + [MemoryTrimmer(intervalSeconds: 5)],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// The router with every route and middleware; `makeApplication` serves it, tests list its routes.
    public static func makeRouter(configuration: ServerConfiguration, services: BridgeServices, logger: Logger) -> Router<BridgeRequestContext> {
        _ = Observability.registry

        let router = Router(context: BridgeRequestContext.self)
        router.add(middleware: RequestLoggingMiddleware())
        SOAPRoutes(service: WebConnectorService(backend: services.sessions), limiter: CallLimiter(limit: configuration.concurrentSOAPCalls),
                   maximumBodyBytes: configuration.maximumSOAPBodyBytes,
                   publicURL: configuration.bridge.publicURL).register(on: router)
        HealthRoutes(records: services.records).register(on: router)
        UIRoutes(services: services, tlsConfigured: configuration.tlsCertificatePath != nil).register(on: router)

        let api = router.group("/api/v1").add(middleware: ErrorMappingMiddleware())
        for format in ContractFormat.allCases {
            api.get("/openapi.\(format.rawValue)") { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(string: format.text)))
            }
        }
        let authenticated = api.group().add(middleware: BearerAuthMiddleware(access: services.access))
        do {
            try JSONAPI.register(on: authenticated, services: services, maximumBodyBytes: configuration.maximumJSONBodyBytes)
        } catch {
            preconditionFailure("the JSON API's routes could not be registered: \(error)")
        }
        // Last: it sees every route registered above and wraps only the not-found responder.
        router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
        return router
    }

    /// The OpenAPI document served at `/api/v1/openapi.json`.
    public static var openAPIDocument: String { JSONAPI.openAPIJSON }
}

/// The two forms the contract is served in: the file as written, and the same document as JSON.
enum ContractFormat: String, CaseIterable {
    case json
    case yaml

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .yaml: "application/yaml; charset=utf-8"
        }
    }

    var text: String {
        switch self {
        case .json: JSONAPI.openAPIJSON
        case .yaml: JSONAPI.openAPIYAML
        }
    }
}
