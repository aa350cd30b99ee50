import ArgumentParser
import AsyncHTTPClient
import Foundation
import QBSimulator
import QBXML

/// `qbbridge-bench depth`: the server's CPU per Web Connector round trip for payments, raw requests and pulls
/// with 0, 10,000 and 100,000 jobs queued for the company, in a table that holds a million jobs overall
/// (issue 26; docs/operations.md, "Queue depth"). The cost of a round trip must not depend on the depth.
///
/// Each depth gets its own companies in one server. Payments: `payments` are queued through the API, then
/// `depth` raw requests behind them; one session posts the payments (its round trips are counted). Raw
/// requests: `depth` of them (at least `rawCalls`) are waiting, and one session runs `rawCalls` round trips.
/// Pulls: an open-invoice pull of `pullPages` pages is queued, then `depth` more pulls behind it; one session runs
/// the first pull's pages. The queue is filled with `qbbridge seed`, straight into the database.
struct DepthBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "depth", abstract: "Server CPU per round trip for payments, raw requests and pulls at several queue depths.")

    @Option(help: "Queue depths to measure, comma-separated.") var depths = "0,10000,100000"
    @Option(help: "Finished jobs in the table overall, spread over other companies.") var overall = 1_000_000
    @Option(help: "Companies that hold the finished jobs.") var companies = 500
    @Option(help: "Payments posted in the payment session (a multiple of the batch size, 50).") var payments = 1000
    @Option(help: "Round trips of the raw-request session.") var rawCalls = 400
    @Option(help: "Pages of the measured pull (50 invoices each).") var pullPages = 100
    @Option(help: "Database for the server: default a fresh SQLite file; or a postgres:// URL.") var database: String?

    struct Figures {
        var depth: Int
        var payment: Double
        var raw: Double
        var pull: Double
    }

    func run() async throws {
        let depthList = depths.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !depthList.isEmpty else { throw ValidationError("--depths lists no number") }
        let server = try ServerProcess(database: database)
        defer { server.stop() }
        let token = try server.cli(["token", "create"]).split(separator: "\n").last.map(String.init) ?? ""
        if overall > 0 {
            let start = ContinuousClock.now
            _ = try server.cli(["seed", "--companies", "\(companies)", "--history", "\(overall)"])
            print("seeded \(overall) finished jobs over \(companies) companies in \(String(format: "%.1f", PaymentsBenchmark.seconds(ContinuousClock.now - start))) s")
        }
        try await server.start()
        let base = "http://127.0.0.1:\(server.port)"
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let api = BenchAPI(client: client, token: token)

        // One unmeasured round of each kind first: the server's first sessions (caches filled, the first pages of
        // the table read) would otherwise be counted against whichever depth comes first.
        _ = try await paymentCost(api, base, server, depth: 0, tag: "warm")
        _ = try await rawCost(api, base, server, depth: 0, tag: "warm")
        _ = try await pullCost(api, base, server, depth: 0, tag: "warm")
        var rows: [Figures] = []
        for depth in depthList {
            let payment = try await paymentCost(api, base, server, depth: depth)
            let raw = try await rawCost(api, base, server, depth: depth)
            let pull = try await pullCost(api, base, server, depth: depth)
            rows.append(Figures(depth: depth, payment: payment, raw: raw, pull: pull))
            print(String(format: "depth %7d: payments %.3f ms, raw requests %.3f ms, pulls %.3f ms of server CPU per round trip",
                         depth, payment * 1000, raw * 1000, pull * 1000))
        }
        print("")
        print("server CPU per Web Connector round trip (sendRequestXML + receiveResponseXML), \(overall) jobs in the table:")
        print("| queued for the company | payments | raw requests | pulls |")
        print("|---:|---:|---:|---:|")
        for row in rows {
            print(String(format: "| %d | %.3f ms | %.3f ms | %.3f ms |", row.depth, row.payment * 1000, row.raw * 1000, row.pull * 1000))
        }
        if let first = rows.first, let last = rows.last, rows.count > 1 {
            print(String(format: "deepest against shallowest: payments %+.0f%%, raw requests %+.0f%%, pulls %+.0f%%",
                         (last.payment / first.payment - 1) * 100, (last.raw / first.raw - 1) * 100, (last.pull / first.pull - 1) * 100))
        }
        print(String(format: "server peak memory: %.1f MiB", server.peakMemoryMiB))
    }

    /// A company with a verified company file, its simulated QuickBooks and Web Connector.
    func company(_ api: BenchAPI, _ base: String, name: String, quickBooks: FakeQuickBooks, maxRoundTrips: Int) async throws -> (BenchAPI.Company, FakeWebConnector) {
        let company = try await api.createCompany(base: base, name: name, username: name, password: "depth-password")
        let connector = FakeWebConnector(baseURL: base, username: name, password: "depth-password", quickBooks: quickBooks,
                                         configuration: WebConnectorConfiguration(maxRoundTrips: maxRoundTrips, ownerID: company.ownerID, fileID: company.fileID))
        _ = await connector.runUntilIdle(maxSessions: 2)
        return (company, connector)
    }

    func measured(_ connector: FakeWebConnector, _ server: ServerProcess, expectRoundTrips: Int? = nil) async throws -> Double {
        let cpuBefore = server.cpuSeconds
        let report = await connector.runSession()
        let cpu = server.cpuSeconds - cpuBefore
        // The session is cut at its round-trip limit on purpose: the work queued behind is not run.
        let errors = report.errors.filter { if case .roundTripLimit = $0 { false } else { true } }
        if !errors.isEmpty { throw BenchError("session errors: \(errors)") }
        guard report.roundTrips > 0 else { throw BenchError("the session made no round trip: \(report.closeConnection ?? "-")") }
        if let expectRoundTrips, report.roundTrips != expectRoundTrips {
            throw BenchError("the session made \(report.roundTrips) round trips, \(expectRoundTrips) expected")
        }
        return cpu / Double(report.roundTrips)
    }

    func paymentCost(_ api: BenchAPI, _ base: String, _ server: ServerProcess, depth: Int, tag: String = "") async throws -> Double {
        let quickBooks = try FakeQuickBooks.generated(customers: max(10, payments / 10), invoices: payments * 2, seed: 26)
        let open = Array(await quickBooks.openInvoices().prefix(payments))
        // Two round trips per batch of 50 (the pre-flight query, then the adds): the session stops there, so the
        // raw requests queued behind are not run.
        let roundTrips = 2 * (open.count + 49) / 50
        let (company, connector) = try await self.company(api, base, name: "pay\(tag)-\(depth)", quickBooks: quickBooks, maxRoundTrips: roundTrips)
        try await forEachConcurrently(Array(open.enumerated()), width: 16) { index, invoice in
            _ = try await api.enqueueFullPayment(base: base, companyID: company.id, externalID: "depth\(tag)-\(depth)-\(index)", invoice: invoice)
        }
        if depth > 0 { _ = try server.cli(["seed", "--company", company.id, "--queued", "\(depth)", "--kind", "raw"]) }
        let before = await quickBooks.payments().count
        let cost = try await measured(connector, server)
        let posted = await quickBooks.payments().count - before
        guard posted == open.count else { throw BenchError("\(posted) of \(open.count) payments posted at depth \(depth)") }
        return cost
    }

    func rawCost(_ api: BenchAPI, _ base: String, _ server: ServerProcess, depth: Int, tag: String = "") async throws -> Double {
        let quickBooks = try FakeQuickBooks.generated(customers: 20, invoices: 20, seed: 27)
        let (company, connector) = try await self.company(api, base, name: "raw\(tag)-\(depth)", quickBooks: quickBooks, maxRoundTrips: rawCalls)
        _ = try server.cli(["seed", "--company", company.id, "--queued", "\(max(depth, rawCalls))", "--kind", "raw"])
        return try await measured(connector, server, expectRoundTrips: rawCalls)
    }

    func pullCost(_ api: BenchAPI, _ base: String, _ server: ServerProcess, depth: Int, tag: String = "") async throws -> Double {
        let quickBooks = try FakeQuickBooks.generated(customers: 50, invoices: pullPages * 50 * 2, seed: 28)
        let (company, connector) = try await self.company(api, base, name: "pull\(tag)-\(depth)", quickBooks: quickBooks, maxRoundTrips: pullPages)
        _ = try await api.send(base + "/api/v1/companies/\(company.id)/pulls", body: #"{"kind": "invoices", "open": false, "pageSize": 50}"#)
        if depth > 0 { _ = try server.cli(["seed", "--company", company.id, "--queued", "\(depth)", "--kind", "pull"]) }
        return try await measured(connector, server, expectRoundTrips: pullPages)
    }
}
