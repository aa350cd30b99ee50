import ArgumentParser
import Bridge
import Domain
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Store
import Synchronization
import Triage

/// `qbbridge-bench webhooks`: the webhook sender against a receiver on 127.0.0.1 (docs/architecture.md,
/// "Webhooks"). Events are written through the store's real change paths (a connection problem that opens
/// and clears, two events each time, spread over companies) into a fresh SQLite file. Prints
/// - throughput: N events written while nothing is sent, then the sender started: events delivered per second;
/// - delay: events written at a steady rate while the sender runs: change to delivery, p50 and p99.
struct WebhooksBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "webhooks", abstract: "Webhook deliveries per second and change-to-delivery delay.")

    @Option(name: .shortAndLong, help: "Events for the throughput run.") var count = 2000
    @Option(help: "Companies the events are spread over (events of one company go out in order).") var companies = 50
    @Option(help: "Events per second written during the delay run.") var rate = 100
    @Option(help: "Seconds the delay run writes events for.") var seconds = 10

    func run() async throws {
        let logger: Logger = {
            var logger = Logger(label: "bench")
            logger.logLevel = .error
            return logger
        }()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-bench-webhooks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("bench.sqlite").path)
        let receiver = try await BenchReceiver.start()
        defer { receiver.stop() }
        try await Database.withOpened(location, logger: logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            var configuration = BridgeConfiguration()
            configuration.webhooks.allowInsecure = true
            let services = BridgeServices(store: store, configuration: configuration, logger: logger)
            var ids: [CompanyID] = []
            for index in 0..<companies {
                ids.append(try await store.companies.create(NewCompany(name: "Bench \(index)", username: "bench\(index)", passwordHash: "x",
                                                                       runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "bench").id)
            }
            _ = try await services.webhooks.create(url: "http://127.0.0.1:\(receiver.port)/hook", events: ["*"], description: "bench",
                                                   companyID: nil, actor: "bench")
            let companyIDs = ids

            // Throughput: a backlog of events, then the sender.
            let writeStart = ContinuousClock.now
            try await Self.write(events: count, companies: companyIDs, store: store)
            let written = Self.seconds(ContinuousClock.now - writeStart)
            print("wrote \(count) events in \(String(format: "%.2f", written)) s (\(Int(Double(count) / written)) events/s, each in its change's transaction)")
            guard let sender = services.webhookDeliveryService() else { throw BenchError("the webhook sender is off") }
            let drainStart = ContinuousClock.now
            let task = Task { try await sender.run() }
            while receiver.count < count { try await Task.sleep(for: .milliseconds(5)) }
            let drained = Self.seconds(ContinuousClock.now - drainStart)
            print(String(format: "throughput: %d events delivered in %.2f s: %.0f events/s (%d companies, batch %d)",
                         count, drained, Double(count) / drained, companies, configuration.webhooks.batchSize))

            // Delay: a steady stream while the sender runs.
            receiver.reset()
            let total = rate * seconds
            let interval = Duration.milliseconds(Int64(1000 / max(1, rate / 2)))
            for round in 0..<(total / 2) {
                let company = companyIDs[round % companyIDs.count]
                try await Self.cycle(company: company, store: store)
                try await Task.sleep(for: interval)
            }
            while receiver.count < total { try await Task.sleep(for: .milliseconds(5)) }
            task.cancel()
            _ = try? await task.value
            let delays = receiver.delays()
            print(String(format: "change to delivery (%d events at %d/s): p50 %.1f ms, p99 %.1f ms, max %.1f ms (poll interval %.0f ms)",
                         delays.count, rate, Self.percentile(50, delays), Self.percentile(99, delays), delays.max() ?? 0,
                         configuration.webhooks.pollSeconds * 1000))
            let duplicates = receiver.duplicates
            print("webhook-ids received twice: \(duplicates)")
        }
    }

    /// Writes `events` events (a problem that opens and clears is two), companies in turn, eight at once.
    static func write(events: Int, companies: [CompanyID], store: Store) async throws {
        let cycles = events / 2
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<min(8, companies.count) {
                group.addTask {
                    var round = lane
                    while round < cycles {
                        try await cycle(company: companies[round % companies.count], store: store)
                        round += 8
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    static func cycle(company: CompanyID, store: Store) async throws {
        let problem = NewFailure(companyID: company, jobID: nil, category: .quickbooksCannotStart, title: "QuickBooks could not start",
                                 summary: "bench", evidence: FailureEvidence(), statusCode: nil, statusMessage: nil, hresult: "0x80040408",
                                 resolution: [], actions: [.retry], autoRecheck: false, isConnection: true)
        try await store.failures.recordConnection(problem)
        try await store.failures.resolveConnection(companyID: company, reason: "bench")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func percentile(_ p: Double, _ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))]
    }
}

/// A receiver on 127.0.0.1 that answers every POST with 204 and notes each webhook-id with the delay since the
/// event's `timestamp` (written when the change committed).
final class BenchReceiver: Sendable {
    let port: Int
    private let channel: any Channel
    private let recorder: Recorder

    private init(port: Int, channel: any Channel, recorder: Recorder) {
        self.port = port
        self.channel = channel
        self.recorder = recorder
    }

    static func start() async throws -> BenchReceiver {
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ReceiverHandler(recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return BenchReceiver(port: channel.localAddress?.port ?? 0, channel: channel, recorder: recorder)
    }

    var count: Int { recorder.state.withLock { $0.ids.count } }
    var duplicates: Int { recorder.state.withLock { $0.ids.values.filter { $0 > 1 }.count } }
    func delays() -> [Double] { recorder.state.withLock { $0.delays } }
    func reset() { recorder.state.withLock { $0 = ([:], []) } }
    func stop() { channel.close(promise: nil) }

    final class Recorder: Sendable {
        let state = Mutex<(ids: [String: Int], delays: [Double])>(([:], []))
    }

    /// Reads one request at a time and answers it.
    final class ReceiverHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let recorder: Recorder
        var id = ""
        var body = ByteBuffer()

        init(recorder: Recorder) {
            self.recorder = recorder
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                id = head.headers.first(name: "webhook-id") ?? ""
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                let arrived = Date()
                var delay: Double?
                if let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
                   let text = object["timestamp"] as? String, let sent = Self.parser.withLock({ $0.date(from: text) }) {
                    delay = arrived.timeIntervalSince(sent) * 1000
                }
                let id = self.id
                recorder.state.withLock { state in
                    state.ids[id, default: 0] += 1
                    if let delay { state.delays.append(delay) }
                }
                var headers = HTTPHeaders()
                headers.add(name: "content-length", value: "0")
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .noContent, headers: headers))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }

        private static let parser: Mutex<ISO8601DateFormatter> = {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return Mutex(formatter)
        }()
    }
}
