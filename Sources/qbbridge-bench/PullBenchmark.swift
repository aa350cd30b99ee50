import ArgumentParser
import AsyncHTTPClient
import Foundation
import QBSimulator
import QBXML

/// `qbbridge-bench pull`: a large simulated company's invoices pulled with iterators through the real
/// server (a child process) and a simulated Web Connector, then an incremental re-pull after a few changes.
/// Prints QuickBooks round trips, records per second, server CPU and the server's memory before and at
/// its peak: memory must stay flat however many invoices there are, because each page is stored as it
/// arrives.
struct PullBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pull", abstract: "Round trips, speed and peak memory of a large invoice pull and an incremental re-pull.")

    @Option(name: .shortAndLong, help: "Invoices in the simulated company.") var invoices = 20_000
    @Option(help: "Invoices per round trip (MaxReturned of the iterator, 1–1000).") var pageSize = 500
    @Option(help: "Invoices the bookkeeper changes before the incremental re-pull.") var changes = 25
    @Option(help: "Database for the server: default a fresh SQLite file; or a postgres:// URL.") var database: String?

    func run() async throws {
        let server = try ServerProcess(database: database)
        defer { server.stop() }
        _ = try server.cli(["company", "add", "--name", "Pull Co", "--username", "pull", "--password-stdin"], input: "pull-password\n")
        let token = try server.cli(["token", "create"]).split(separator: "\n").last.map(String.init) ?? ""
        let companyID = try server.cli(["company", "list"]).split(separator: " ").first.map(String.init) ?? ""
        try await server.start()
        let base = "http://127.0.0.1:\(server.port)"
        print("generating a QuickBooks company with \(invoices) invoices…")
        let quickBooks = try FakeQuickBooks.generated(customers: max(10, invoices / 50), invoices: invoices, seed: 2026)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let api = BenchAPI(client: client, token: token)
        let company = try await api.send(base + "/api/v1/companies/\(companyID)", body: nil)
        let connector = FakeWebConnector(baseURL: base, username: "pull", password: "pull-password", quickBooks: quickBooks,
                                         configuration: WebConnectorConfiguration(maxRoundTrips: 100_000, ownerID: company["ownerId"] as? String,
                                                                                  fileID: company["fileId"] as? String))
        // A first sync verifies the company file, so the pull's round trips are its own.
        _ = await connector.runUntilIdle(maxSessions: 2)
        let idleMemory = server.residentMemoryMiB

        let full = try await pull(api, base, connector, server, companyID: companyID, body: #"{"kind": "invoices", "open": false, "pageSize": \#(pageSize)}"#)
        print("full pull: \(full.stored) invoices stored in \(full.pages) pages, \(full.roundTrips) QuickBooks round trips, \(String(format: "%.2f", full.seconds)) s (\(Int(Double(full.stored) / max(full.seconds, 0.001))) invoices/s)")
        print(String(format: "server CPU: %.2f s (%.1f µs per invoice)", full.cpu, full.cpu * 1e6 / Double(max(full.stored, 1))))
        print(String(format: "server memory: %.1f MiB before the pull, peak %.1f MiB during it (RSS after: %.1f MiB)", idleMemory, server.peakMemoryMiB, server.residentMemoryMiB))

        let open = await quickBooks.openInvoices()
        let changed = min(changes, open.count)
        for invoice in open.prefix(changed) {
            if let txn = invoice.txnID { _ = try await quickBooks.payInvoiceByHand(txn) }
        }
        let incremental = try await pull(api, base, connector, server, companyID: companyID, body: #"{"kind": "invoices", "incremental": true, "pageSize": \#(pageSize)}"#)
        print("incremental re-pull after \(changed) invoices were paid by hand: \(incremental.received) invoices fetched, \(incremental.roundTrips) round trip\(incremental.roundTrips == 1 ? "" : "s"), \(String(format: "%.2f", incremental.seconds)) s")
    }

    struct PullRun {
        var stored: Int
        var received: Int
        var pages: Int
        var roundTrips: Int
        var seconds: Double
        var cpu: Double
    }

    func pull(_ api: BenchAPI, _ base: String, _ connector: FakeWebConnector, _ server: ServerProcess, companyID: String,
              body: String) async throws -> PullRun {
        let queued = try await api.send(base + "/api/v1/companies/\(companyID)/pulls", body: body)
        guard let id = queued["id"] as? String else { throw BenchError("the pull was not queued: \(queued)") }
        let cpuBefore = server.cpuSeconds
        let start = ContinuousClock.now
        let reports = await connector.runUntilIdle(maxSessions: 20)
        let seconds = PaymentsBenchmark.seconds(ContinuousClock.now - start)
        for report in reports where !report.errors.isEmpty { print("session errors: \(report.errors)") }
        let state = try await api.send(base + "/api/v1/pulls/\(id)", body: nil)
        guard state["status"] as? String == "done" else { throw BenchError("the pull did not finish: \(state)") }
        return PullRun(stored: state["stored"] as? Int ?? 0, received: state["received"] as? Int ?? 0, pages: state["pages"] as? Int ?? 0,
                       roundTrips: reports.reduce(0) { $0 + $1.roundTrips }, seconds: seconds, cpu: server.cpuSeconds - cpuBefore)
    }
}
