import Bridge
import Foundation
import HummingbirdTesting
import Logging
import NIOCore
import Server
import Store
import Testing
import QBBridgeTesting

/// No ticket or password from an uploaded log reaches QBBridge's own log, at trace level, whether the log is
/// read, refused or attached (issue 23).
@Suite("Web Connector log: nothing of it in QBBridge's log", .tagFilter)
struct QWCLogSecretTests {
    static let secrets = ["3f6c2a9e-51d4-4b7a-9c0e-8d2f1a7b6e40", "9d8c7b6a-5f4e-4d3c-ab2a-1f0e9d8c7b6a", "Hunter2-Plumbing!",
                          "cccc1111-2222-4333-8444-555566667777"]

    @Test("reading, refusing and attaching logs writes no ticket or password to the server's log")
    func noSecretLogged() async throws {
        let logs = CapturingLogs()
        let logger = Logger(label: "qbbridge-qwclog-scan") { _ in logs.handler }
        try await TestDatabase.sqlite.withStore { store async throws in
            let configuration = ServerConfigurationFactory.make()
            let token = try await store.tokens.create(label: "scan", actor: "test")
            let services = BridgeServices(store: store, configuration: configuration.bridge, logger: logger)
            let app = try BridgeServer.makeApplication(configuration: configuration, services: services, logger: logger)
            try await app.test(.live) { client in
                let bridge = RunningBridge(client: client, store: store, token: token, configuration: configuration)
                let company = try await bridge.addCompany()
                for (name, query) in [("success.txt", ""), ("verbose-success.txt", "?attach=true&companyId=\(company.id.rawValue)"), ("server-error.txt", "")] {
                    let response = try await QWCLogAPITests.upload(bridge, try QWCLogAPITests.fixture(name), query: query)
                    #expect(response.status == .ok)
                    for secret in Self.secrets { #expect(!String(buffer: response.body).contains(secret), "\(name) answers \(secret)") }
                }
                // A refused file with a secret in it: the error names no content.
                let refused = try await QWCLogAPITests.upload(bridge, Array("password=Hunter2-Plumbing!\n".utf8) + [0x00])
                #expect(refused.status == .unprocessableContent)
                #expect(!String(buffer: refused.body).contains("Hunter2"))
            }
        }
        let captured = logs.lines.withLock { $0 }
        #expect(captured.contains { $0.contains("read a Web Connector log") }, "the reader logs that it read a log")
        for line in captured {
            for secret in Self.secrets { #expect(!line.contains(secret), "logged: \(line.prefix(300))") }
        }
    }
}
