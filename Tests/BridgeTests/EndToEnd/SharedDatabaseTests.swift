import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Server
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Two server instances sharing one PostgreSQL database", .tagFilter)
struct SharedDatabaseTests {
    @Test("50 companies sync concurrently through two instances; every payment posts exactly once",
          .tags(.postgres, .slow), .requires(.postgres))
    func twoInstances() async throws {
        let location = try DatabaseLocation(try #require(TestEnvironment.postgresURL))
        try await PostgresTestLock.shared.run {
            try await Database.withOpened(location, logger: TestDatabase.logger) { first in
                try await first.dropEverythingForTests()
                try await Database.withOpened(location, logger: TestDatabase.logger) { second in
                    try await Self.run(first: Store(database: first), second: Store(database: second))
                }
            }
        }
    }

    static func run(first: Store, second: Store) async throws {
        try await first.migrate()
        try await second.migrate()
        let configuration = ServerConfigurationFactory.make()
        let token = try await first.tokens.create(label: "test", actor: "test")
        let appA = try ServerFactory.make(configuration, first)
        let appB = try ServerFactory.make(configuration, second)
        try await appA.test(.live) { clientA in
            try await appB.test(.live) { clientB in
                let bridgeA = RunningBridge(client: clientA, store: first, token: token, configuration: configuration)
                let ports = [try #require(clientA.port), try #require(clientB.port)]
                let ownerID = try await first.installation.ownerID()
                var companies: [(company: Company, books: FakeQuickBooks, jobs: [JobID])] = []
                for index in 0..<50 {
                    let books = try FakeQuickBooks.generated(customers: 3, invoices: 12, seed: UInt64(100 + index))
                    let lab = try await PaymentLab.make(bridgeA, quickBooks: books, username: "co\(index)")
                    var jobs: [JobID] = []
                    for (number, invoice) in await books.openInvoices().prefix(4).enumerated() {
                        jobs.append(try await lab.pay("c\(index)-\(number)", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                                      invoice: (invoice.txnID?.rawValue, nil)))
                    }
                    companies.append((lab.company, books, jobs))
                }
                let before = await companies.asyncMap { await $0.books.payments().count }
                // Each round, half the companies talk to one instance and half to the other; then they swap.
                for round in 0..<2 {
                    let simulated = companies.enumerated().map { index, entry in
                        SimulatedCompany(username: entry.company.username, password: PaymentLab.password, quickBooks: entry.books,
                                         configuration: WebConnectorConfiguration(ownerID: ownerID, fileID: entry.company.fileID))
                    }
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (index, company) in simulated.enumerated() {
                            let port = ports[(index + round) % 2]
                            group.addTask {
                                let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(port)", username: company.username,
                                                                 password: company.password, quickBooks: company.quickBooks,
                                                                 configuration: company.configuration ?? WebConnectorConfiguration())
                                let report = await connector.runSession()
                                #expect(report.errors.isEmpty, "\(report.errors)")
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                for (index, entry) in companies.enumerated() {
                    var txnIDs: Set<String> = []
                    #expect(await entry.books.payments().count == before[index] + entry.jobs.count, "company \(index)")
                    for id in entry.jobs {
                        let job = try #require(try await second.jobs.find(id))
                        #expect(job.status == .posted)
                        let txnID = try #require(job.txnID)
                        #expect(!txnIDs.contains(txnID))
                        txnIDs.insert(txnID)
                    }
                }
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
