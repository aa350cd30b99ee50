import Bridge
import Foundation
import HummingbirdTesting
import Logging
import QBSimulator
import QBXML
import Server
import Domain
import Store
import Synchronization
import Testing
import QBBridgeTesting

/// Collects every log line in memory, with its metadata, for scanning.
final class CapturingLogs: Sendable {
    let lines = Mutex<[String]>([])

    var handler: CapturingHandler { CapturingHandler(sink: self) }

    struct CapturingHandler: LogHandler {
        let sink: CapturingLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            if let extra = event.metadata { all.merge(extra) { $1 } }
            let line = "\(event.level) \(event.message) \(all) \(event.source)"
            sink.lines.withLock { $0.append(line) }
        }
    }
}

@Suite("No secret in the logs", .tagFilter)
struct SecretLoggingTests {
    @Test("a full Web Connector session, failed logins and API calls at trace level log no ticket, password or API token")
    func noSecrets() async throws {
        let logs = CapturingLogs()
        let logger = Logger(label: "qbbridge-secret-scan") { _ in logs.handler }
        try await TestDatabase.sqlite.withStore { store async throws in
            let configuration = ServerConfigurationFactory.make()
            let token = try await store.tokens.create(label: "scan", actor: "test")
            let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: logger), logger: logger)
            try await app.test(.live) { client in
                let bridge = RunningBridge(client: client, store: store, token: token, configuration: configuration)
                let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 9)
                let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
                let invoice = try #require(await quickBooks.openInvoices().first)
                try await lab.pay("scan-1", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                  invoice: (invoice.txnID?.rawValue, nil))
                let reports = await lab.sync()
                let ticket = try #require(reports.first?.ticket)
                _ = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "Wr0ng-Pa55w0rd")])
                _ = try await bridge.api(.get, "/payments", token: "qbb_" + String(repeating: "7", count: 64))
                let captured = logs.lines.withLock { $0 }
                #expect(captured.count > 10, "the scan must see real log output")
                let joined = captured.joined(separator: "\n")
                for secret in [PaymentLab.password, "Wr0ng-Pa55w0rd", token, String(repeating: "7", count: 64), ticket] {
                    #expect(!joined.contains(secret), "a secret reached the logs")
                }
            }
        }
    }
}
