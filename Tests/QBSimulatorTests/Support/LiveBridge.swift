import Bridge
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QBSimulator
import Server
import Domain
import Store
import Testing

/// A real QBBridge server on a free port over a fresh SQLite file, built the way `serve` builds it
/// (the pattern of `Tests/BridgeTests/Support/RunningBridge.swift`), for driving with `FakeWebConnector`.
struct LiveBridge: Sendable {
    let baseURL: String
    let store: Store
    let configuration: ServerConfiguration

    static let logger: Logger = {
        var logger = Logger(label: "qbsimulator-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Creates a company connection through the service the API uses.
    func addCompany(name: String = "Acme Plumbing", username: String = "acme", password: String = "correct horse") async throws -> Company {
        try await CompanyService(store: store, configuration: configuration.bridge, passwords: PasswordHasher(cost: 4))
            .create(.init(name: name, username: username, password: password), actor: "test")
    }

    /// A Web Connector for a company, configured with the installation's OwnerID and the company's
    /// FileID as its `.qwc` would be.
    func webConnector(for company: Company, password: String = "correct horse", quickBooks: FakeQuickBooks) async throws -> FakeWebConnector {
        let ownerID = try await store.installation.ownerID()
        return FakeWebConnector(baseURL: baseURL, username: company.username, password: password, quickBooks: quickBooks,
                                configuration: WebConnectorConfiguration(ownerID: ownerID, fileID: company.fileID))
    }
}

/// Runs `body` against a live server on a temporary SQLite database.
func withLiveBridge<R: Sendable>(
    configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
    _ body: @Sendable (LiveBridge) async throws -> R
) async throws -> R {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbsimulator-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("test.sqlite").path)
    return try await Database.withOpened(location, logger: LiveBridge.logger) { database in
        let store = Store(database: database)
        try await store.migrate()
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.bridge.bcryptCost = 4
        configure(&configuration)
        let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: LiveBridge.logger), logger: LiveBridge.logger)
        let frozen = configuration
        return try await app.test(.live) { client in
            let port = try #require(client.port, "the live test server reported no port")
            return try await body(LiveBridge(baseURL: "http://localhost:\(port)", store: store, configuration: frozen))
        }
    }
}
