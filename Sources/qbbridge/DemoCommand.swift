import ArgumentParser
import Bridge
import Foundation
import Hummingbird
import Logging
import QBSimulator
import QBXML
import Server
import ServiceLifecycle
import Domain
import Store

/// `qbbridge demo`: the product working end to end on this machine, without Windows. It starts a server
/// on the embedded database in the current directory, connects a demo company to a simulated QuickBooks,
/// queues realistic payments (most clean; one already applied by hand; one hit by a credit memo; one whose
/// invoice was deleted and recreated), runs a simulated Web Connector session and tells what happened.
/// `--sync` later un-applies the credit memo and syncs again, showing the automatic re-check.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Watch QBBridge post payments to a simulated QuickBooks and explain each failure.")

    @Option(help: "Port for the demo server (0 picks a free one).") var port: Int = 8080
    @Flag(help: "Second act: un-apply the credit memo in the simulated QuickBooks and sync again.") var sync = false
    @Flag(help: "Keep serving after the story, so you can look around (Ctrl-C stops).") var serve = false
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    static let stateFile = "qbbridge-demo.json"
    static let password = "demo-password"

    func run() async throws {
        var quiet = try loggingOptions.makeLogger()
        if loggingOptions.logLevel == nil { quiet.logLevel = .warning }
        let logger = quiet
        let location = try databaseOptions.location()
        let sync = self.sync, serve = self.serve, port = self.port
        let loaded = try Self.loadState()
        if sync, loaded == nil {
            throw ValidationError("No demo to continue here: run 'qbbridge demo' first in this directory.")
        }
        try await Database.withOpened(location, logger: logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            var configuration = ServerConfiguration(host: "127.0.0.1", port: port)
            configuration.bridge.publicURL = "http://localhost:\(port)"
            configuration.bridge.sessionStaleAfterSeconds = 5
            let state: DemoState
            if let loaded { state = loaded } else { state = try await DemoScenario.prepare(store: store, configuration: configuration) }
            var prepared = try await DemoScenario(state: state)
            if sync { try await prepared.unapplyCreditMemo() }
            let scenario = prepared
            let running = PortBox()
            let app = try BridgeServer.makeApplication(configuration: configuration, services: BridgeServices(store: store, configuration: configuration.bridge, logger: logger),
                                                       logger: logger) { port in
                await running.set(port)
            }
            let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                let actual = try await running.wait()
                let story = try await scenario.runSession(port: actual, store: store, firstRun: !sync)
                try Self.save(scenario.state)
                print(story)
                if serve {
                    // The server keeps running, so these addresses work now.
                    print("""

                    Look around while it runs (Ctrl-C stops it):
                      web UI:    http://127.0.0.1:\(actual)/  (no admin user yet? qbbridge user setup-link --public-url http://127.0.0.1:\(actual) prints a link to create one)
                      failures:  curl -H 'Authorization: Bearer \(state.token)' http://127.0.0.1:\(actual)/api/v1/failures?companyId=\(state.companyID)
                      payments:  curl -H 'Authorization: Bearer \(state.token)' http://127.0.0.1:\(actual)/api/v1/payments?companyId=\(state.companyID)
                      health:    curl -H 'Authorization: Bearer \(state.token)' http://127.0.0.1:\(actual)/api/v1/companies/\(state.companyID)/health
                      CLI:       qbbridge failures list --company demo   (then: qbbridge failures show <id>)
                    """)
                } else {
                    // The server stops with the story: only what works without it is offered.
                    print("""

                    The demo server stops now. To look around the web UI and the API with this data, run 'qbbridge demo --serve'.
                      CLI:       qbbridge failures list --company demo   (then: qbbridge failures show <id>)
                    """)
                }
                if !sync { print("Next: 'qbbridge demo --sync' un-applies the credit memo in QuickBooks and syncs again: the held payment posts by itself.") }
                if !serve { await services.triggerGracefulShutdown() }
                try await group.waitForAll()
            }
        }
    }

    static func loadState() throws -> DemoState? {
        guard let data = FileManager.default.contents(atPath: stateFile) else { return nil }
        return try JSONDecoder().decode(DemoState.self, from: data)
    }

    static func save(_ state: DemoState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(state).write(to: URL(fileURLWithPath: stateFile))
    }
}

/// Tells `demo` the server's port once it listens.
actor PortBox {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    func set(_ value: Int) {
        port = value
        waiters.forEach { $0.resume(returning: value) }
        waiters = []
    }

    func wait() async throws -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiters.append($0) }
    }
}
