import ArgumentParser
import AsyncHTTPClient
import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store

/// `qbbridge-bench soak`: the crash drill of `CrashSafetyTests` as a long run. In rounds, payments are
/// queued, then a Web Connector session is started and the server SIGKILLed at a seeded random moment
/// of it and restarted, again and again; then the Web Connector runs normally until the queue drains,
/// and every payment of the round must be posted exactly once in QuickBooks or failed with a record,
/// none left in flight. Keep the kill logic in step with `CrashDrill` in the test.
struct SoakBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "SIGKILL and restart the server in busy sessions for N kills or M minutes; prints posted/failed/duplicates/stuck."
    )

    @Option(help: "Kills in all (ignored with --minutes).") var iterations = 50
    @Option(help: "Run for this many minutes instead of a number of kills.") var minutes: Double?
    @Option(help: "Kills per round, before the round's queue is drained and checked.") var killsPerRound = 10
    @Option(help: "Payments queued per round.") var paymentsPerRound = 40
    @Option(help: "Seed for QuickBooks and for the kill moments.") var seed: UInt64 = 20261123
    @Option(help: "Database: default a fresh SQLite file; or a postgres:// URL.") var database: String?

    func validate() throws {
        guard iterations > 0, killsPerRound > 0, paymentsPerRound > 0 else {
            throw ValidationError("--iterations, --kills-per-round and --payments-per-round must be positive.")
        }
        if let minutes, minutes <= 0 { throw ValidationError("--minutes must be positive.") }
    }

    func run() async throws {
        // --session-stale-seconds 0: the session a kill orphaned may be taken over at once, as the test does.
        let server = try ServerProcess(database: database, serveArguments: ["--session-stale-seconds", "0"])
        defer { server.stop() }
        try await server.start()
        let token = try server.cli(["token", "create", "--label", "soak"]).split(separator: "\n").last.map(String.init) ?? ""
        let api = BenchAPI(client: .shared, token: token)
        let base = "http://127.0.0.1:\(server.port)"
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let company = try await api.createCompany(base: base, name: "Soak \(tag)", username: "soak-\(tag)", password: "soak-password-\(tag)")
        let rounds = minutes.map { Int($0 * 20) + 1 } ?? (iterations + killsPerRound - 1) / killsPerRound
        print("generating QuickBooks with \(rounds * paymentsPerRound * 2) invoices for up to \(rounds) rounds…")
        let quickBooks = try FakeQuickBooks.generated(customers: 8, invoices: rounds * paymentsPerRound * 2, seed: seed)
        var pool = await quickBooks.openInvoices()[...]
        let configuration = WebConnectorConfiguration(requestTimeout: .seconds(3), ownerID: company.ownerID, fileID: company.fileID)
        let drill = SoakDrill(server: server, api: api, base: base, company: company, quickBooks: quickBooks, configuration: configuration)

        var random = SeededRandom(seed: seed)
        var totals = SoakDrill.Tally()
        let deadline = minutes.map { ContinuousClock.now + .seconds($0 * 60) }
        let start = ContinuousClock.now
        var round = 0
        while round < rounds, deadline.map({ ContinuousClock.now < $0 }) ?? (totals.kills < iterations) {
            round += 1
            let invoices = Array(pool.prefix(paymentsPerRound))
            pool = pool.dropFirst(paymentsPerRound)
            guard invoices.count == paymentsPerRound else { break }
            let kills = deadline == nil ? min(killsPerRound, iterations - totals.kills) : killsPerRound
            let tally = try await drill.round(number: round, tag: tag, invoices: invoices, kills: kills, random: &random)
            totals.add(tally)
            print("round \(round): \(tally.kills) kills, \(tally.sessions) sessions; \(tally.posted) posted, \(tally.failed) failed, \(tally.duplicates) duplicates, \(tally.stuck) stuck")
        }
        let seconds = (ContinuousClock.now - start).seconds
        print(String(format: "soak: %d rounds, %d kills (iterations) in %.0f s, %d sessions", round, totals.kills, seconds, totals.sessions))
        print("payments: \(totals.posted) posted, \(totals.failed) failed, \(totals.duplicates) duplicates, \(totals.stuck) stuck, \(totals.uncertainResolved) found again by their marker after a lost answer")
        print(String(format: "slowest session end after a kill: %.2f s; slowest restart: %.2f s; server peak memory (last life): %.1f MiB",
                     totals.slowestSessionEnd.seconds, totals.slowestRestart.seconds, server.peakMemoryMiB))
        guard totals.duplicates == 0, totals.stuck == 0, totals.posted == totals.inQuickBooks else {
            throw BenchError("soak failed: \(totals.duplicates) duplicates, \(totals.stuck) stuck, \(totals.posted) posted but \(totals.inQuickBooks) in QuickBooks")
        }
        print("checks: no duplicate, nothing stuck, every posted payment is in QuickBooks")
    }
}

/// One company's Web Connector against a server that keeps being killed.
struct SoakDrill {
    let server: ServerProcess
    let api: BenchAPI
    let base: String
    let company: BenchAPI.Company
    let quickBooks: FakeQuickBooks
    let configuration: WebConnectorConfiguration

    struct Tally {
        var kills = 0, sessions = 0, posted = 0, failed = 0, stuck = 0, duplicates = 0, inQuickBooks = 0, uncertainResolved = 0
        var slowestSessionEnd: Duration = .zero
        var slowestRestart: Duration = .zero

        mutating func add(_ other: Tally) {
            kills += other.kills; sessions += other.sessions; posted += other.posted; failed += other.failed
            stuck += other.stuck; duplicates += other.duplicates; inQuickBooks += other.inQuickBooks
            uncertainResolved += other.uncertainResolved
            slowestSessionEnd = max(slowestSessionEnd, other.slowestSessionEnd)
            slowestRestart = max(slowestRestart, other.slowestRestart)
        }
    }

    private var connector: FakeWebConnector {
        FakeWebConnector(baseURL: base, username: company.username, password: company.password, quickBooks: quickBooks, configuration: configuration)
    }

    /// Queues the invoices' payments, kills the server `kills` times 20–320 ms into a session (the
    /// test's window), then drains the queue with normal sessions and counts what became of each payment.
    func round(number: Int, tag: String, invoices: [Invoice], kills: Int, random: inout SeededRandom) async throws -> Tally {
        var ids: [String] = []
        for (index, invoice) in invoices.enumerated() {
            ids.append(try await api.enqueueFullPayment(base: base, companyID: company.id, externalID: "soak-\(tag)-\(number)-\(index)", invoice: invoice))
        }
        var tally = Tally()
        let connector = self.connector
        while tally.kills < kills {
            let session = Task { await connector.runSession() }
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...320, using: &random)))
            server.kill()
            tally.kills += 1
            let killed = ContinuousClock.now
            _ = await session.value
            tally.slowestSessionEnd = max(tally.slowestSessionEnd, ContinuousClock.now - killed)
            tally.sessions += 1
            let restart = ContinuousClock.now
            try await server.start()
            tally.slowestRestart = max(tally.slowestRestart, ContinuousClock.now - restart)
        }
        // Drain: sessions until authenticate answers `none`. A failed session is reported and retried:
        // the drill's question is where the payments end, not whether one session after a kill succeeds.
        for _ in 0..<20 {
            let last = await connector.runSession()
            tally.sessions += 1
            if last.outcome == .noWork { break }
            if last.outcome != .completed {
                let request = last.requestDocuments.last.map { String($0.split(separator: "\n").prefix(12).joined(separator: " ").prefix(600)) } ?? "-"
                print("  drain session ended \(last.outcome): \(last.errors.map { "\($0)" }.joined(separator: "; ").prefix(300)) (last request: \(request))")
            }
        }
        for id in ids {
            let payment = try await api.payment(base: base, id: id)
            if payment.note?.contains("Found in QuickBooks by its marker") == true { tally.uncertainResolved += 1 }
            switch payment.status {
            case "posted": tally.posted += 1
            case "failed": tally.failed += 1
            default: tally.stuck += 1
            }
            let count = await quickBooks.payments(externalGUID: PaymentMarker.externalGUID(for: JobID(id)).rawValue).count
            if count > 1 { tally.duplicates += 1 }
            tally.inQuickBooks += min(count, 1)
        }
        return tally
    }
}
