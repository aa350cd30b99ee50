import ArgumentParser
import AsyncHTTPClient
import Bridge
import Foundation
import QBSimulator
import Domain
import Store
import Synchronization

/// `qbbridge-bench load`: many Web Connectors at once, each with its own company and simulated
/// QuickBooks, against one server child process (or several sharing one PostgreSQL database).
/// Prints sessions/s, client-side p50/p99 per SOAP call, server CPU per session and server memory
/// idle and under load, then checks that no session failed and every payment is in its QuickBooks
/// exactly once.
struct LoadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "N concurrent Web Connectors: sessions/s, p50/p99 per call, server CPU per session, memory; verifies no duplicate."
    )

    @Option(help: "Companies, each with its own Web Connector running at the same time.") var companies = 128
    @Option(help: "What each session does: payments (posted in batches) or raw (one raw qbXML request per exchange, a CustomerQueryRq).") var work = LoadWork.payments
    @Option(help: "Payments (or, with --work raw, raw requests) queued per company before the Web Connectors start.") var paymentsPerCompany = 10
    @Option(help: "Database: default a fresh SQLite file; or a postgres:// URL (needed for --instances > 1).") var database: String?
    @Option(help: "Server processes sharing the database; each Web Connector sends its calls to them in turn.") var instances = 1
    @Option(help: "Milliseconds QuickBooks spends on each request document (0: answer at once, a saturation test).") var quickbooksMs = 0
    @Option(help: "Seed for the generated QuickBooks companies.") var seed: UInt64 = 2026
    @Option(help: "Steady state for this many seconds: each Web Connector starts at a random moment and polls again as soon as its session ends, with --payments-per-company new payments queued before each session. 0: the burst run, all Web Connectors at the same instant with their payments queued beforehand.")
    var seconds: Double = 0

    func validate() throws {
        guard companies > 0, paymentsPerCompany > 0 else { throw ValidationError("--companies and --payments-per-company must be positive.") }
        guard seconds >= 0, quickbooksMs >= 0 else { throw ValidationError("--seconds and --quickbooks-ms cannot be negative.") }
        guard instances >= 1 else { throw ValidationError("--instances must be at least 1.") }
        if instances > 1, database?.hasPrefix("postgres") != true {
            throw ValidationError("--instances \(instances) needs a shared --database postgres://… (SQLite is one process's file).")
        }
    }

    func run() async throws {
        let servers = try (0..<instances).map { _ in try ServerProcess(database: database) }
        defer { servers.forEach { $0.stop() } }
        for server in servers { try await server.start() }
        try await Task.sleep(for: .seconds(1))
        let startMemory = servers.map(\.memory)
        let token = try servers[0].cli(["token", "create", "--label", "load"]).split(separator: "\n").last.map(String.init) ?? ""
        // The JSON API (set-up, queueing, checks) and the Web Connectors have a client each, so the Web
        // Connectors' connections can be closed at the end as theirs are: .NET drops a connection idle for 100 s.
        var apiConfiguration = HTTPClient.Configuration()
        apiConfiguration.connectionPool = .init(idleTimeout: .seconds(100), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: apiConfiguration)
        defer { _ = client.shutdown() }
        var connectorConfiguration = HTTPClient.Configuration()
        connectorConfiguration.connectionPool = .init(idleTimeout: .seconds(100), concurrentHTTP1ConnectionsPerHostSoftLimit: companies + 8)
        let warmUpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: connectorConfiguration)
        let connectorClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: connectorConfiguration)
        var connectorClientOpen = true
        var warmUpClientOpen = true
        defer {
            if warmUpClientOpen { _ = warmUpClient.shutdown() }
            if connectorClientOpen { _ = connectorClient.shutdown() }
        }
        let bases = servers.map { "http://127.0.0.1:\($0.port)" }

        print("setting up \(companies) companies with \(paymentsPerCompany) payments each on \(instances) instance(s), database \(database ?? "SQLite")…")
        let fleet = try await LoadFleet.make(companies: companies, paymentsPerCompany: paymentsPerCompany, seed: seed,
                                             api: BenchAPI(client: client, token: token), bases: bases)
        let endpoints = bases.map { $0 + "/qbwc" }
        let delay = Duration.milliseconds(quickbooksMs)
        let connectors = { (latencies: LatencyRecorder, client: HTTPClient) in
            fleet.members.map { member in
                TimedWebConnector(endpoints: endpoints, company: member.company, quickBooks: member.quickBooks,
                                  client: client, latencies: latencies, quickBooksDelay: delay)
            }
        }
        // Warm-up, before any payment is queued: each company's first session (which records QuickBooks'
        // host facts and checks the company file), then `none`. The server caches each user's bcrypt
        // check as it does in production, so the measured run pays no bcrypt.
        let warmStart = ContinuousClock.now
        try await forEachConcurrently(Array(connectors(LatencyRecorder(), warmUpClient).enumerated()), width: 16) { index, connector in
            let warm = await ConnectorResult.runUntilIdle(connector, rotation: index)
            guard warm.errors.isEmpty else { throw BenchError("warm-up of \(connector.company.username): \(warm.errors)") }
        }
        let warmSeconds = (ContinuousClock.now - warmStart).seconds
        let steady = seconds > 0
        let queuedBeforehand = steady ? [] : work == .raw ? try await fleet.enqueueRawRequests(perCompany: paymentsPerCompany)
            : try await fleet.enqueuePayments()
        // Idle as between polls: the warm-up's connections closed and a memory trim (every 5 s) passed.
        warmUpClientOpen = false
        try await warmUpClient.shutdown()
        try await Task.sleep(for: .seconds(6))
        let idleMemory = servers.map(\.memory)

        print(steady ? "running \(companies) Web Connectors in steady state for \(seconds) s…" : "running \(companies) Web Connectors at once…")
        let latencies = LatencyRecorder()
        let sampler = ServerSampler(pids: servers.map(\.pid))
        let sampling = Task { await sampler.run() }
        let gauge = SessionGauge()
        let gaugeSampling = Task { await gauge.sample() }
        let cpuBefore = servers.map(\.cpuSeconds).reduce(0, +)
        let clientCPUBefore = ProcessStats.cpuSeconds(pid: getpid())
        let start = ContinuousClock.now
        var sessions = 0
        var errors: [String] = []
        var paymentIDs = queuedBeforehand
        if steady {
            // Offsets spread over about one session, so the Web Connectors are out of step from the start.
            let stagger = Duration.milliseconds(max(1000, 4 * quickbooksMs))
            let outcomes = await SteadyLoad(fleet: fleet, work: work, paymentsPerSession: paymentsPerCompany, duration: .seconds(seconds),
                                            stagger: stagger, seed: seed).run(connectors(latencies, connectorClient), gauge: gauge)
            sessions = outcomes.reduce(0) { $0 + $1.sessions }
            errors = outcomes.flatMap(\.errors)
            paymentIDs = outcomes.map(\.paymentIDs)
        } else {
            let results = await withTaskGroup(of: ConnectorResult.self) { group in
                for (index, connector) in connectors(latencies, connectorClient).enumerated() {
                    group.addTask {
                        gauge.begin()
                        defer { gauge.end() }
                        return await ConnectorResult.runUntilIdle(connector, rotation: index)
                    }
                }
                return await group.reduce(into: [ConnectorResult]()) { $0.append($1) }
            }
            sessions = results.reduce(0) { $0 + $1.sessions }
            errors = results.flatMap(\.errors)
        }
        let elapsed = (ContinuousClock.now - start).seconds
        let cpu = servers.map(\.cpuSeconds).reduce(0, +) - cpuBefore
        let clientCPU = ProcessStats.cpuSeconds(pid: getpid()) - clientCPUBefore
        sampling.cancel()
        gaugeSampling.cancel()
        let loadMemory = await sampler.peaks
        let loadMemoryByTenth = await sampler.peaksByPart()
        let cpuByTenth = await sampler.cpuPercentByPart(cores: ProcessInfo.processInfo.activeProcessorCount)
        if steady {
            // What the last sessions left queued, posted now (not measured) so that every payment can be checked.
            try await forEachConcurrently(Array(connectors(LatencyRecorder(), connectorClient).enumerated()), width: 16) { index, connector in
                let drain = await ConnectorResult.runUntilIdle(connector, rotation: index)
                guard drain.errors.isEmpty else { throw BenchError("draining \(connector.company.username): \(drain.errors)") }
            }
        }
        // Idle for longer than the server's memory trimmer period (5 s), as any real pause between polls is.
        try await Task.sleep(for: .seconds(7))
        let afterMemory = servers.map(\.memory)
        // Then the Web Connectors close their kept-alive connections, as .NET does after 100 s of silence
        // (the server itself closes any left idle for 120 s); each held what its deepest call needed.
        connectorClientOpen = false
        try await connectorClient.shutdown()
        try await Task.sleep(for: .seconds(7))
        let closedMemory = servers.map(\.memory)

        let check = work == .payments ? try await fleet.verify(paymentIDs: paymentIDs) : LoadFleet.Check()
        let raw = work == .raw ? try await fleet.verifyRawRequests(paymentIDs) : (answered: 0, failed: 0, other: 0)
        print("instances: \(instances)  database: \(database == nil ? "SQLite" : "PostgreSQL")  Web Connectors: \(companies)  \(work == .raw ? "raw requests" : "payments"): \(paymentIDs.reduce(0) { $0 + $1.count })  QuickBooks time per document: \(quickbooksMs) ms  mode: \(steady ? "steady state, \(seconds) s" : "burst")")
        print(String(format: "warm-up (first session and bcrypt check per company, not measured): %.2f s", warmSeconds))
        print(String(format: "sessions with work: %d in %.2f s: %.1f sessions/s (%d SOAP calls, %.0f calls/s)",
                     sessions, elapsed, Double(sessions) / elapsed, latencies.count, Double(latencies.count) / elapsed))
        print(String(format: "sessions in progress at once: %.1f on average, %d at most", gauge.average, gauge.peak))
        print(String(format: "SOAP call latency (client side): p50 %.2f ms  p99 %.2f ms  max %.2f ms", latencies.percentile(50), latencies.percentile(99), latencies.percentile(100)))
        print("  by call: " + latencies.byCallSummary())
        print("  p99 in each tenth of the calls, in the order they finished: "
              + latencies.percentileByPart(99).map { String(format: "%.1f", $0) }.joined(separator: " ") + " ms")
        print(String(format: "server CPU per session: %.2f ms (%.2f s CPU over %d instance(s); %.0f%% of %d cores over the run)",
                     cpu * 1000 / Double(max(sessions, 1)), cpu, instances, cpu / elapsed / Double(ProcessInfo.processInfo.activeProcessorCount) * 100,
                     ProcessInfo.processInfo.activeProcessorCount))
        // The simulated Web Connectors and QuickBooks run on the same two cores: what they take, the server cannot use.
        print(String(format: "benchmark client CPU over the run: %.2f s (%.0f%% of the cores)", clientCPU,
                     clientCPU / elapsed / Double(ProcessInfo.processInfo.activeProcessorCount) * 100))
        for (index, server) in servers.enumerated() {
            print("server \(index + 1) memory, MiB     resident  anonymous  file-backed")
            let rows = [("just started", startMemory[index]), ("idle after set-up", idleMemory[index]),
                        ("highest under load", loadMemory[index]), ("idle 7 s after", afterMemory[index]),
                        ("connections closed", closedMemory[index])]
            for (label, use) in rows {
                print("  " + label.padding(toLength: 22, withPad: " ", startingAt: 0)
                      + String(format: " %8.1f  %9.1f  %11.1f", use.residentMiB, use.anonymousMiB, use.fileMiB))
            }
            print(String(format: "  peak (VmHWM)           %8.1f", server.peakMemoryMiB))
            print("server \(index + 1) memory under load, highest in each tenth of the run: "
                  + loadMemoryByTenth[index].map { String(format: "%.1f", $0) }.joined(separator: " ") + " MiB")
            print("server \(index + 1) CPU in each tenth of the run: "
                  + cpuByTenth[index].map { String(format: "%.0f", $0) }.joined(separator: " ") + " % of the cores")
        }
        print("session errors: \(errors.count)")
        for error in errors.prefix(10) { print("  \(error)") }
        if work == .raw {
            print("raw requests: \(raw.answered) answered, \(raw.failed) failed, \(raw.other) neither")
            guard errors.isEmpty, raw.failed == 0, raw.other == 0 else {
                throw BenchError("load run failed its checks: \(errors.count) session errors, \(raw.failed) raw requests failed, \(raw.other) not answered")
            }
            print("checks: no session error; every raw request answered")
            return
        }
        print("payments: \(check.posted) posted, \(check.failed) failed, \(check.other) neither; in QuickBooks: \(check.once) exactly once, \(check.missing) missing, \(check.duplicates) duplicated, \(check.unreported) there but not reported posted")
        guard errors.isEmpty, check.duplicates == 0, check.missing == 0, check.unreported == 0, check.other == 0 else {
            throw BenchError("load run failed its checks: \(errors.count) session errors, \(check.duplicates) duplicates, \(check.other) payments not finished, \(check.missing) posted but missing in QuickBooks, \(check.unreported) in QuickBooks but not posted")
        }
        print("checks: no session error; every posted payment is in its QuickBooks exactly once")
    }
}

/// What one Web Connector did in the measured run.
struct ConnectorResult: Sendable {
    var sessions = 0
    var errors: [String] = []

    /// Sessions until authenticate answers `none` (at most 20: more means the queue does not drain).
    static func runUntilIdle(_ connector: TimedWebConnector, rotation: Int) async -> ConnectorResult {
        var result = ConnectorResult()
        for attempt in 0..<20 {
            do {
                switch try await connector.runSession(rotation: rotation + attempt) {
                case .noWork: return result
                case .completed: result.sessions += 1
                case .refused(let why):
                    result.sessions += 1
                    result.errors.append("\(connector.company.username): \(why)")
                }
            } catch {
                result.errors.append("\(connector.company.username): \(error)")
            }
        }
        result.errors.append("\(connector.company.username): still had work after 20 sessions")
        return result
    }
}

/// Samples each server's resident memory (anonymous and file-backed) and CPU time every 100 ms: the highest
/// memory, and per tenth of the run the highest memory and the share of the cores the server used, which show
/// whether memory levels off under load or keeps climbing, and whether the server's work per session grows as
/// its database does.
actor ServerSampler {
    private struct Sample {
        var at: ContinuousClock.Instant
        var memory: MemoryUse
        var cpuSeconds: Double
    }

    private let pids: [Int32]
    private var samples: [[Sample]]

    init(pids: [Int32]) {
        self.pids = pids
        samples = pids.map { _ in [] }
    }

    /// Per server, the sample with the highest resident total, with its anonymous and file-backed parts.
    var peaks: [MemoryUse] {
        samples.map { $0.map(\.memory).max { $0.residentMiB < $1.residentMiB } ?? MemoryUse(residentMiB: 0, anonymousMiB: 0, fileMiB: 0) }
    }

    /// Per server, the highest sample in each of `parts` equal stretches of the run (fewer if the run was short).
    func peaksByPart(_ parts: Int = 10) -> [[Double]] {
        samples.map { series in series.stretches(parts).map { $0.map(\.memory.residentMiB).max() ?? 0 } }
    }

    /// Per server, the share of `cores` it used in each of `parts` equal stretches of the run, in percent.
    func cpuPercentByPart(cores: Int, _ parts: Int = 10) -> [[Double]] {
        samples.map { series in
            series.stretches(parts, overlapping: true).compactMap { stretch in
                guard let first = stretch.first, let last = stretch.last, last.at > first.at else { return nil }
                return (last.cpuSeconds - first.cpuSeconds) / (last.at - first.at).seconds / Double(cores) * 100
            }
        }
    }

    func run() async {
        while !Task.isCancelled {
            let now = ContinuousClock.now
            for (index, pid) in pids.enumerated() {
                samples[index].append(Sample(at: now, memory: ProcessStats.memory(pid: pid),
                                             cpuSeconds: ProcessStats.cpuSeconds(pid: pid)))
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// What the Web Connectors of a load run do in each session.
enum LoadWork: String, ExpressibleByArgument, Sendable {
    /// Payments, posted in batches after the pre-flight invoice query.
    case payments
    /// Raw qbXML requests (a customer query each), one per exchange.
    case raw
}
