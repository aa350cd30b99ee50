import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import QBSimulator
import QBXML

/// `qbbridge-bench payments`: N payments queued through the API and posted by a simulated Web Connector
/// against a simulated QuickBooks, with the server as a child process. Prints QuickBooks round trips per
/// 1,000 payments (pre-flight included) and the server's CPU time per posted payment.
struct PaymentsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "payments", abstract: "Round trips per 1,000 payments and server CPU per posted payment.")

    @Option(name: .shortAndLong, help: "Payments to post.") var count = 1000
    @Option(help: "Database for the server: default a fresh SQLite file; or a postgres:// URL.") var database: String?

    func run() async throws {
        let server = try ServerProcess(database: database)
        defer { server.stop() }
        _ = try server.cli(["company", "add", "--name", "Bench Co", "--username", "bench", "--password-stdin"], input: "bench-password\n")
        let token = try server.cli(["token", "create"]).split(separator: "\n").last.map(String.init) ?? ""
        let companyID = try server.cli(["company", "list"]).split(separator: " ").first.map(String.init) ?? ""
        try await server.start()
        let base = "http://127.0.0.1:\(server.port)"
        print("generating a QuickBooks company with \(count) open invoices…")
        let quickBooks = try FakeQuickBooks.generated(customers: max(10, count / 20), invoices: count * 2, seed: 2026)
        let open = Array(await quickBooks.openInvoices().prefix(count))
        guard open.count == count else { throw BenchError("only \(open.count) open invoices generated") }

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let enqueueStart = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, invoice) in open.enumerated() {
                if index >= 16 { try await group.next() }
                group.addTask {
                    let amount = invoice.balanceRemaining ?? .zero
                    let body = #"{"externalId": "bench-\#(index)", "customer": {"fullName": "\#(invoice.customer?.fullName ?? "")"}, "amount": "\#(amount)", "date": "2026-11-20", "applications": [{"invoice": {"txnId": "\#(invoice.txnID?.rawValue ?? "")"}, "amount": "\#(amount)"}]}"#
                    var request = HTTPClientRequest(url: base + "/api/v1/companies/\(companyID)/payments")
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(string: body))
                    let response = try await client.execute(request, timeout: .seconds(30))
                    let answer = try await response.body.collect(upTo: 1 << 20)
                    guard response.status == .created else { throw BenchError("enqueue answered \(response.status): \(String(buffer: answer))") }
                }
            }
            try await group.waitForAll()
        }
        let enqueueSeconds = Self.seconds(ContinuousClock.now - enqueueStart)
        let paymentsBefore = await quickBooks.payments().count
        let cpuBefore = server.cpuSeconds
        let documentsBefore = await quickBooks.statistics.documentsReceived
        var companyRequest = HTTPClientRequest(url: base + "/api/v1/companies/\(companyID)")
        companyRequest.headers.add(name: "Authorization", value: "Bearer \(token)")
        let companyBody = try await client.execute(companyRequest, timeout: .seconds(30)).body.collect(upTo: 1 << 20)
        let company = (try JSONSerialization.jsonObject(with: Data(companyBody.readableBytesView))) as? [String: Any] ?? [:]
        let connector = FakeWebConnector(baseURL: base, username: "bench", password: "bench-password", quickBooks: quickBooks,
                                         configuration: WebConnectorConfiguration(maxRoundTrips: 10_000, ownerID: company["ownerId"] as? String,
                                                                                  fileID: company["fileId"] as? String))
        let syncStart = ContinuousClock.now
        let reports = await connector.runUntilIdle(maxSessions: 5)
        let syncSeconds = Self.seconds(ContinuousClock.now - syncStart)
        let cpu = server.cpuSeconds - cpuBefore
        let roundTrips = reports.reduce(0) { $0 + $1.roundTrips }
        let documents = await quickBooks.statistics.documentsReceived - documentsBefore
        let posted = await quickBooks.payments().count - paymentsBefore
        for report in reports where !report.errors.isEmpty { print("session errors: \(report.errors)") }
        print("payments posted in QuickBooks: \(posted) of \(count)")
        print("payments: \(count) queued in \(String(format: "%.2f", enqueueSeconds)) s; sessions: \(reports.count); last summary: \(reports.first?.closeConnection ?? "-")")
        print("QuickBooks round trips: \(roundTrips) (documents QuickBooks processed: \(documents))")
        print(String(format: "round trips per 1,000 payments: %.1f", Double(roundTrips) * 1000 / Double(count)))
        print(String(format: "server CPU per posted payment: %.3f ms (%.2f s CPU; sync wall time %.2f s)", cpu * 1000 / Double(max(posted, 1)), cpu, syncSeconds))
        print(String(format: "server peak memory: %.1f MiB", server.peakMemoryMiB))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
