import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Crash safety: the server is SIGKILLed in the middle of busy sessions", .tags(.process, .slow), .tagFilter)
struct CrashSafetyTests {
    @Test("every payment ends posted exactly once or as a failure record; nothing stays in flight; no duplicate in QuickBooks")
    func killAndRestart() async throws {
        let binary = try #require(CLI.binary)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("crash.sqlite").path
        _ = try await CLI.run(binary, ["company", "add", "--name", "Crash Co", "--username", "crash", "--password-stdin", "--database", database],
                        input: "crash-password\n")
        let token = try #require(try await CLI.run(binary, ["token", "create", "--database", database]).output.split(separator: "\n").last.map(String.init))
        let server = ServerChild(binary: binary, database: database)
        defer { server.stop() }
        try await server.start()
        let report = try await CrashDrill.run(server: server, token: token, payments: 40, kills: 12, seed: 20261123)
        print("crash drill: \(report.kills) kills over \(report.sessions) sessions; \(report.posted) posted, \(report.failed) failed, \(report.uncertainResolved) found again by their marker after a lost answer; slowest session end after a kill \(report.slowest), slowest restart \(report.slowestRestart)")
        #expect(report.stuck == 0, "jobs left in flight, uncertain or queued: \(report.stuck)")
        #expect(report.duplicates == 0, "payments posted twice in QuickBooks: \(report.duplicates)")
        #expect(report.posted + report.failed == 40)
        #expect(report.posted == report.inQuickBooks)
        #expect(report.kills == 12)
    }
}

/// Kills the server at seeded random moments of sessions and restarts it until the queue is drained;
/// shared by the test and the soak benchmark.
enum CrashDrill {
    struct Report {
        var kills = 0
        var sessions = 0
        var posted = 0
        var failed = 0
        var stuck = 0
        var duplicates = 0
        var inQuickBooks = 0
        /// Payments QuickBooks had applied when the server died, recognised by their marker instead of re-sent.
        var uncertainResolved = 0
        var slowest: Duration = .zero
        var slowestRestart: Duration = .zero
    }

    static func run(server: ServerChild, token: String, payments: Int, kills: Int, seed: UInt64) async throws -> Report {
        var random = SeededRandom(seed: seed)
        let quickBooks = try FakeQuickBooks.generated(customers: 8, invoices: payments * 2, seed: seed)
        let invoices = Array(await quickBooks.openInvoices().prefix(payments))
        let api = APIClient(token: token)
        var company: [String: Any] = [:]
        var jobIDs: [String] = []
        for (index, invoice) in invoices.enumerated() {
            let body = #"{"externalId": "crash-\#(index)", "customer": {"fullName": "\#(invoice.customer?.fullName ?? "")"}, "amount": "\#(invoice.balanceRemaining ?? .zero)", "date": "2026-11-20", "applications": [{"invoice": {"txnId": "\#(invoice.txnID?.rawValue ?? "")"}, "amount": "\#(invoice.balanceRemaining ?? .zero)"}]}"#
            if company.isEmpty { company = try await api.get(port: server.port, "/api/v1/companies")["companies"].flatMap { ($0 as? [[String: Any]])?.first } ?? [:] }
            let created = try await api.post(port: server.port, "/api/v1/companies/\(company["id"] as? String ?? "")/payments", json: body)
            jobIDs.append(created["id"] as? String ?? "")
        }
        let configuration = WebConnectorConfiguration(requestTimeout: .seconds(3), ownerID: company["ownerId"] as? String, fileID: company["fileId"] as? String)
        var report = Report()
        while report.kills < kills {
            let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(server.port)", username: "crash", password: "crash-password",
                                             quickBooks: quickBooks, configuration: configuration)
            let session = Task { await connector.runSession() }
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...320, using: &random)))
            try await server.kill()
            report.kills += 1
            let killed = ContinuousClock.now
            _ = await session.value
            report.slowest = max(report.slowest, ContinuousClock.now - killed)
            report.sessions += 1
            let restart = ContinuousClock.now
            try await server.start()
            report.slowestRestart = max(report.slowestRestart, ContinuousClock.now - restart)
        }
        // Let the Web Connector finish normally.
        for _ in 0..<10 {
            let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(server.port)", username: "crash", password: "crash-password",
                                             quickBooks: quickBooks, configuration: configuration)
            let last = await connector.runSession()
            report.sessions += 1
            if last.outcome != .completed { break }
        }
        for id in jobIDs {
            let payment = try await api.get(port: server.port, "/api/v1/payments/\(id)")
            if (payment["note"] as? String)?.contains("Found in QuickBooks by its marker") == true { report.uncertainResolved += 1 }
            switch payment["status"] as? String {
            case "posted": report.posted += 1
            case "failed": report.failed += 1
            default: report.stuck += 1
            }
            let count = await quickBooks.payments(externalGUID: PaymentMarker.externalGUID(for: JobID(id)).rawValue).count
            if count > 1 { report.duplicates += 1 }
            report.inQuickBooks += min(count, 1)
        }
        return report
    }
}
