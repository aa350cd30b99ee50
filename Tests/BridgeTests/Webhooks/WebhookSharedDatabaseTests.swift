import Bridge
import Foundation
import HummingbirdTesting
import Server
import Domain
import Store
import Testing
import Triage
import QBBridgeTesting

/// Two instances sharing PostgreSQL claim deliveries like jobs: each attempt is made by one instance.
@Suite("Webhooks from two instances sharing one PostgreSQL database", .tagFilter)
struct WebhookSharedDatabaseTests {
    @Test("1,000 events delivered by two instances: every event arrives, and no webhook-id arrives twice",
          .tags(.postgres, .slow), .requires(.postgres))
    func twoInstancesDeliverEachEventOnce() async throws {
        let location = try DatabaseLocation(try #require(TestEnvironment.postgresURL))
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-webhook-\(UUID().uuidString).key").path
        defer { try? FileManager.default.removeItem(atPath: keyFile) }
        try await withWebhookReceiver { inbox, url in
            try await PostgresTestLock.shared.run {
                try await Database.withOpened(location, logger: TestDatabase.logger) { first in
                    try await first.dropEverythingForTests()
                    try await Database.withOpened(location, logger: TestDatabase.logger) { second in
                        try await Self.run(first: Store(database: first), second: Store(database: second), keyFile: keyFile, inbox: inbox, url: url)
                    }
                }
            }
        }
    }

    static func run(first: Store, second: Store, keyFile: String, inbox: WebhookInbox, url: String) async throws {
        try await first.migrate()
        try await second.migrate()
        let configuration: ServerConfiguration = {
            var configuration = ServerConfigurationFactory.make()
            WebhookDeliveryEndToEndTests.fast(&configuration)
            configuration.bridge.webhooks.keyFile = keyFile
            // Small batches, so that both instances keep claiming while the events are written.
            configuration.bridge.webhooks.batchSize = 8
            return configuration
        }()
        let token = try await first.tokens.create(label: "test", actor: "test")
        var companies: [Company] = []
        for index in 0..<20 {
            companies.append(try await first.companies.create(NewCompany(name: "Co \(index)", username: "co\(index)", passwordHash: "x",
                                                                         runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "test"))
        }
        let all = companies
        try await ServerFactory.make(configuration, first).test(.live) { clientA in
            try await ServerFactory.make(configuration, second).test(.live) { _ in
                let bridge = RunningBridge(client: clientA, store: first, token: token, configuration: configuration)
                _ = try await WebhookDeliveryEndToEndTests.register(bridge, inbox: inbox, url: url,
                                                                     events: #"["connection.problem", "connection.restored"]"#)
                // 20 companies × 25 rounds of a connection problem that opens and clears: 1,000 events, written
                // through both instances' stores while both deliver.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, company) in all.enumerated() {
                        let store = index % 2 == 0 ? first : second
                        group.addTask {
                            for _ in 0..<25 {
                                var problem = StoredValueTests.draft(.quickbooksCannotStart)
                                problem.companyID = company.id
                                try await store.failures.recordConnection(problem)
                                try await store.failures.resolveConnection(companyID: company.id, reason: "synced")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                try await inbox.wait(seconds: 120) { $0.count >= 1000 }
                try await Task.sleep(for: .seconds(1))
            }
        }
        let received = await inbox.received
        let ids = received.map(\.id)
        #expect(received.count == 1000, "received \(received.count)")
        #expect(Set(ids).count == 1000, "\(ids.count - Set(ids).count) ids arrived twice")
        #expect(received.allSatisfy { !$0.verifiedBy.isEmpty })
        // Per company, problems and restorations arrive in the order they happened.
        var byCompany: [String: [String]] = [:]
        for item in received { byCompany[item.data["companyId"] ?? "", default: []].append(item.type ?? "") }
        for (company, types) in byCompany {
            let alternating = types.enumerated().allSatisfy { $0.element == ($0.offset % 2 == 0 ? "connection.problem" : "connection.restored") }
            #expect(alternating, "company \(company) out of order: \(types.prefix(6))")
        }
    }
}
