import ArgumentParser
import Bridge
import Foundation
import Hummingbird
import Logging
import Server
import Domain
import Store

/// `qbbridge serve`: the Web Connector endpoint, the JSON API and the health/metrics routes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server (creates and migrates the database on first start)."
    )

    @Option(help: "Address to listen on (env QBBRIDGE_HOST; default 127.0.0.1; use 0.0.0.0 to accept the Web Connector from other machines).")
    var host: String?

    @Option(help: "Port to listen on (env QBBRIDGE_PORT; default 8080).")
    var port: Int?

    @Option(help: "The URL the Web Connector reaches, written into .qwc files (env QBBRIDGE_PUBLIC_URL; default http://localhost:PORT). Must be https unless the host is local.")
    var publicURL: String?

    @Option(help: "PEM certificate chain: serve HTTPS directly (env QBBRIDGE_TLS_CERT; needs --tls-key).")
    var tlsCert: String?

    @Option(help: "PEM private key for --tls-cert (env QBBRIDGE_TLS_KEY).")
    var tlsKey: String?

    @Option(help: "Refuse Web Connector versions below this one (env QBBRIDGE_MIN_CLIENT_VERSION; default 2.1.0.30).")
    var minClientVersion: String?

    @Option(help: "Seconds after which a session re-reads QuickBooks' host facts and re-checks the company file stamp (env QBBRIDGE_HOST_INFO_REFRESH_SECONDS; default 604800, a week).")
    var hostInfoRefreshSeconds: Double?

    @Option(help: "Seconds of silence after which a company's session may be replaced by a new one (env QBBRIDGE_SESSION_STALE_SECONDS; default 900).")
    var sessionStaleSeconds: Double?

    @Option(help: "Seconds a kept-alive connection may stay idle before the server closes it (env QBBRIDGE_IDLE_CONNECTION_SECONDS; default 120, longer than the Web Connector's own 100).")
    var idleConnectionSeconds: Double?

    @Flag(help: "Let webhooks go to plain-http loopback URLs and to private, loopback and link-local addresses: for development and tests only (env QBBRIDGE_WEBHOOK_ALLOW_INSECURE=1; default off).")
    var webhookAllowInsecure = false

    @Option(help: "File holding the AES key that encrypts webhook secrets, created (mode 0600) on first use (env QBBRIDGE_WEBHOOK_KEY_FILE; default: next to the SQLite file, <database>.webhook-key). Required with PostgreSQL; every instance must use the same key.")
    var webhookKeyFile: String?

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func validate() throws {
        _ = try makeConfiguration()
    }

    func makeConfiguration() throws -> ServerConfiguration {
        let host = host ?? Environment.value("QBBRIDGE_HOST") ?? "127.0.0.1"
        let portText = port.map(String.init) ?? Environment.value("QBBRIDGE_PORT") ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ValidationError("--port \(portText) must be a number from 0 to 65535.")
        }
        let cert = tlsCert ?? Environment.value("QBBRIDGE_TLS_CERT")
        let key = tlsKey ?? Environment.value("QBBRIDGE_TLS_KEY")
        guard (cert == nil) == (key == nil) else {
            throw ValidationError("Give both --tls-cert and --tls-key to serve HTTPS, or neither.")
        }
        for path in [cert, key].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read \(path); check the TLS certificate and key paths.")
        }
        let scheme = cert == nil ? "http" : "https"
        let publicURL = publicURL ?? Environment.value("QBBRIDGE_PUBLIC_URL") ?? "\(scheme)://localhost:\(port)"
        guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--public-url \(publicURL) must be an absolute http(s) URL such as https://qb.example.com.")
        }
        var bridge = BridgeConfiguration(publicURL: publicURL)
        if let refresh = hostInfoRefreshSeconds ?? Environment.value("QBBRIDGE_HOST_INFO_REFRESH_SECONDS").flatMap(Double.init) {
            guard refresh >= 0 else { throw ValidationError("--host-info-refresh-seconds must not be negative.") }
            bridge.hostInfoRefreshSeconds = refresh
        }
        if let stale = sessionStaleSeconds ?? Environment.value("QBBRIDGE_SESSION_STALE_SECONDS").flatMap(Double.init) {
            guard stale >= 0 else { throw ValidationError("--session-stale-seconds must not be negative.") }
            bridge.sessionStaleAfterSeconds = stale
        }
        if let minimum = minClientVersion ?? Environment.value("QBBRIDGE_MIN_CLIENT_VERSION") { bridge.minimumClientVersion = minimum }
        bridge.webhooks.allowInsecure = webhookAllowInsecure || ["1", "true", "yes"].contains(Environment.value("QBBRIDGE_WEBHOOK_ALLOW_INSECURE")?.lowercased() ?? "")
        bridge.webhooks.keyFile = webhookKeyFile ?? Environment.value("QBBRIDGE_WEBHOOK_KEY_FILE")
        var configuration = ServerConfiguration(host: host, port: port,
                                                tlsCertificatePath: cert, tlsKeyPath: key, bridge: bridge)
        if let idle = idleConnectionSeconds ?? Environment.value("QBBRIDGE_IDLE_CONNECTION_SECONDS").flatMap(Double.init) {
            guard idle >= 1 else { throw ValidationError("--idle-connection-seconds must be at least 1.") }
            configuration.idleConnectionSeconds = idle
        }
        return configuration
    }

    func run() async throws {
        // Every time the server shows or stores is UTC, so Foundation's default zone is too. Left to the host's
        // zone, the first calendar made (Hummingbird's date-header cache, at start, though it formats in GMT)
        // looks that zone up by name in ICU's data: about 2 MiB of memory for the server's whole life.
        // Log lines keep the host's local time: swift-log formats them with the C library, not Foundation.
        NSTimeZone.default = TimeZone.gmt
        let configuration = try makeConfiguration()
        let location = try databaseOptions.location()
        let logger = try loggingOptions.makeLogger()
        try await Database.withOpened(location, logger: logger) { database in
            let store = Store(database: database)
            let applied = try await store.migrate()
            if !applied.isEmpty { logger.info("database ready", metadata: ["database": "\(location)", "migrations": "\(applied)"]) }
            if try await store.tokens.count() == 0 {
                let token = try await store.tokens.create(label: "admin", actor: "system")
                print("First start: created an admin API token. It is shown only once; keep it safe:")
                print("  \(token)")
                print("Use it as 'Authorization: Bearer <token>' for /api/v1. Make more with 'qbbridge token create'.")
            }
            let services = BridgeServices(store: store, configuration: configuration.bridge, logger: logger)
            // While no admin user exists, every start prints a fresh one-time link to create the first one in the
            // browser (the earlier link stops working).
            let setupCode = try await services.access.issueSetupCode()
            let app = try BridgeServer.makeApplication(configuration: configuration, services: services, logger: logger) { port in
                if let setupCode {
                    print("No admin user yet: create the first one in the browser with this link (valid 24 hours, works once):")
                    print("  \(configuration.bridge.publicURL)/setup?code=\(setupCode)")
                }
                print("QBBridge \(QBBridgeVersion.current) listening on \(configuration.host):\(port); Web Connector URL \(configuration.bridge.publicURL)/qbwc; database: \(location)")
                fflush(nil)
            }
            try await app.runService()
        }
    }
}
