import Bridge
import Foundation
import HummingbirdTesting
import Logging
import QBSimulator
import Server
import Domain
import Store
import Synchronization
import Testing
import QBBridgeTesting

/// Keeps every log line's message and metadata, the request-scoped provider's included, as `serve`'s
/// handler prints them.
final class StructuredLogs: Sendable {
    let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])

    struct Handler: LogHandler {
        let sink: StructuredLogs
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider? = RequestMetadata.provider
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            all.merge(metadataProvider?.get() ?? [:]) { $1 }
            all.merge(event.metadata ?? [:]) { $1 }
            let line = (message: "\(event.message)", metadata: all)
            sink.lines.withLock { $0.append(line) }
        }
    }
}

@Suite("Log lines name the Web Connector call and the company", .tagFilter)
struct RequestLogContextTests {
    @Test("at debug level every line of a full session carries its call's request id, and each ticketed call names the company")
    func requestIDAndCompany() async throws {
        let logs = StructuredLogs()
        let logger = Logger(label: "qbbridge-log-context") { _, _ in StructuredLogs.Handler(sink: logs) }
        try await TestDatabase.sqlite.withStore { store async throws in
            let configuration = ServerConfigurationFactory.make()
            let token = try await store.tokens.create(label: "log", actor: "test")
            let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: logger), logger: logger)
            try await app.test(.live) { client in
                let bridge = RunningBridge(client: client, store: store, token: token, configuration: configuration)
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 11))
                _ = try await lab.payOpenInvoice("log-1")
                let reports = await lab.sync()
                #expect(reports.first?.outcome == .completed)
                let company = "\(lab.company.id)"
                let captured = logs.lines.withLock { $0 }
                let calls = captured.filter { $0.message == "SOAP call" }
                #expect(calls.count >= 8, "one line per Web Connector call")
                let ids = calls.compactMap { $0.metadata["hb.request.id"]?.description }
                #expect(ids.count == calls.count && Set(ids).count == ids.count, "each call has its own request id")
                for line in captured where line.message == "Web Connector call" || line.message.hasPrefix("session ") {
                    #expect(line.metadata["hb.request.id"] != nil, "\(line.message) has no request id")
                    #expect(line.metadata["company"]?.description == company, "\(line.message) does not name the company")
                }
                #expect(captured.contains { $0.message == "Web Connector call" })
                #expect(captured.contains { $0.message == "session opened" })
            }
        }
    }
}
